// Header search (phase 2): GET /api/search?q= over departments, tasks, indicators, chains, segments, enterprises,
// platforms, institutes and towns (aliases resolve: "经信局" finds 市经信局). The last entry opens the full results page
// #/search?q=; Enter without a highlighted hit opens it too.
import { get } from './api.js';
import { fold, href, html, str } from './dom.js';
import { t, has } from './i18n.js';

let index = null; // kept for the box's "loading" hint; phase 2 asks the server

const ORDER = ['Department', 'Task', 'Indicator', 'Chain', 'Segment', 'Enterprise', 'Platform', 'Institute', 'Town'];

/** The app page of a search hit. */
export function hitHref(h) {
  switch (h.kind) {
    case 'Department': return href('departments', h.id);
    case 'Task': return href('tasks', h.id);
    case 'Indicator': return href('indicators', h.id);
    case 'Chain': return href('chains', h.id);
    case 'Enterprise': return href('enterprises', h.id);
    case 'Town': return href('towns', h.id);
    default: return href('explore', h.kind, h.id);
  }
}

/** GET /api/search?q= : [{kind, id, name, matched, why, score, assumed, sample}], best first. */
export function search(query, kind) {
  return get('/api/search?q=' + encodeURIComponent(query.trim()) + (kind ? '&kind=' + encodeURIComponent(kind) : ''));
}

/** Hits grouped by kind, in a fixed order: [{kind, items}]. */
export function group(items) {
  const by = {};
  items.forEach((h) => (by[h.kind] = by[h.kind] || []).push(h));
  return Object.keys(by)
    .sort((a, b) => (ORDER.indexOf(a) < 0 ? 99 : ORDER.indexOf(a)) - (ORDER.indexOf(b) < 0 ? 99 : ORDER.indexOf(b)))
    .map((k) => ({ kind: k, items: by[k] }));
}

/** Why a hit matched, in the UI's language: the server's reason code and params through the catalogue (its English words as a fallback). */
export function whyText(h) {
  if (h.reason && has('why.' + h.reason)) return t('why.' + h.reason, h.reasonParams || {});
  return h.why || '';
}

/** Results for the header box, best first: [{kind, label, sub, href}]. */
export async function find(query, limit) {
  if (!fold(query)) return [];
  const r = await search(query);
  index = true;
  const hits = r.items.slice(0, limit || 12).map((h) => ({
    kind: h.kind.charAt(0).toLowerCase() + h.kind.slice(1),
    apiKind: h.kind,
    label: h.kind === 'Task' ? t('common.task', { no: h.id }) : h.name,
    sub: h.kind === 'Task' ? h.name : whyText(h) || (h.id !== h.name ? h.id : ''),
    href: hitHref(h),
  }));
  hits.push({ kind: 'all', apiKind: 'all', label: t('search.all') + ' →', sub: '', href: '#/search?q=' + encodeURIComponent(query.trim()) });
  return hits;
}

/** Nothing to prepare any more: the server searches. */
export function warm() {}

/** Wires the header box: results as you type, arrow keys, Enter opens, Escape closes. */
export function bindSearchBox(input, list) {
  let results = [];
  let active = -1;
  let seq = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const paint = () => {
    if (!results.length) {
      list.innerHTML = str(html`<li class="search-empty" role="option" aria-disabled="true">${t('search.none')}</li>`);
    } else {
      list.innerHTML = str(
        results.map(
          (r, i) =>
            html`<li role="option" id="sr-${i}" class="search-item${i === active ? ' active' : ''}" aria-selected="${i === active ? 'true' : 'false'}" data-kind="${r.kind}">
              <a href="${r.href}" tabindex="-1"><span class="sr-kind">${r.kind === 'all' ? '⌕' : t('kind.' + r.apiKind)}</span><span class="sr-label">${r.label}</span><span class="sr-sub">${r.sub}</span></a></li>`
        )
      );
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) input.setAttribute('aria-activedescendant', 'sr-' + active);
  };

  const update = async () => {
    const my = ++seq;
    const q = input.value;
    if (!fold(q)) {
      results = [];
      close();
      return;
    }
    if (!index) {
      list.innerHTML = str(html`<li class="search-empty">${t('search.loading')}</li>`);
      list.hidden = false;
    }
    const r = await find(q);
    if (my !== seq) return;
    results = r.length > 1 ? r : [];
    active = results.length ? 0 : -1;
    paint();
  };

  const open = (i) => {
    const r = results[i];
    if (!r) return;
    close();
    input.value = '';
    results = [];
    input.blur();
    window.location.hash = r.href;
  };

  let timer = null;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(update, 150);
  });
  input.addEventListener('focus', () => {
    if (fold(input.value)) update();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!results.length) return;
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : -1) + results.length) % results.length;
      paint();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (results.length && active >= 0) open(active);
      else if (fold(input.value)) {
        const q = input.value.trim();
        close();
        input.value = '';
        input.blur();
        window.location.hash = '#/search?q=' + encodeURIComponent(q);
      }
    } else if (e.key === 'Escape') {
      close();
    }
  });
  list.addEventListener('mousedown', (e) => {
    // keep focus handling simple: navigate on mousedown before the input's blur hides the list
    const li = e.target.closest('li[id^="sr-"]');
    if (li) {
      e.preventDefault();
      open(Number(li.id.slice(3)));
    }
  });
  document.addEventListener('click', (e) => {
    if (!e.target.closest('.search')) close();
  });
}

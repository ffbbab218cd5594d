// Header search. Phase 1: a client-side filter over the departments, tasks, indicators and towns the app already
// reads (aliases included, so "经信局" finds 市经信局). A later phase replaces find() with a call to /api/search;
// the header box (bindSearchBox) stays as it is.
import { get } from './api.js';
import { fold, href, html, str } from './dom.js';
import { t } from './i18n.js';

let index = null;

function load() {
  if (!index) {
    index = Promise.all([get('/api/departments'), get('/api/tasks'), get('/api/indicators'), get('/api/towns')]).then(
      ([departments, tasks, indicators, towns]) => {
        const items = [];
        departments.forEach((d) =>
          items.push({
            kind: 'department',
            label: d.name,
            sub: d.fullName || '',
            href: href('departments', d.name),
            keys: [d.name, d.fullName].concat(d.aliases || []),
            text: '',
            weight: 3,
          })
        );
        towns.forEach((w) =>
          items.push({
            kind: 'town',
            label: w.name,
            sub: w.fullName || '',
            href: href('towns', w.name),
            keys: [w.name, w.fullName].concat(w.aliases || []),
            text: '',
            weight: 3,
          })
        );
        indicators.forEach((i) =>
          items.push({
            kind: 'indicator',
            label: i.name,
            sub: i.id + ' · ' + i.origin + (i.unit ? ' · ' + i.unit : ''),
            href: href('indicators', i.id),
            keys: [i.id, i.name],
            text: i.category || '',
            weight: 2,
          })
        );
        tasks.forEach((k) =>
          items.push({
            kind: 'task',
            label: t('common.task', { no: k.no }) + ' ' + k.measure,
            sub: k.content,
            href: href('tasks', k.no),
            keys: ['任务' + k.no, 'task' + k.no, String(k.no), k.measure],
            text: k.content,
            weight: 1,
          })
        );
        items.forEach((it) => {
          it.foldedKeys = it.keys.filter(Boolean).map(fold);
          it.foldedText = fold(it.text);
        });
        return items;
      }
    );
    index.catch(() => {
      index = null;
    });
  }
  return index;
}

function score(it, q) {
  let best = 0;
  for (const k of it.foldedKeys) {
    if (k === q) best = Math.max(best, 100);
    else if (k.indexOf(q) === 0) best = Math.max(best, 70);
    else if (k.indexOf(q) > 0) best = Math.max(best, 50);
  }
  if (!best && q.length >= 2 && it.foldedText.indexOf(q) >= 0) best = 20;
  return best ? best + it.weight : 0;
}

/** Results for a query, best first: [{kind, label, sub, href}]. */
export async function find(query, limit) {
  const q = fold(query);
  if (!q) return [];
  const items = await load();
  return items
    .map((it) => ({ it, s: score(it, q) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.it.label.localeCompare(b.it.label, 'zh'))
    .slice(0, limit || 12)
    .map((x) => x.it);
}

/** Prepares the index in the background (after the first view has rendered). */
export function warm() {
  load();
}

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
              <a href="${r.href}" tabindex="-1"><span class="sr-kind">${t('kind.' + r.kind)}</span><span class="sr-label">${r.label}</span><span class="sr-sub">${r.sub}</span></a></li>`
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
    results = r;
    active = r.length ? 0 : -1;
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

  input.addEventListener('input', update);
  input.addEventListener('focus', () => {
    load();
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
      if (results.length) open(active < 0 ? 0 : active);
      else find(input.value).then((r) => {
        results = r;
        if (r.length) open(0);
        else paint();
      });
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

// Small building blocks shared by the views: provenance, badges, notices, banners, target labels.
import { html, href, num, raw } from './dom.js';
import { t, getLang, template, bi } from './i18n.js';
import { hasRoute } from './router.js';

/**
 * "数据来源" affordance for a fact from the document: the clause reference (附件2 第52行), opening the verbatim text.
 * Without text it shows the reference alone.
 */
export function prov(ref, text, opts) {
  if (!ref) return '';
  const o = opts || {};
  if (!text) {
    return html`<span class="prov prov-ref" title="${t('common.source')}"><span class="prov-tag" aria-hidden="true">${t('common.source')}</span>${ref}</span>`;
  }
  return html`<details class="prov${o.block ? ' prov-block' : ''}"${o.open ? raw(' open') : ''}><summary title="${t('common.source')}"><span class="prov-tag">${t('common.source')}</span>${ref}</summary><blockquote class="prov-text" cite="${ref}">${text}</blockquote></details>`;
}

/** A clause printed in full, for pages whose point is the provenance (task page, consistency). */
export function clause(ref, text, quote) {
  return html`<figure class="clause"><figcaption><span class="prov-tag">${t('common.source')}</span>${ref}</figcaption><blockquote>${highlight(text, quote)}</blockquote></figure>`;
}

function highlight(text, quote) {
  const s = String(text || '');
  if (!quote || s.indexOf(quote) < 0 || quote === s) return s;
  const i = s.indexOf(quote);
  return html`${s.slice(0, i)}<mark>${quote}</mark>${s.slice(i + quote.length)}`;
}

/** The "假设 assumed" badge for things the document does not state (cluster grouping, default chain maps). */
export function assumedBadge(note) {
  return html`<span class="badge badge-assumed" title="${note || t('common.assumedTitle')}">${t('badge.assumed')}</span>`;
}

/** The "样例数据（虚构）" banner shown on any view whose data carries {sample: true}. */
export function sampleBanner() {
  return html`<div class="sample-banner" role="note"><strong>${t('badge.sample')}</strong><span>${t('common.sampleNote')}</span></div>`;
}

/** A small inline "样例" marker for one row or item. */
export function sampleBadge() {
  return html`<span class="badge badge-sample" title="${t('common.sampleNote')}">${t('badge.sample')}</span>`;
}

export function notice(kind, content) {
  return html`<div class="notice notice-${kind}" role="${kind === 'warn' ? 'alert' : 'note'}">${content}</div>`;
}

export function roleBadge(lead) {
  return lead
    ? html`<span class="badge badge-lead">${t('common.lead')}</span>`
    : html`<span class="badge badge-co">${t('common.co')}</span>`;
}

/** Page heading with an optional kicker line, subtitle and actions (print). */
export function pageHeader(opts) {
  return html`<div class="page-head">
    ${opts.crumbs ? html`<nav class="crumbs" aria-label="breadcrumb">${opts.crumbs.map((c, i) => html`${i ? raw('<span aria-hidden="true"> › </span>') : ''}${c.href ? html`<a href="${c.href}">${c.label}</a>` : html`<span>${c.label}</span>`}`)}</nav>` : ''}
    <div class="page-head-row">
      <h1 tabindex="-1">${opts.title}${opts.badge || ''}</h1>
      <div class="page-actions">${opts.actions || ''}${opts.print === false ? '' : html`<button type="button" class="btn btn-light" data-action="print">${t('common.print')}</button>`}</div>
    </div>
    ${opts.sub ? html`<p class="page-sub">${opts.sub}</p>` : ''}
  </div>`;
}

const CMP = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '' };

/** A target as a short label: "≥50", "1250", or the document's words when it has no number (never 0). */
export function targetLabel(tg) {
  if (!tg) return '';
  if (tg.value === null || tg.value === undefined) return tg.text;
  return (CMP[tg.comparator] || '') + num(tg.value);
}

export function qualifierText(q) {
  return q ? String(q).split('|').join('、') : '';
}

/** A target in a table cell: the number (with comparator and qualifier) or the text, marked as text-only. */
export function targetCell(tg) {
  if (!tg) return html`<span class="muted">—</span>`;
  if (tg.value === null || tg.value === undefined) {
    return html`<span class="text-only" title="${t('common.textOnly')}">${tg.text}</span>`;
  }
  // With the document's own words (以上, 突破, 不低于) the comparator symbol would say the same thing twice.
  const q = qualifierText(tg.qualifier);
  return q
    ? html`<span class="num">${num(tg.value)}</span> <span class="qual">${q}</span>`
    : html`<span class="num">${targetLabel(tg)}</span>`;
}

/** A link to a department, task, indicator, town … when the app has a page for it; plain text otherwise. */
export function entityLink(kind, id, label) {
  const path = entityPath(kind, id);
  const text = label === undefined ? id : label;
  return path && hasRoute(path) ? html`<a href="${path}">${text}</a>` : html`<span>${text}</span>`;
}

export function entityPath(kind, id) {
  switch (kind) {
    case 'department':
    case 'Department':
      return href('departments', id);
    case 'task':
    case 'Task':
      return href('tasks', id);
    case 'indicator':
    case 'Indicator':
      return href('indicators', id);
    case 'town':
    case 'Town':
      return href('towns', id);
    case 'chain':
    case 'Chain':
      return href('chains', id); // a page from phase 2 on; plain text until its route exists
    case 'Enterprise':
    case 'enterprise':
      return href('enterprises', id);
    case 'Segment':
    case 'Platform':
    case 'Institute':
    case 'Cluster':
    case 'Measure':
    case 'Section':
    case 'Source':
    case 'Target':
    case 'Programme':
    case 'Honour':
      return href('explore', kind, id);
    default:
      return null;
  }
}

/** The Chinese or English name of an item with nameEn. */
export function localName(item) {
  return getLang() === 'en' && item.nameEn ? item.nameEn : item.name;
}

/**
 * A problem+json answer in the UI's language: its `zh` or `en` member when the server gives one, else its `detail` when
 * that is in the UI's language (or the UI is English), else null (the caller says it in its own words).
 */
export function problemText(problem) {
  if (!problem) return null;
  const lang = getLang() === 'en' ? 'en' : 'zh';
  if (typeof problem[lang] === 'string' && problem[lang]) return problem[lang];
  const d = problem.detail;
  if (!d) return null;
  if (lang === 'en') return d;
  // Chinese UI: the detail when it is Chinese (or the Chinese half of "English 中文"), not when it is English
  const zh = oneLang(d);
  return /[\u4e00-\u9fff]/.test(zh) && !/(^|[^A-Za-z0-9_-])[A-Za-z]{3,}[a-z]/.test(zh) ? zh : null;
}

/** The server's own words of a problem, for the "technical details" fold (only when they differ from what is shown). */
export function problemDetails(problem, shown) {
  if (!problem) return '';
  const d = problem.detail || problem.title || '';
  return d && d !== shown ? html`<details class="small tech"><summary>${t('err.details')}</summary><p translate="no">${d}</p></details>` : '';
}

/** A human-readable error block (problem+json, in the UI's language) with a way back. */
export function errorView(err, words) {
  const notFound = err && err.status === 404;
  const p = err && err.problem;
  const text = words || problemText(p) || (notFound ? t('err.notFoundText', { path: decodeURIComponent((err && err.path) || '') }) : err && err.status ? t('err.status', { status: err.status }) : String((err && err.message) || err));
  return html`<div class="page-head"><h1 tabindex="-1">${notFound ? t('common.notFound') : t('common.error')}</h1></div>
    ${notice('warn', html`<p class="error-text">${text}</p>${problemDetails(p, text)}`)}
    <p><a class="btn" href="#/">${t('common.back')}</a> ${notFound ? '' : html`<button type="button" class="btn btn-light" data-action="reload">${t('common.retry')}</button>`}</p>`;
}

/** Thousands and decimals as printed, with a unit. */
export function withUnit(v, unit) {
  return v === null || v === undefined ? '' : num(v) + (unit ? ' ' + unit : '');
}

/** A label whose {placeholders} are filled with markup (links, badges) instead of text. */
export function tHtml(key, vars) {
  const parts = template(key).split(/\{([A-Za-z]+)\}/);
  return html`${parts.map((p, i) => (i % 2 ? vars[p] : p))}`;
}

/** 缺链 / 弱链 / 有链 as a coloured badge (words, not colour alone). */
export function statusBadge(status) {
  if (!status) return html`<span class="muted">—</span>`;
  const cls = status === '缺链' ? 'missing' : status === '弱链' ? 'weak' : 'present';
  return html`<span class="status status-${cls}" data-status="${status}">${t('status.' + status)}</span>`;
}

export function statusClass(status) {
  return status === '缺链' ? 'missing' : status === '弱链' ? 'weak' : status === '有链' ? 'present' : 'none';
}

/**
 * Output in 万元: in Chinese as 亿元 from 10 000 on (one decimal), else 万元; in English in yuan as "CNY 1.2 billion",
 * "CNY 350 million" or "CNY 4.5 million" (never "100m yuan").
 */
export function output(wan) {
  if (wan === null || wan === undefined) return '';
  if (getLang() === 'en') {
    const yuan = wan * 10000;
    if (Math.abs(yuan) >= 1e9) return t('unit.cnyBillion', { v: (Math.round(yuan / 1e8) / 10).toFixed(1) });
    if (Math.abs(yuan) >= 1e7) return t('unit.cnyMillion', { v: String(Math.round(yuan / 1e6)) });
    if (Math.abs(yuan) >= 1e6) return t('unit.cnyMillion', { v: (Math.round(yuan / 1e5) / 10).toFixed(1) });
    return t('unit.cny', { v: Math.round(yuan).toLocaleString('en') });
  }
  if (Math.abs(wan) >= 10000) return (Math.round(wan / 1000) / 10).toFixed(1) + ' ' + t('common.yi');
  return Math.round(wan) + ' ' + t('common.wan');
}

/**
 * Text with its code-like parts (identifiers, Cypher patterns, API paths: primaryOnly, (:Task)-[:CONCERNS]->(x),
 * GET /api/chains/{name}) set as code, marked translate="no" — for report descriptions written in Chinese around code.
 */
export function codeMarks(text) {
  const s = String(text || '');
  const parts = [];
  let last = 0;
  s.replace(/[A-Za-z_(:/$\[][\w.:()\[\]{}<>=\-/|*'"$,]*/g, (m, at) => {
    if (!/[A-Za-z]/.test(m)) return m;
    parts.push(s.slice(last, at), html`<code translate="no">${m}</code>`);
    last = at + m.length;
    return m;
  });
  parts.push(s.slice(last));
  return html`${parts}`;
}

/** The half of a server string in the UI's language: "中文 English" or "English 中文" (e.g. a problem's title). */
export function oneLang(text) {
  if (!text) return '';
  const s = String(text);
  const m = s.match(/^([^\u3000-\u9fff]*[A-Za-z][^\u3000-\u9fff]*?)\s+([\u3000-\u9fff\uff00-\uffef].*)$/);
  if (m && !/[A-Za-z]{3,}/.test(m[2])) return getLang() === 'en' ? m[1] : m[2];
  return bi(s);
}

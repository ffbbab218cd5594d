// Consistency: where the document contradicts itself, grouped by kind, with the clauses quoted.
import { html, href } from '../dom.js';
import { t, has } from '../i18n.js';
import { clause, entityLink, pageHeader } from '../components.js';

const ORDER = [
  'TARGET_VALUE_CONFLICT',
  'TOWN_SUM_MISMATCH',
  'DEPARTMENT_DOUBT',
  'TARGET_QUALIFIER_CONFLICT',
  'DEPARTMENT_NAME_VARIANT',
  'SECTION_TITLE_VARIANT',
  'MEASURE_TITLE_VARIANT',
  'TASK_TEXT_VARIANT',
];

function kindLabel(kind, fallback) {
  return has('cons.kind.' + kind) ? t('cons.kind.' + kind) : fallback || kind;
}

/** The subject with a link to the page it is about (indicator, task, department) where there is one. */
function subject(f) {
  const s = f.subject || '';
  let m = /^((?:A\d-\d{2})|(?:G-[A-Z0-9-]+))(\s.*)$/.exec(s);
  if (m) return html`${entityLink('indicator', m[1])}${m[2]}`;
  m = /^任务(\d+)$/.exec(s);
  if (m) return html`<a href="${href('tasks', m[1])}">${t('common.task', { no: m[1] })}</a>`;
  if (f.kind === 'DEPARTMENT_NAME_VARIANT') return entityLink('department', s);
  if (f.kind === 'DEPARTMENT_DOUBT') {
    const parts = s.split(' / ');
    return html`${parts.map((p, i) => html`${i ? ' / ' : ''}${entityLink('department', p)}`)}`;
  }
  return s;
}

export default async function consistency(ctx) {
  const report = await ctx.get('/api/consistency');
  const kinds = Object.keys(report.byKind || {}).sort((a, b) => {
    const ia = ORDER.indexOf(a) < 0 ? 99 : ORDER.indexOf(a);
    const ib = ORDER.indexOf(b) < 0 ? 99 : ORDER.indexOf(b);
    return ia - ib || a.localeCompare(b);
  });
  const groups = kinds.map((k) => ({ kind: k, items: report.findings.filter((f) => f.kind === k) }));

  const view = html`
  ${pageHeader({ title: t('cons.title'), sub: t('cons.intro') })}
  <nav class="toc" aria-label="${t('cons.title')}">
    <span class="count">${t('cons.total', { n: report.total })}</span>
    <ul>${groups.map((g) => html`<li><a href="#/consistency" data-jump="k-${g.kind}">${kindLabel(g.kind, g.items[0] && g.items[0].title)} <b>${g.items.length}</b></a></li>`)}</ul>
  </nav>
  ${groups.map(
    (g) => html`<section class="block finding-group" id="k-${g.kind}" data-kind="${g.kind}" aria-labelledby="h-${g.kind}">
      <h2 id="h-${g.kind}">${kindLabel(g.kind, g.items[0] && g.items[0].title)} <span class="count">${t('common.items', { n: g.items.length })}</span></h2>
      ${g.items.map(
        (f) => html`<article class="finding sev-${f.severity}">
          <header><span class="badge sev sev-${f.severity}">${has('cons.severity.' + f.severity) ? t('cons.severity.' + f.severity) : f.severity}</span>
            <h3>${subject(f)}</h3></header>
          <p class="detail">${f.detail}</p>
          <div class="clauses">${(f.clauses || []).map((c) => clause(c.ref, c.text))}</div>
        </article>`
      )}
    </section>`
  )}`;

  return {
    title: t('cons.title'),
    html: view,
  };
}

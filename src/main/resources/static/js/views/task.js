// A task of 附件2: section, measure, content, lead, co-owners in listed order, mentions, and the verbatim clauses.
import { html, href } from '../dom.js';
import { t } from '../i18n.js';
import { apiPath } from '../api.js';
import { clause, entityLink, pageHeader } from '../components.js';
import { measureLabel } from './tasks.js';

const CIRCLED = ['', '①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩'];

export default async function task(ctx) {
  const k = await ctx.get(apiPath('tasks', ctx.params.no));
  const no = k.no;
  const view = html`
  ${pageHeader({
    crumbs: [{ href: '#/tasks', label: t('nav.tasks') }, { label: k.section.no + ' ' + k.section.title }, { label: measureLabel(k.measure) }],
    title: t('common.task', { no }) + ' · ' + k.measure.title,
  })}
  <div class="task-layout">
    <div class="task-main">
      <dl class="props">
        <div><dt>${t('task.section')}</dt><dd>${k.section.no} ${k.section.title}${k.section.annexTitle && k.section.annexTitle !== k.section.title ? html` <span class="muted">（附件2：${k.section.annexTitle}）</span>` : ''}</dd></div>
        <div><dt>${t('task.measure')}</dt><dd>${measureLabel(k.measure)}${k.annexMeasureCell && k.annexMeasureCell !== k.measure.title ? html` <span class="muted">（${t('task.annexCell')}：${k.annexMeasureCell}）</span>` : ''}</dd></div>
        <div class="wide"><dt>${t('task.content')}</dt><dd class="task-content">${k.content}</dd></div>
        <div><dt>${t('task.lead')}</dt><dd class="task-lead" data-lead="${k.lead}"><span class="pos" aria-hidden="true">①</span>${entityLink('department', k.lead)}</dd></div>
        <div><dt>${t('task.coOwners')}</dt><dd>${k.coOwners.length
          ? html`<ol class="owners">${k.coOwners.map((d, i) => html`<li data-order="${i + 2}"><span class="pos" aria-hidden="true">${CIRCLED[i + 2] || i + 2}</span>${entityLink('department', d)}</li>`)}</ol>`
          : html`<span class="muted">${t('common.none')}</span>`}</dd></div>
        ${k.departmentsRaw ? html`<div><dt>${t('task.raw')}</dt><dd class="raw">${k.departmentsRaw}</dd></div>` : ''}
        ${k.concerns && k.concerns.length
          ? html`<div class="wide"><dt>${t('task.mentions')}</dt><dd><ul class="mentions">${k.concerns.map(
              (c) => html`<li><span class="kind">${t('kind.' + c.kind)}</span>${entityLink(c.kind, c.id, c.name)}${c.quote && c.quote !== c.name ? html` <q>${c.quote}</q>` : ''}</li>`
            )}</ul></dd></div>`
          : ''}
      </dl>
    </div>
    <section class="task-sources" aria-labelledby="h-src">
      <h2 id="h-src">${t('task.sources')}</h2>
      ${k.sources.filter(Boolean).map((s) => html`<div data-source="${s.id}">${clause(s.ref, s.text, s.quote)}</div>`)}
    </section>
  </div>
  <nav class="pager" aria-label="pager">
    ${no > 1 ? html`<a class="btn btn-light" href="${href('tasks', no - 1)}" rel="prev">← ${t('common.prev')}（${t('common.task', { no: no - 1 })}）</a>` : html`<span></span>`}
    ${no < 62 ? html`<a class="btn btn-light" href="${href('tasks', no + 1)}" rel="next">${t('common.next')}（${t('common.task', { no: no + 1 })}）→</a>` : ''}
  </nav>`;
  return { title: t('common.task', { no }), html: view };
}

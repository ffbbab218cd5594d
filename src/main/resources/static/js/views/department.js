// A department's responsibility sheet: tasks led and co-owned (measure, content), indicators and targets, doubts.
import { html, href } from '../dom.js';
import { t } from '../i18n.js';
import { apiPath } from '../api.js';
import { notice, pageHeader, prov, roleBadge, targetCell, entityLink, tHtml } from '../components.js';
import { withQuery } from '../router.js';

function taskTable(rows, co) {
  return html`<div class="table-wrap"><table class="data tasks-table fixed">
    <colgroup><col class="w-task"><col class="w-measure"><col>${co ? html`<col class="w-pos">` : ''}<col class="w-src noprint-col"></colgroup>
    <thead><tr><th scope="col" class="nowrap">${t('kind.task')}</th><th scope="col">${t('dept.measure')}</th><th scope="col">${t('dept.content')}</th>
      ${co ? html`<th scope="col" class="nowrap">${t('dept.position')}</th>` : ''}<th scope="col" class="nowrap noprint-col">${t('common.source')}</th></tr></thead>
    <tbody>${rows.map(
      (k) => html`<tr>
        <td class="nowrap"><a href="${href('tasks', k.no)}">${t('common.task', { no: k.no })}</a></td>
        <td class="measure-col">${k.measure}</td>
        <td class="content">${k.content}</td>
        ${co ? html`<td class="nowrap">${t('dept.positionN', { n: k.order })}</td>` : ''}
        <td class="nowrap noprint-col">${prov('附件2 第' + k.no + '行')}</td>
      </tr>`
    )}</tbody></table></div>`;
}

export default async function department(ctx) {
  const d = await ctx.get(apiPath('departments', ctx.params.name));
  const years = [2023, 2025, 2027];
  const pick = (ind, y) => ind.targets.find((g) => g.year === y && g.primary) || ind.targets.find((g) => g.year === y);
  const view = html`
  ${pageHeader({
    crumbs: [{ href: '#/departments', label: t('nav.responsibilities') }, { label: d.name }],
    title: d.name,
    sub: [d.fullName, d.kind].filter(Boolean).join(' · '),
    actions: html`<a class="btn btn-light" href="${withQuery('/tasks', { department: d.name })}">${t('dept.allTasks')}</a>`,
  })}
  ${d.resolvedFrom ? notice('info', t('dept.resolved', { from: d.resolvedFrom, to: d.name })) : ''}
  ${d.aliases && d.aliases.length ? html`<p class="aliases"><span class="label">${t('dept.aliases')}：</span>${d.aliases.map((a) => html`<span class="alias">${a}</span>`)}</p>` : ''}
  ${d.doubts && d.doubts.length
    ? notice('doubt', html`<strong>${t('dept.doubts')}</strong>
        ${d.doubts.map((x) => html`<p>${tHtml('dept.doubtText', { other: entityLink('department', x.other) })}${x.note ? html`：${x.note}` : ''}</p>`)}
        <p><a href="#/consistency">${t('nav.consistency')} →</a></p>`)
    : ''}
  ${d.note ? html`<p class="note">${d.note}</p>` : ''}
  <ul class="stats stats-small">
    <li><a href="#/departments" data-jump="dept-leads"><strong data-count="leads">${d.leads.length}</strong><span>${t('dept.leads')}</span></a></li>
    <li><a href="#/departments" data-jump="dept-co"><strong data-count="coOwns">${d.coOwns.length}</strong><span>${t('dept.coOwns')}</span></a></li>
    <li><a href="#/departments" data-jump="dept-ind"><strong data-count="indicators">${d.indicators.length}</strong><span>${t('dept.indicators')}</span></a></li>
  </ul>

  <section class="block" id="dept-leads" aria-labelledby="h-leads">
    <h2 id="h-leads">${t('dept.leads')} <span class="count">${t('common.items', { n: d.leads.length })}</span></h2>
    ${d.leads.length ? taskTable(d.leads, false) : html`<p class="muted">${t('common.none')}</p>`}
  </section>
  <section class="block" id="dept-co" aria-labelledby="h-co">
    <h2 id="h-co">${t('dept.coOwns')} <span class="count">${t('common.items', { n: d.coOwns.length })}</span></h2>
    ${d.coOwns.length ? taskTable(d.coOwns, true) : html`<p class="muted">${t('common.none')}</p>`}
  </section>
  ${!d.leads.length && !d.coOwns.length ? html`<p class="muted">${t('dept.noTasks')}</p>` : ''}
  <section class="block" id="dept-ind" aria-labelledby="h-ind">
    <h2 id="h-ind">${t('dept.indicators')} <span class="count">${t('common.items', { n: d.indicators.length })}</span></h2>
    ${d.indicators.length
      ? html`<div class="table-wrap"><table class="data">
      <thead><tr><th scope="col">#</th><th scope="col">${t('ind.name')}</th><th scope="col">${t('common.unit')}</th><th scope="col">${t('ind.origin')}</th><th scope="col">${t('dept.role')}</th>
        ${years.map((y) => html`<th scope="col" class="r">${t('common.year', { y })}</th>`)}</tr></thead>
      <tbody>${d.indicators.map(
        (i) => html`<tr>
          <td class="nowrap"><a href="${href('indicators', i.id)}">${i.id}</a></td>
          <td><a href="${href('indicators', i.id)}">${i.name}</a></td>
          <td class="nowrap">${i.unit || ''}</td><td class="nowrap">${i.origin}</td><td>${roleBadge(i.lead)}</td>
          ${years.map((y) => html`<td class="r">${pick(i, y) ? targetCell(pick(i, y)) : ''}</td>`)}
        </tr>`
      )}</tbody></table></div>`
      : html`<p class="muted">${t('common.none')}</p>`}
  </section>`;
  return { title: d.name, html: view };
}

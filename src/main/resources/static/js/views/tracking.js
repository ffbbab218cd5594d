// 跟踪督办 #/tracking: the coordinator's dashboard — lights of a quarter by task, indicator and town (as of any date),
// the trend over quarters (ECharts), drill down to a task's reports and an indicator's figures, 督办, bulletin downloads.
import { html, href } from '../dom.js';
import { withQuery } from '../router.js';
import { t } from '../i18n.js';
import { pageHeader } from '../components.js';
import { draw } from '../charts.js';

const COLOURS = { GREEN: '#2f7d32', YELLOW: '#d4a017', RED: '#c8102e', GREY: '#9aa5b1' };

export function lamp(l) {
  return html`<span class="lamp lamp-${(l.colour || 'GREY').toLowerCase()}" data-colour="${l.colour}" title="${l.reason}">${l.colourZh}</span>`;
}

export function periodOptions(periods, selected) {
  return periods.filter((p) => p.quarter > 0).map((p) => html`<option value="${p.id}"${p.id === selected ? html` selected` : ''}>${p.id}</option>`);
}

export default async function tracking(ctx) {
  const q = ctx.query;
  const periods = await ctx.get('/api/periods');
  const period = q.get('period') || '';
  const asOf = q.get('asOf') || '';
  const b = await ctx.get('/api/tracking?' + new URLSearchParams(Object.entries({ period, asOf }).filter((e) => e[1])).toString());
  const sup = await ctx.get('/api/supervision');
  const count = (c) => html`<span class="lamp lamp-green">${c.green}</span> <span class="lamp lamp-yellow">${c.yellow}</span>
    <span class="lamp lamp-red">${c.red}</span> <span class="lamp lamp-grey">${c.grey}</span>`;
  const view = html`
  ${pageHeader({ title: t('tr.title'), sub: t('tr.sub'), actions: html`
    <a class="btn btn-light" id="bulletin-docx" href="/api/bulletins/${b.period}?format=docx${asOf ? '&asOf=' + encodeURIComponent(asOf) : ''}">${t('tr.bulletin')} DOCX</a>
    <a class="btn btn-light" href="/api/bulletins/${b.period}?format=xlsx${asOf ? '&asOf=' + encodeURIComponent(asOf) : ''}">${t('tr.ledger')} XLSX</a>` })}
  <form class="form-grid" id="tracking-form">
    <label>${t('tr.period')}<select name="period">${periodOptions(periods, b.period)}</select></label>
    <label>${t('tr.asOf')}<input name="asOf" value="${asOf}" placeholder="2024-07-20 / 2024Q2"></label>
    <button class="btn" type="submit">${t('tr.show')}</button>
  </form>
  <p class="muted">${b.periodLabel} · ${t('tr.due')} ${b.due} · ${(b.asOf || '').slice(0, 16).replace('T', ' ')}</p>
  <table class="data compact" id="tracking-counts"><tbody>
    <tr><th>${t('tr.tasks')}</th><td>${count(b.taskCounts)}</td></tr>
    <tr><th>${t('tr.indicators')}</th><td>${count(b.indicatorCounts)}</td></tr>
    <tr><th>${t('tr.towns')}</th><td>${count(b.townCounts)}</td></tr></tbody></table>
  <h2>${t('tr.trend')}</h2>
  <div class="chart" id="tracking-trend" style="height:260px"></div>
  <h2>${t('tr.tasks')}</h2>
  <table class="data compact" id="tracking-tasks"><thead><tr><th>${t('tr.task')}</th><th>${t('tr.lead')}</th><th>${t('tr.status')}</th>
    <th>${t('tr.percent')}</th><th>${t('tr.light')}</th><th>${t('tr.reason')}</th><th>${t('tr.review')}</th></tr></thead>
    <tbody>${b.tasks.map((x) => html`<tr id="task-row-${x.no}" data-colour="${x.light.colour}">
      <td><a href="${withQuery('/tracking/tasks/' + x.no, { period: b.period })}">${t('tr.task')} ${x.no}</a></td><td>${x.lead}</td>
      <td>${x.report ? x.report.status : '—'}${x.report && x.report.late ? html` <span class="badge badge-sample">${t('tr.late')}</span>` : ''}</td>
      <td>${x.report ? x.report.percent : ''}</td><td>${lamp(x.light)}</td><td class="small">${x.light.reason}</td>
      <td>${x.report ? (x.report.review ? x.report.review.decisionZh : t('tr.pending')) : ''}</td></tr>`)}</tbody></table>
  <h2>${t('tr.indicators')}</h2>
  <table class="data compact" id="tracking-indicators"><thead><tr><th>${t('tr.indicator')}</th><th>${t('tr.kind')}</th><th>${t('tr.target')}</th>
    <th>${t('tr.expected')}</th><th>${t('tr.actual')}</th><th>${t('tr.light')}</th><th>${t('tr.reason')}</th></tr></thead>
    <tbody>${b.indicators.map((i) => html`<tr data-id="${i.id}" data-colour="${i.light.colour}">
      <td><a href="${href('tracking', 'indicators', i.id)}">${i.id}</a> ${i.name}</td>
      <td><span class="badge badge-assumed" title="${i.kindNote || ''}">${i.kindZh}</span></td>
      <td>${i.target ? i.target.value + (i.target.basis !== 'stated' ? ' (' + i.target.basis + ')' : '') : i.targetText || ''}</td>
      <td>${i.expected === null ? '' : i.expected}</td>
      <td>${i.actual ? (i.actual.value !== null ? i.actual.value : i.actual.status) : ''}</td>
      <td>${lamp(i.light)}</td><td class="small">${i.light.reason}</td></tr>`)}</tbody></table>
  <h2>${t('tr.supervision')} <span class="count">${t('tr.overdue')} ${sup.overdue}</span></h2>
  <table class="data compact" id="supervision-table"><thead><tr><th>ID</th><th>${t('tr.task')}</th><th>${t('tr.lead')}</th><th>${t('tr.period')}</th>
    <th>${t('tr.status')}</th><th>${t('tr.reason')}</th></tr></thead>
    <tbody>${sup.items.map((s) => html`<tr data-state="${s.state}"><td>${s.id}</td><td>${s.subjectName}</td><td>${s.department}</td><td>${s.period}</td>
      <td>${s.stateZh}${s.overdue ? html` <span class="lamp lamp-red">${t('tr.overdue')}</span>` : ''}</td><td class="small">${s.request}</td></tr>`)}</tbody></table>`;
  return { title: t('tr.title'), html: view, mount: (el) => mount(el, ctx, b) };
}

async function mount(el, ctx, b) {
  el.querySelector('#tracking-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = ev.target;
    window.location.hash = withQuery('/tracking', { period: f.period.value, asOf: f.asOf.value });
  });
  const trend = await ctx.get('/api/tracking/trend?to=' + b.period);
  const qs = trend.points.map((p) => p.period);
  const series = ['GREEN', 'YELLOW', 'RED', 'GREY'].map((c) => ({
    name: t('tr.' + c.toLowerCase()), type: 'bar', stack: 'tasks', itemStyle: { color: COLOURS[c] },
    data: trend.points.map((p) => p.tasks[c.toLowerCase()]),
  }));
  return draw(el.querySelector('#tracking-trend'), {
    tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 40, right: 10, top: 30, bottom: 30 },
    xAxis: { type: 'category', data: qs }, yAxis: { type: 'value' }, series,
  });
}

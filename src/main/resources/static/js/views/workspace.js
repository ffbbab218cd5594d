// 部门工作台 #/workspace: a department's tasks (led and co-owned) and indicators of a quarter with due date, state and
// light; returned reports with the coordinator's comments first; the XLSX template and its import (preview, confirm).
import { $, html, str, href } from '../dom.js';
import { me, csrfHeaders, clearCache } from '../api.js';
import { withQuery } from '../router.js';
import { t } from '../i18n.js';
import { pageHeader, notice } from '../components.js';
import { lamp, periodOptions } from './tracking.js';

export default async function workspace(ctx) {
  const u = await me();
  const dept = u && u.department;
  if (!dept && !(u && u.town)) {
    return { title: t('nav.workspace'), html: html`${pageHeader({ title: t('nav.workspace') })}<p class="notice">${t('tr.noDept')}</p>` };
  }
  const periods = await ctx.get('/api/periods');
  const period = ctx.query.get('period') || '';
  const b = await ctx.get('/api/tracking?period=' + encodeURIComponent(period) + (dept ? '&department=' + encodeURIComponent(dept) : ''));
  const returned = b.tasks.filter((x) => x.report && x.report.review && x.report.review.decision === 'returned');
  const view = html`
  ${pageHeader({ title: t('nav.workspace') + ' · ' + (dept || u.town) })}
  <form class="form-grid" id="ws-form"><label>${t('tr.period')}<select name="period">${periodOptions(periods, b.period)}</select></label>
    <button class="btn" type="submit">${t('tr.show')}</button>
    <a class="btn btn-light" id="ws-template" href="/api/tracking/template?period=${b.period}">${t('tr.template')}</a></form>
  <p class="muted">${b.periodLabel} · ${t('tr.due')} <strong id="ws-due">${b.due}</strong></p>
  ${returned.length ? html`<h2>${t('tr.returned')}</h2><ul id="ws-returned">${returned.map((x) => html`<li data-task="${x.no}">
    <a href="${withQuery('/tracking/tasks/' + x.no, { period: b.period })}">${t('tr.task')} ${x.no}</a>：${x.report.review.comment || ''}</li>`)}</ul>` : ''}
  ${dept ? html`<h2>${t('tr.myTasks')}</h2>
  <table class="data compact" id="ws-tasks"><thead><tr><th>${t('tr.task')}</th><th>${t('tr.lead')}</th><th>${t('tr.status')}</th><th>${t('tr.percent')}</th>
    <th>${t('tr.review')}</th><th>${t('tr.light')}</th></tr></thead>
    <tbody>${b.tasks.map((x) => html`<tr id="ws-task-${x.no}" data-colour="${x.light.colour}">
      <td><a href="${withQuery('/tracking/tasks/' + x.no, { period: b.period })}">${t('tr.task')} ${x.no}</a></td>
      <td>${x.lead === dept ? html`<span class="badge badge-lead">${x.lead}</span>` : x.lead}</td>
      <td>${x.report ? x.report.status : '—'}</td><td>${x.report ? x.report.percent : ''}</td>
      <td>${x.report ? (x.report.review ? x.report.review.decisionZh : t('tr.pending')) : ''}</td><td>${lamp(x.light)}</td></tr>`)}</tbody></table>
  <h2>${t('tr.myIndicators')}</h2>
  <table class="data compact" id="ws-indicators"><thead><tr><th>${t('tr.indicator')}</th><th>${t('tr.expected')}</th><th>${t('tr.actual')}</th><th>${t('tr.light')}</th></tr></thead>
    <tbody>${b.indicators.map((i) => html`<tr><td><a href="${href('tracking', 'indicators', i.id)}">${i.id}</a> ${i.name}</td>
      <td>${i.expected === null ? '' : i.expected}</td><td>${i.actual ? (i.actual.value !== null ? i.actual.value : i.actual.status) : ''}</td><td>${lamp(i.light)}</td></tr>`)}</tbody></table>` : ''}
  <h2>${t('tr.import')}</h2>
  <form class="form-grid" id="ws-import"><input type="file" name="file" accept=".xlsx">
    <button class="btn btn-light" type="button" id="ws-preview">${t('tr.preview')}</button>
    <button class="btn" type="button" id="ws-confirm">${t('tr.confirm')}</button></form>
  <div id="ws-result"></div>`;
  return { title: t('nav.workspace'), html: view, mount: (el) => mount(el) };
}

function mount(el) {
  $('#ws-form', el).addEventListener('submit', (ev) => {
    ev.preventDefault();
    window.location.hash = withQuery('/workspace', { period: ev.target.period.value });
  });
  const upload = (confirm) => async () => {
    const f = $('#ws-import', el).file.files[0];
    if (!f) return;
    const data = new FormData();
    data.append('file', f);
    const r = await fetch('/api/tracking/template?confirm=' + confirm, { method: 'POST', body: data, credentials: 'same-origin',
      headers: Object.assign({ Accept: 'application/json' }, csrfHeaders()) });
    const j = await r.json();
    const out = $('#ws-result', el);
    if (!r.ok) {
      out.innerHTML = str(notice('warn', html`${j.detail}<ul>${(j.problems || []).map((p) => html`<li>${p.file} 第${p.line}行 ${p.column}：${p.message}</li>`)}</ul>`));
      return;
    }
    clearCache();
    out.innerHTML = str(notice(j.state === 'applied' ? 'ok' : 'info', html`${j.state}：${j.reports.length} ${t('tr.reports')}，${j.actuals.length} ${t('tr.actual')}`));
  };
  $('#ws-preview', el).addEventListener('click', upload(false));
  $('#ws-confirm', el).addEventListener('click', upload(true));
}

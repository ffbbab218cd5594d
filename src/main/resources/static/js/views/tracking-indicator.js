// An indicator's figures #/tracking/indicators/:id: actual against target and 序时进度 per quarter (ECharts), every
// reported version (city and towns) with its source, computed figures beside them, and the report form where allowed.
import { $, html, str } from '../dom.js';
import { apiPath, send } from '../api.js';
import { t } from '../i18n.js';
import { pageHeader, notice } from '../components.js';
import { draw } from '../charts.js';

export default async function trackingIndicator(ctx) {
  const id = ctx.params.id;
  const a = await ctx.get(apiPath('indicators', id, 'actuals'));
  const view = html`${pageHeader({ title: id + ' ' + a.name, crumbs: [{ href: '#/tracking', label: t('tr.title') }],
    badge: html` <span class="badge badge-assumed">${a.kindZh}</span>` })}
  <h2>${t('tr.series')}</h2><div class="chart" id="indicator-series" style="height:280px"></div>
  ${a.computed.length ? html`<h2>${t('tr.computed')}</h2><ul>${a.computed.map((c) => html`<li>${c.period}：${c.value}（${c.note}）</li>`)}</ul>` : ''}
  ${a.canEditCity || a.canEditTown ? html`<h2>${t('tr.report')}</h2><form class="form-grid" id="actual-form">
    <label>${t('tr.period')}<input name="period" placeholder="2025Q2"></label>
    ${a.canEditTown ? html`<input type="hidden" name="town" value="${a.canEditTown}">` : ''}
    <label>${t('tr.actual')}<input name="value" type="number" step="any"></label>
    <label>${t('tr.source')}<select name="source">${a.sources.map((s) => html`<option>${s}</option>`)}</select></label>
    <button class="btn" type="submit">${t('tr.submit')}</button></form><div id="actual-msg"></div>` : ''}
  <h2>${t('tr.actual')}</h2>
  <table class="data compact" id="actuals-table"><thead><tr><th>${t('tr.period')}</th><th>${t('tr.town')}</th><th>${t('tr.version')}</th>
    <th>${t('tr.actual')}</th><th>${t('tr.source')}</th><th>${t('tr.recorded')}</th></tr></thead>
    <tbody>${a.actuals.map((v) => html`<tr><td>${v.period}</td><td>${v.town || t('tr.city')}</td><td>v${v.version}${v.current ? '' : ' ' + t('tr.superseded')}</td>
      <td>${v.value !== null ? v.value : v.status}</td><td>${v.source}</td><td>${(v.recordedAt || '').slice(0, 10)} ${v.recordedBy}</td></tr>`)}</tbody></table>`;
  return { title: id, html: view, mount: (el) => mount(el, id, a) };
}

function mount(el, id, a) {
  const form = $('#actual-form', el);
  if (form) {
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      try {
        await send('POST', apiPath('indicators', id, 'actuals'), { period: form.period.value, town: form.town ? form.town.value : null,
          value: form.value.value === '' ? null : Number(form.value.value), source: form.source.value });
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      } catch (e) {
        $('#actual-msg', el).innerHTML = str(notice('warn', e.message));
      }
    });
  }
  const s = a.series;
  return draw($('#indicator-series', el), {
    tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 50, right: 10, top: 30, bottom: 30 },
    xAxis: { type: 'category', data: s.map((p) => p.period) }, yAxis: { type: 'value', name: a.unit || '' },
    series: [
      { name: t('tr.target'), type: 'line', step: 'end', data: s.map((p) => p.target), lineStyle: { type: 'dashed' } },
      { name: t('tr.expected'), type: 'line', data: s.map((p) => p.expected) },
      { name: t('tr.actual'), type: 'bar', data: s.map((p) => p.actual) },
    ],
  });
}

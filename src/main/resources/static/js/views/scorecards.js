// 考核评价 #/scorecards: towns and departments of a quarter — score, the points behind it, rank and change.
import { html } from '../dom.js';
import { withQuery } from '../router.js';
import { t } from '../i18n.js';
import { pageHeader } from '../components.js';
import { periodOptions } from './tracking.js';

function table(card, id) {
  return html`<p class="small muted">${t('sc.formula')}：${card.formula}</p>
  <table class="data compact" id="${id}"><thead><tr><th>${t('sc.rank')}</th><th>${t('sc.name')}</th><th>${t('sc.score')}</th><th>${t('sc.change')}</th>
    <th>${t('sc.parts')}</th></tr></thead>
    <tbody>${card.rows.map((r) => html`<tr><td>${r.rank}</td><td>${r.name}</td><td>${r.score}</td>
      <td>${r.change === null ? '' : r.change > 0 ? '↑' + r.change : r.change < 0 ? '↓' + -r.change : '—'}</td>
      <td class="small">${r.parts.map((p) => html`<div><strong>${p.nameZh}</strong> ${p.points}/${p.weight}：${p.items.map((i) => i.label + ' ' + i.points).join('；')}</div>`)}</td></tr>`)}</tbody></table>`;
}

export default async function scorecards(ctx) {
  const periods = await ctx.get('/api/periods');
  const period = ctx.query.get('period') || '2024Q4';
  const towns = await ctx.get('/api/scorecards/towns?period=' + encodeURIComponent(period));
  const depts = await ctx.get('/api/scorecards/departments?period=' + encodeURIComponent(period));
  const view = html`${pageHeader({ title: t('sc.title') })}
  <form class="form-grid" id="sc-form"><label>${t('tr.period')}<select name="period">${periodOptions(periods, towns.period)}</select></label>
    <button class="btn" type="submit">${t('tr.show')}</button></form>
  <h2>${t('sc.towns')}</h2>${table(towns, 'sc-towns')}
  <h2>${t('sc.depts')}</h2>${table(depts, 'sc-depts')}`;
  return {
    title: t('sc.title'), html: view,
    mount: (el) => el.querySelector('#sc-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      window.location.hash = withQuery('/scorecards', { period: ev.target.period.value });
    }),
  };
}

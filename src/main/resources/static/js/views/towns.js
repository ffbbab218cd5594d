// Towns: the eight towns/streets/zones and 附件3 as printed (indicators × towns, with the city total).
import { html, href, num } from '../dom.js';
import { t } from '../i18n.js';
import { apiPath } from '../api.js';
import { entityLink, pageHeader, prov } from '../components.js';

export default async function towns(ctx) {
  const [list, indicators] = await Promise.all([ctx.get('/api/towns'), ctx.get('/api/indicators')]);
  const details = await Promise.all(list.map((w) => ctx.get(apiPath('towns', w.name))));
  const a3 = indicators.filter((i) => i.origin === '附件3');
  const value = (town, id) => {
    const d = details.find((x) => x.name === town);
    const g = d ? d.targets.find((x) => x.indicatorId === id) : null;
    if (!g) return '';
    return g.value === null || g.value === undefined ? html`<span class="text-only">${g.text || '-'}</span>` : num(g.value);
  };
  const cityOf = (i) => {
    const g = (i.targets || []).find((x) => !x.town);
    if (!g) return '';
    return g.value === null || g.value === undefined ? html`<span class="text-only">${g.text}</span>` : num(g.value);
  };

  const view = html`
  ${pageHeader({ title: t('towns.title'), sub: t('towns.intro') })}
  <ul class="town-cards">${list.map(
    (w) => html`<li><a class="town-card" href="${href('towns', w.name)}">
      <strong>${w.name}</strong><span>${w.fullName || ''}</span><small>${w.kind} · ${t('town.targetsN', { n: w.targets })}</small></a></li>`
  )}</ul>
  <section class="block" aria-labelledby="h-a3">
    <h2 id="h-a3">${t('towns.table')} ${prov('附件3')}</h2>
    <div class="table-wrap"><table class="data a3-table">
      <thead><tr><th scope="col">#</th><th scope="col">${t('ind.name')}</th><th scope="col">${t('common.unit')}</th>
        ${list.map((w) => html`<th scope="col" class="r">${entityLink('town', w.name)}</th>`)}<th scope="col" class="r total-col">${t('ind.cityTotal')}</th><th scope="col">${t('common.departments')}</th></tr></thead>
      <tbody>${a3.map(
        (i) => html`<tr>
          <td class="nowrap"><a href="${href('indicators', i.id)}">${i.no}</a></td>
          <td><a href="${href('indicators', i.id)}">${i.name}</a></td><td class="nowrap">${i.unit || ''}</td>
          ${list.map((w) => html`<td class="r">${value(w.name, i.id)}</td>`)}
          <td class="r total-col"><b>${cityOf(i)}</b></td>
          <td class="nowrap">${(i.departments || []).map((d, k) => html`${k ? '、' : ''}${entityLink('department', d)}`)}</td>
        </tr>`
      )}</tbody>
    </table></div>
  </section>`;
  return { title: t('towns.title'), html: view };
}

// A town and its 2023 targets (附件3), next to the city-wide target of each indicator.
import { html, href, num } from '../dom.js';
import { t } from '../i18n.js';
import { apiPath } from '../api.js';
import { entityLink, pageHeader, prov } from '../components.js';

export default async function town(ctx) {
  const [w, indicators] = await Promise.all([ctx.get(apiPath('towns', ctx.params.name)), ctx.get('/api/indicators')]);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const city = (id) => {
    const i = byId.get(id);
    return i ? (i.targets || []).find((g) => !g.town) : null;
  };
  const show = (v, text) => (v === null || v === undefined ? html`<span class="text-only">${text || '-'}</span>` : num(v));

  const view = html`
  ${pageHeader({
    crumbs: [{ href: '#/towns', label: t('nav.towns') }, { label: w.name }],
    title: w.name,
    sub: [w.fullName, w.kind].filter(Boolean).join(' · '),
  })}
  ${w.aliases && w.aliases.length ? html`<p class="aliases"><span class="label">${t('dept.aliases')}：</span>${w.aliases.map((a) => html`<span class="alias">${a}</span>`)}</p>` : ''}
  <section class="block" aria-labelledby="h-town">
    <h2 id="h-town">${t('town.title')} <span class="count">${t('common.items', { n: w.targets.length })}</span></h2>
    <div class="table-wrap"><table class="data">
      <thead><tr><th scope="col">#</th><th scope="col">${t('ind.name')}</th><th scope="col">${t('common.unit')}</th><th scope="col" class="r">${t('town.value')}</th><th scope="col" class="r">${t('ind.cityTotal')}</th><th scope="col">${t('task.lead')}</th><th scope="col" class="noprint-col">${t('common.source')}</th></tr></thead>
      <tbody>${w.targets.map((g) => {
        const c = city(g.indicatorId);
        return html`<tr>
          <td class="nowrap"><a href="${href('indicators', g.indicatorId)}">${g.indicatorId}</a></td>
          <td><a href="${href('indicators', g.indicatorId)}">${g.indicator}</a></td>
          <td class="nowrap">${g.unit || ''}</td>
          <td class="r"><b>${show(g.value, g.text)}</b></td>
          <td class="r">${c ? show(c.value, c.text) : ''}</td>
          <td class="nowrap">${g.department ? entityLink('department', g.department) : ''}</td>
          <td class="nowrap noprint-col">${c ? prov(c.sourceRef) : ''}</td>
        </tr>`;
      })}</tbody>
    </table></div>
  </section>`;
  return { title: w.name, html: view };
}

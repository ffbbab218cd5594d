// Indicators list: 附件1, 附件3 and main-text goals with their primary city-wide targets; filter by origin and text.
import { html, href, fold } from '../dom.js';
import { t } from '../i18n.js';
import { pageHeader, prov, targetCell, entityLink } from '../components.js';
import { withQuery } from '../router.js';

const ORIGINS = ['附件1', '附件3', '正文'];

export default async function indicators(ctx) {
  const list = await ctx.get('/api/indicators');
  const origin = ctx.query.get('origin') || '';
  const q = ctx.query.get('q') || '';
  const fq = fold(q);
  const rows = list.filter(
    (i) => (!origin || i.origin === origin) && (!fq || fold(i.id + ' ' + i.name + ' ' + (i.category || '') + ' ' + (i.departments || []).join(' ')).indexOf(fq) >= 0)
  );
  const years = origin === '附件3' ? [2023] : [2023, 2025, 2027];
  const cellFor = (i, y) => {
    const gs = (i.targets || []).filter((g) => g.year === y && !g.town);
    return gs.length ? html`${gs.map((g, k) => html`${k ? html`<br>` : ''}${targetCell(g)}`)}` : '';
  };

  const view = html`
  ${pageHeader({ title: t('ind.title'), sub: t('ind.intro') })}
  <form class="toolbar filters" id="ind-filter" role="search">
    <span class="seg" role="group" aria-label="${t('ind.origin')}">
      ${[''].concat(ORIGINS).map(
        (o) => html`<a class="seg-btn${o === origin ? ' on' : ''}" href="${withQuery('/indicators', { origin: o, q })}"${o === origin ? html` aria-current="true"` : ''}>${o || t('common.all')}</a>`
      )}
    </span>
    <label>${t('ind.filterText')} <input type="search" name="q" value="${q}"></label>
    <button class="btn" type="submit">${t('common.filter')}</button>
    <span class="count">${t('common.count', { n: rows.length })}</span>
  </form>
  <div class="table-wrap"><table class="data" id="indicator-table">
    <thead><tr><th scope="col">#</th><th scope="col">${t('ind.origin')}</th><th scope="col">${t('ind.category')}</th><th scope="col">${t('ind.name')}</th><th scope="col">${t('common.unit')}</th>
      ${years.map((y) => html`<th scope="col" class="r">${t('common.year', { y })}</th>`)}<th scope="col">${t('common.departments')}</th><th scope="col" class="noprint-col">${t('common.source')}</th></tr></thead>
    <tbody>${rows.map((i) => {
      const first = (i.targets || [])[0];
      return html`<tr data-indicator="${i.id}">
        <td class="nowrap"><a href="${href('indicators', i.id)}">${i.id}</a></td>
        <td class="nowrap">${i.origin}</td><td class="nowrap">${i.category || ''}</td>
        <td><a href="${href('indicators', i.id)}">${i.name}</a></td><td class="nowrap">${i.unit || ''}</td>
        ${years.map((y) => html`<td class="r">${cellFor(i, y)}</td>`)}
        <td>${(i.departments || []).map((d, k) => html`${k ? '、' : ''}${entityLink('department', d)}`)}</td>
        <td class="nowrap noprint-col">${first ? prov(first.sourceRef) : ''}</td>
      </tr>`;
    })}</tbody>
  </table></div>`;

  return {
    title: t('ind.title'),
    html: view,
    mount(el) {
      const form = el.querySelector('#ind-filter');
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        window.location.hash = withQuery('/indicators', { origin, q: form.q.value.trim() });
      });
    },
  };
}

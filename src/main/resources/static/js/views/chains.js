// The eight chains with their rollups: local enterprises, 规上, output, gaps.
import { html, href } from '../dom.js';
import { t, getLang } from '../i18n.js';
import { assumedBadge, pageHeader, output } from '../components.js';

export default async function chains(ctx) {
  const [list, matrix] = await Promise.all([ctx.get('/api/chains'), ctx.get('/api/gaps')]);
  const rowOf = {};
  matrix.rows.forEach((r) => (rowOf[r.chain] = r));
  const en = getLang() === 'en';
  const view = html`
  ${pageHeader({ title: t('chain.listTitle'), sub: t('chain.listIntro') })}
  <div class="table-wrap"><table class="data" id="chain-table">
    <thead><tr><th scope="col">${t('kind.chain')}</th><th scope="col">${t('chain.cluster')}</th><th scope="col" class="r">${t('chain.segments')}</th>
      <th scope="col" class="r">${t('status.缺链')}</th><th scope="col" class="r">${t('status.弱链')}</th><th scope="col" class="r">${t('chain.local')}</th>
      <th scope="col" class="r">${t('chain.scale')}</th><th scope="col" class="r">${t('chain.output')}</th><th scope="col" class="r">${t('chain.candidates')}</th><th scope="col" class="r">${t('chain.leaders')}</th></tr></thead>
    <tbody>${list.items.map((c) => {
      const r = rowOf[c.name] || { missing: 0, weak: 0 };
      return html`<tr data-chain="${c.name}"><td><a href="${href('chains', c.name)}"><b>${c.name}</b></a>${en && c.nameEn ? html`<div class="small muted">${c.nameEn}</div>` : ''}</td>
        <td>${c.cluster} ${c.clusterAssumed ? assumedBadge() : ''}</td><td class="r">${c.segments}</td>
        <td class="r">${r.missing ? html`<span class="status status-missing">${r.missing}</span>` : '0'}</td><td class="r">${r.weak ? html`<span class="status status-weak">${r.weak}</span>` : '0'}</td>
        <td class="r">${c.rollup.local}</td><td class="r">${c.rollup.scale}</td><td class="r nowrap">${output(c.rollup.output)}</td><td class="r">${c.rollup.candidates}</td><td class="r">${c.chainLeaders}</td></tr>`;
    })}</tbody></table></div>
  <p><a class="btn" href="#/gaps">${t('nav.gaps')} →</a></p>`;
  return { title: t('nav.chains'), html: view };
}

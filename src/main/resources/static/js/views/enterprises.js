// The enterprise register: filters (chain, town, honour, local, text), paginated by output.
import { html, href } from '../dom.js';
import { t } from '../i18n.js';
import { pageHeader, sampleBadge, entityLink, output } from '../components.js';
import { withQuery } from '../router.js';

const HONOURS = ['专精特新“小巨人”', '省级专精特新中小企业', '制造业单项冠军', '科技小巨人', '高新技术企业', '上市企业', '百亿级企业',
  '世界500强投资企业', '品字标浙江制造', '省级智能工厂（数字化车间）', '国家级绿色工厂', '未来工厂'];
const SIZE = 50;

export default async function enterprises(ctx) {
  const q = ctx.query;
  const f = { chain: q.get('chain') || '', town: q.get('town') || '', honour: q.get('honour') || '', local: q.get('local') || '', q: q.get('q') || '' };
  const page = Math.max(0, Number(q.get('page') || 0) || 0);
  const params = new URLSearchParams();
  Object.keys(f).forEach((k) => f[k] && params.set(k, f[k]));
  params.set('page', page);
  params.set('size', SIZE);
  const [list, chains, towns] = await Promise.all([ctx.get('/api/enterprises?' + params), ctx.get('/api/chains'), ctx.get('/api/towns')]);
  const pages = Math.max(1, Math.ceil(list.total / SIZE));
  const opt = (v, label, cur) => html`<option value="${v}"${v === cur ? html` selected` : ''}>${label}</option>`;
  const link = (p) => withQuery('/enterprises', Object.assign({}, f, { page: p || '' }));
  const view = html`
  ${pageHeader({ title: t('ent.title'), sub: t('ent.intro') })}
  <form class="toolbar filters" id="ent-filters">
    <label>${t('ent.chain')} <select name="chain">${opt('', t('common.all'), f.chain)}${chains.items.map((c) => opt(c.name, c.name, f.chain))}</select></label>
    <label>${t('ent.town')} <select name="town">${opt('', t('common.all'), f.town)}${towns.map((w) => opt(w.name, w.name, f.town))}</select></label>
    <label>${t('ent.honour')} <select name="honour">${opt('', t('common.all'), f.honour)}${HONOURS.map((h) => opt(h, h, f.honour))}</select></label>
    <label>${t('ent.local')} <select name="local">${opt('', t('common.all'), f.local)}${opt('true', t('ent.localYes'), f.local)}${opt('false', t('ent.localNo'), f.local)}</select></label>
    <label>${t('ent.q')} <input type="search" name="q" value="${f.q}"></label>
    <button class="btn" type="submit">${t('common.apply')}</button>
  </form>
  <p class="count" id="ent-total">${t('ent.total', { n: list.total })} · ${t('ent.page', { p: page + 1, n: pages })}</p>
  <div class="table-wrap"><table class="data" id="ent-table">
    <thead><tr><th scope="col">#</th><th scope="col">${t('ent.name')}</th><th scope="col">${t('ent.region')}</th><th scope="col">${t('ent.chain')}</th><th scope="col">${t('ent.segments')}</th>
      <th scope="col">${t('ent.honours')}</th><th scope="col" class="r">${t('ent.output')}</th></tr></thead>
    <tbody>${list.items.map((e, i) => html`<tr data-enterprise="${e.id}"><td class="muted">${page * SIZE + i + 1}</td>
      <td><a href="${href('enterprises', e.id)}">${e.name}</a>${e.chainLeader ? html` <span class="badge badge-lead">${t('ent.leader')}</span>` : ''}${e.sample ? sampleBadge() : ''}
        <div class="small muted"><span translate="no">${e.id}</span>${e.scale ? ' · ' + t('ent.scale') : ''}</div></td>
      <td class="nowrap">${e.local ? e.town : html`<span class="muted">${e.region || t('ent.localNo')}</span>`}</td>
      <td>${e.chains.map((c, k) => html`${k ? '、' : ''}${entityLink('chain', c)}`)}</td><td class="small seg-names">${e.segments.map((s, k) => html`${k ? '、' : ''}${entityLink('Segment', s, (e.segmentNames || [])[k] || s)}${(e.segmentNames || [])[k] ? html` <span class="code muted" translate="no">${s}</span>` : ''}`)}</td>
      <td class="small">${e.honours.join('、')}</td><td class="r nowrap">${e.output === null ? '' : Math.round(e.output)}</td></tr>`)}</tbody></table></div>
  <nav class="pager" aria-label="pages">${page > 0 ? html`<a class="btn btn-light" href="${link(page - 1)}">← ${t('common.prevPage')}</a>` : html`<span></span>`}
    ${list.hasNext ? html`<a class="btn btn-light" id="next-page" href="${link(page + 1)}">${t('common.nextPage')} →</a>` : html`<span></span>`}</nav>`;
  return {
    title: t('ent.title'),
    html: view,
    mount: (el) => {
      const form = el.querySelector('#ent-filters');
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const o = {};
        new FormData(form).forEach((v, k) => (o[k] = String(v).trim()));
        window.location.hash = withQuery('/enterprises', o);
      });
      form.addEventListener('change', (e) => {
        if (e.target.tagName === 'SELECT') form.requestSubmit();
      });
    },
  };
}

// Home: the programme at a glance — title, 文号, period; 四群八链 (clusters assumed); 附件1 headline targets; towns.
import { html, href, num } from '../dom.js';
import { t, getLang } from '../i18n.js';
import { assumedBadge, entityLink, prov, targetCell, localName } from '../components.js';

function byYear(ind, y) {
  return (ind.targets || []).find((g) => g.year === y && !g.town);
}

export default async function home(ctx) {
  const [programme, indicators, towns, departments, consistency] = await Promise.all([
    ctx.get('/api/programme'),
    ctx.get('/api/indicators'),
    ctx.get('/api/towns'),
    ctx.get('/api/departments'),
    ctx.get('/api/consistency'),
  ]);
  const en = getLang() === 'en';
  const taskCount = programme.sections.reduce((n, s) => n + s.measures.reduce((k, m) => k + m.tasks.length, 0), 0);
  const headline = indicators.filter((i) => i.origin === '附件1');
  const a102 = headline.find((i) => i.id === 'A1-02');
  const years = [2023, 2025, 2027];
  const chainSource = (programme.chains || []).map((c) => c.source).find(Boolean);
  const clusters = programme.clusters || [];
  const chainsOf = (name) => (programme.chains || []).filter((c) => c.cluster === name);
  const issued = programme.issuedOn ? programme.issuedOn.split('-') : null;

  const view = html`
  <section class="hero" aria-labelledby="home-title">
    <p class="kicker">${programme.issuer} · ${programme.docNo}</p>
    <h1 id="home-title" tabindex="-1">${programme.title}</h1>
    <dl class="facts">
      <div><dt>${t('home.docNo')}</dt><dd>${programme.docNo}</dd></div>
      <div><dt>${t('home.issuer')}</dt><dd>${programme.issuer}</dd></div>
      <div><dt>${t('home.issuedOn')}</dt><dd>${issued ? (en ? programme.issuedOn : issued[0] + '年' + Number(issued[1]) + '月' + Number(issued[2]) + '日') : ''}</dd></div>
      <div><dt>${t('home.period')}</dt><dd>${programme.periodFrom}—${programme.periodTo}${en ? '' : '年'}</dd></div>
    </dl>
    <ul class="stats">
      <li><a href="#/tasks"><strong>${taskCount}</strong><span>${t('home.stat.tasks')}</span></a></li>
      <li><a href="#/departments"><strong>${departments.length}</strong><span>${t('home.stat.departments')}</span></a></li>
      <li><a href="#/indicators"><strong>${indicators.length}</strong><span>${t('home.stat.indicators')}</span></a></li>
      <li><a href="#/consistency"><strong>${consistency.total}</strong><span>${t('home.stat.findings')}</span></a></li>
    </ul>
  </section>

  <section class="entries" aria-label="${t('home.entries')}">
    <a class="entry" href="#/departments"><strong>${t('nav.responsibilities')}</strong><span>${t('home.entry.matrix')}</span></a>
    <a class="entry" href="#/tasks"><strong>${t('nav.tasks')}</strong><span>${t('home.entry.tasks')}</span></a>
    <a class="entry" href="#/indicators"><strong>${t('nav.indicators')}</strong><span>${t('home.entry.indicators')}</span></a>
    <a class="entry" href="#/consistency"><strong>${t('nav.consistency')}</strong><span>${t('home.entry.consistency')}</span></a>
  </section>

  <section class="block" aria-labelledby="h-clusters">
    <h2 id="h-clusters">${t('home.clusters')}</h2>
    <div class="note">${t('home.clustersNote')} ${chainSource ? prov(chainSource.ref, chainSource.text) : ''}</div>
    <div class="clusters">
      ${clusters.map(
        (c) => html`<article class="cluster" data-cluster="${c.name}">
          <h3>${localName(c)} ${en ? html`<span class="en-sub">${c.name}</span>` : ''} ${c.assumed ? assumedBadge(c.note) : ''}</h3>
          <ul class="chains">${chainsOf(c.name).map(
            (ch) => html`<li data-chain="${ch.name}">${entityLink('chain', ch.name, ch.name)}${en && ch.nameEn ? html` <span class="en-sub">${ch.nameEn}</span>` : ''}</li>`
          )}</ul>
        </article>`
      )}
    </div>
  </section>

  <section class="block" aria-labelledby="h-headline">
    <h2 id="h-headline">${t('home.headline')}</h2>
    ${a102
      ? html`<a class="headline-figure" href="${href('indicators', 'A1-02')}">
          <span class="hf-label">${t('home.a102')}（${a102.unit}）</span>
          <span class="hf-values">${years.map((y, i) => {
            const g = byYear(a102, y);
            return html`${i ? html`<span class="hf-arrow" aria-hidden="true">→</span>` : ''}<span class="hf-year"><small>${y}</small><b>${g ? num(g.value) : ''}</b></span>`;
          })}</span>
        </a>`
      : ''}
    <div class="table-wrap">
    <table class="data">
      <caption class="visually-hidden">${t('home.headline')}</caption>
      <thead><tr><th scope="col">#</th><th scope="col">${t('ind.category')}</th><th scope="col">${t('ind.name')}</th><th scope="col">${t('common.unit')}</th>
        ${years.map((y) => html`<th scope="col" class="r">${t('common.year', { y })}</th>`)}<th scope="col">${t('common.departments')}</th><th scope="col" class="noprint-col">${t('common.source')}</th></tr></thead>
      <tbody>${headline.map(
        (i) => html`<tr>
          <td class="nowrap">${i.no}</td><td class="nowrap">${i.category}</td>
          <td><a href="${href('indicators', i.id)}">${i.name}</a></td><td class="nowrap">${i.unit || ''}</td>
          ${years.map((y) => html`<td class="r">${targetCell(byYear(i, y))}</td>`)}
          <td>${(i.departments || []).map((d, k) => html`${k ? '、' : ''}${entityLink('department', d)}`)}</td>
          <td class="nowrap noprint-col">${prov((byYear(i, 2023) || {}).sourceRef)}</td>
        </tr>`
      )}</tbody>
    </table>
    </div>
  </section>

  <section class="block" aria-labelledby="h-towns">
    <h2 id="h-towns">${t('home.towns')}</h2>
    <ul class="chips">${towns.map(
      (w) => html`<li><a class="chip" href="${href('towns', w.name)}">${w.name}<small>${w.kind}</small></a></li>`
    )}</ul>
  </section>`;

  return { title: t('nav.home'), html: view };
}

// One enterprise: segments, honours, figures, platforms, supply links, and every target it feeds with the path.
import { html, href, num } from '../dom.js';
import { t } from '../i18n.js';
import { apiPath } from '../api.js';
import { assumedBadge, entityLink, pageHeader, sampleBadge, output } from '../components.js';

function supplyTable(side, title) {
  return html`<h3>${title} <span class="count">${side.total > side.top.length ? t('ent.topN', { n: side.top.length, t: side.total }) : side.total}</span></h3>
    ${side.top.length ? html`<table class="data compact"><thead><tr><th>${t('ent.name')}</th><th>${t('ent.region')}</th><th>${t('ent.segments')}</th><th>${t('ent.product')}</th></tr></thead>
    <tbody>${side.top.map((s) => html`<tr><td>${entityLink('Enterprise', s.id, s.name)}</td><td class="nowrap">${s.local ? s.town : s.region || ''}</td><td>${entityLink('Segment', s.segment)}</td><td>${s.product || ''}</td></tr>`)}</tbody></table>` : html`<p class="muted">${t('common.none')}</p>`}`;
}

function pathView(p) {
  return html`<span class="path">${p.steps.map((s, i) => html`${i ? html`<span class="arrow" aria-hidden="true">→</span>` : ''}<span class="step" data-kind="${s.kind}"><small>${t('kind.' + s.kind)}</small>${entityLink(s.kind, s.id, s.name)}${s.assumed ? assumedBadge() : ''}</span>`)}</span>${p.share !== null && p.share !== undefined && p.share !== 1 ? html` <span class="muted small">× ${num(Math.round(p.share * 1000) / 1000)}</span>` : ''}`;
}

export default async function enterprise(ctx) {
  const [e, tg] = await Promise.all([ctx.get(apiPath('enterprises', ctx.params.id)), ctx.get(apiPath('enterprises', ctx.params.id, 'targets'))]);
  const view = html`
  ${pageHeader({
    crumbs: [{ href: '#/enterprises', label: t('nav.enterprises') }, { label: e.name }],
    title: e.name,
    badge: e.sample ? sampleBadge() : '',
    sub: html`${e.local ? t('ent.localYes') + ' · ' + (e.town || '') : t('ent.localNo') + ' · ' + (e.region || '')}${e.scale ? ' · ' + t('ent.scale') : ''}${e.chainLeader ? ' · ' + t('ent.leader') : ''}`,
    actions: html`<a class="btn btn-light" href="${href('explore', 'Enterprise', e.id)}">${t('seg.explore')}</a>`,
  })}
  <dl class="props">
    <div><dt>${t('ent.creditCode')}</dt><dd>${e.creditCode || e.id}</dd></div>
    ${e.aliases && e.aliases.length ? html`<div><dt>${t('dept.aliases')}</dt><dd>${e.aliases.join('、')}</dd></div>` : ''}
    <div><dt>${t('ent.output')}</dt><dd>${e.output === null ? '—' : html`<b>${num(e.output)}</b> (${e.outputYear}) · ${output(e.output)}`}</dd></div>
    <div><dt>${t('ent.segments')}</dt><dd>${e.segments.map((s) => html`<div>${entityLink('chain', s.chain)} · ${t('stage.' + s.stage)} · ${entityLink('Segment', s.id, s.name)} <span class="muted small">${s.id}</span>${s.primary ? html` <span class="badge badge-co">${t('ent.primary')}</span>` : ''}${s.share !== null ? html` <span class="muted small">${t('ent.segShare', { v: num(Math.round(s.share * 1000) / 1000) })}</span>` : ''}</div>`)}</dd></div>
    <div><dt>${t('ent.honours')}</dt><dd>${e.honours.length ? e.honours.map((h) => html`<span class="chip-s">${h.name}${h.year ? ' ' + h.year : ''}</span>`) : t('common.none')}</dd></div>
    <div><dt>${t('ent.platforms')}</dt><dd>${e.platforms.length ? e.platforms.map((p, i) => html`${i ? '、' : ''}${entityLink('Platform', p.id, p.name)}`) : t('common.none')}</dd></div>
  </dl>
  <section class="block" aria-labelledby="h-targets"><h2 id="h-targets">${t('ent.targets')}</h2>
    ${tg.feeds.length ? html`<div class="table-wrap"><table class="data" id="feeds"><thead><tr><th>${t('ind.name')}</th><th class="r">${t('ent.contribution')}</th><th>${t('ent.path')}</th><th>${t('ind.targets')}</th></tr></thead>
      <tbody>${tg.feeds.map((f) => html`<tr data-indicator="${f.indicatorId}"><td>${entityLink('indicator', f.indicatorId, f.indicatorName)} <span class="muted small">${f.indicatorId}</span>${f.assumed ? assumedBadge() : ''}</td>
        <td class="r nowrap">${f.contribution === null ? '' : num(Math.round(f.contribution * 100) / 100)} ${f.unit || ''}</td>
        <td>${f.paths.map((p) => html`<div>${pathView(p)}</div>`)}</td>
        <td class="small nowrap">${f.targets.map((x) => html`<div>${x.year}${x.town ? ' ' + x.town : ''}: ${x.value === null ? '' : num(x.value)}${x.shareOfTarget !== null && x.shareOfTarget !== undefined ? html` <span class="muted">(${t('ent.share')} ${num(Math.round(x.shareOfTarget * 1000) / 10)}%)</span>` : ''}</div>`)}</td></tr>`)}</tbody></table></div>`
      : html`<p class="muted">${t('ent.noTargets')}</p>`}
    ${(tg.notes || []).map((n) => html`<p class="note">${n}</p>`)}
  </section>
  <section class="block"><h2>${t('ent.figures')}</h2>
    <table class="data compact"><thead><tr><th>${t('ent.year')}</th><th class="r">${t('ent.output')}</th><th class="r">${t('ent.revenue')}</th></tr></thead>
    <tbody>${e.figures.map((x) => html`<tr><td>${x.year}</td><td class="r">${x.output === null ? '' : num(x.output)}</td><td class="r">${x.revenue === null ? '' : num(x.revenue)}</td></tr>`)}</tbody></table></section>
  <section class="block two-col"><div>${supplyTable(e.suppliers, t('ent.suppliers'))}</div><div>${supplyTable(e.customers, t('ent.customers'))}</div></section>`;
  return { title: e.name, html: view };
}

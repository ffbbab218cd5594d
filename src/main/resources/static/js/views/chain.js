// Chain map 产业链图谱: the segments from 上游 to 下游 (+配套), coloured by gap status, SUPPLIES arrows (cross-chain ones as
// stubs), a side panel per segment (enterprises, 补链/延链 signals, candidates) and the chain leader's view.
import { html, href, num, str, $, $all } from '../dom.js';
import { t, getLang, bi } from '../i18n.js';
import { apiPath, get } from '../api.js';
import { assumedBadge, entityLink, errorView, notice, pageHeader, sampleBadge, statusBadge, statusClass, output, localName, targetLabel } from '../components.js';
import { cytoscape, FONT } from '../charts.js';
import { graphTools } from '../graphtools.js';
import { toLead, markProjections } from './pipeline.js';

const STAGES = ['上游', '中游', '下游', '配套'];
const FILL = { missing: '#fde2e4', weak: '#fff1d6', present: '#e3f1e3', none: '#f1f3f6' };
const LINE = { missing: '#c8102e', weak: '#c27a00', present: '#2f7d32', none: '#8a99ad' };

function progressCell(tg) {
  const p = tg.progress;
  if (!p || p.current === null || p.current === undefined) return html`<span class="muted">—</span>`;
  const pct = p.ratio !== null && p.ratio !== undefined ? Math.round(p.ratio * 100) : null;
  return html`<span class="progress" title="${t('chain.current')} ${num(Math.round(p.current * 100) / 100)}">
    <span class="bar"><span style="width:${Math.min(100, pct || 0)}%" class="${p.met ? 'met' : ''}"></span></span>
    ${num(Math.round(p.current * 100) / 100)} / ${targetLabel(tg)} ${pct !== null ? html`(${pct}%)` : ''}
    ${p.met ? html`<span class="status status-present">${t('chain.met')}</span>` : html`<span class="status status-weak">${t('chain.notMet')}</span>`}</span>`;
}

/** Whose total a target of a larger scope is: the whole programme, the cluster, every holder of the honour. */
function scopeName(ind) {
  return t('chain.scope.' + ind.scope);
}

/** For a target of a larger total: what this chain adds to it and its share, so the whole figure is not read as the chain's. */
function contributionCell(ind) {
  if (ind.scope === 'Chain' || ind.chainContribution === null || ind.chainContribution === undefined) return '';
  const pct = ind.share !== null && ind.share !== undefined ? Math.round(ind.share * 1000) / 10 : null;
  return html`<div class="small chain-contribution" data-share="${ind.share === null || ind.share === undefined ? '' : ind.share}">${t('chain.contribution')} <b>${num(Math.round(ind.chainContribution * 100) / 100)}</b> ${ind.unit || ''}${pct !== null ? html` · ${t('chain.shareOf', { pct, scope: scopeName(ind) })}` : ''}</div>`;
}

function segmentCard(s, g) {
  const cls = statusClass(g && g.status);
  return html`<button type="button" class="seg-card seg-${cls}" data-segment="${s.id}" data-status="${g ? g.status : ''}">
    <span class="seg-name">${s.name}</span><span class="seg-id">${s.id}</span>
    ${statusBadge(g && g.status)}
    <span class="seg-figs">${t('chain.local')} <b>${g ? g.localCount : s.rollup.local}</b> · ${t('chain.scale')} <b>${g ? g.scaleCount : s.rollup.scale}</b> · ${output(g ? g.localOutput : s.rollup.output)}</span>
  </button>`;
}

/** How a task concerns the chain, in the UI's language (from the server's link codes; its English words as a fallback). */
function viaText(k) {
  if (!k.links) return k.via.join('; ');
  return k.links.map((l) => t('via.' + l.code, { name: l.name || '' }) + (l.assumed ? t('via.assumed') : '')).join(getLang() === 'en' ? '; ' : '；');
}

export default async function chain(ctx) {
  const name = ctx.params.name;
  let c, gaps, supplies;
  try {
    [c, gaps, supplies] = await Promise.all([
      ctx.get(apiPath('chains', name)),
      ctx.get(apiPath('chains', name, 'gaps')),
      ctx.get('/api/graph/supplies?chain=' + encodeURIComponent(name)),
    ]);
  } catch (err) {
    if (err && err.status === 404) {
      // an unknown chain: say so in the UI's language and offer the list
      return { title: t('common.notFound'), html: html`${errorView(err, t('err.chainUnknown', { name }))}<p><a class="btn btn-light" id="chain-list-link" href="#/chains">${t('err.chainList')}</a></p>` };
    }
    throw err;
  }
  const gapOf = {};
  gaps.segments.forEach((g) => (gapOf[g.id] = g));
  const byStage = STAGES.map((st) => ({ stage: st, segments: c.segments.filter((s) => s.stage === st) })).filter((x) => x.segments.length);
  const csv = apiPath('chains', c.name, 'investment-targets') + '?format=csv';
  const xlsx = apiPath('chains', c.name, 'investment-targets') + '?format=xlsx';
  const en = getLang() === 'en';

  const view = html`
  ${pageHeader({
    crumbs: [{ href: '#/chains', label: t('nav.chains') }, { label: c.name }],
    title: c.name,
    sub: html`${en && c.nameEn ? c.nameEn + ' · ' : ''}${t('chain.cluster')}：${c.cluster ? localName(c.cluster) : ''} ${c.clusterAssumed ? assumedBadge() : ''}`,
    actions: html`<a class="btn btn-light" data-export="csv" href="${csv}" download>${t('chain.exportCsv')}</a><a class="btn btn-light" data-export="xlsx" href="${xlsx}" download>${t('chain.exportXlsx')}</a>`,
  })}
  ${notice('assumed', html`${assumedBadge()} ${bi(gaps.note)}`)}
  <ul class="stats stats-wide">
    <li><span><strong>${c.segments.length}</strong><span>${t('chain.segments')}</span></span></li>
    <li><span><strong data-count="missing" class="c-missing">${gaps.missing}</strong><span>${t('status.缺链')}</span></span></li>
    <li><span><strong data-count="weak" class="c-weak">${gaps.weak}</strong><span>${t('status.弱链')}</span></span></li>
    <li><span><strong class="c-present">${gaps.present}</strong><span>${t('status.有链')}</span></span></li>
    <li><span><strong>${c.rollup.local}</strong><span>${t('chain.local')}（${t('chain.scale')} ${c.rollup.scale}）</span></span></li>
    <li><span><strong class="small">${output(c.rollup.output)}</strong><span>${t('chain.output')} ${c.rollup.outputYear || ''}</span></span></li>
  </ul>

  <section class="block" aria-labelledby="h-map">
    <h2 id="h-map">${t('chain.map')} ${assumedBadge()}</h2>
    <p class="note">${t('chain.mapNote')}</p>
    <p class="legend">${['缺链', '弱链', '有链'].map((s) => html`<span class="legend-item">${statusBadge(s)}</span>`)}<span class="legend-item"><span class="stub-swatch"></span> ${t('ent.other')}</span></p>
    <div class="chain-layout">
      <div class="chain-main">
        <div id="chain-graph" class="graph-box" role="img" aria-label="${t('chain.map')}"></div>
        <div class="stage-grid" style="grid-template-columns: repeat(${byStage.length}, minmax(0, 1fr))">
          ${byStage.map((col) => html`<div class="stage-col" data-stage="${col.stage}"><h3>${t('stage.' + col.stage)}</h3>
            ${col.segments.map((s) => segmentCard(s, gapOf[s.id]))}</div>`)}
        </div>
      </div>
      <aside id="seg-panel" class="seg-panel" hidden aria-live="polite"></aside>
    </div>
  </section>

  <section class="block" aria-labelledby="h-leader">
    <h2 id="h-leader">${t('chain.leaderView')}</h2>
    <div class="two-col">
      <div>
        <h3>${t('chain.leaders')}</h3>
        ${c.chainLeaders.length ? html`<ul class="plain">${c.chainLeaders.map((e) => html`<li>${entityLink('Enterprise', e.id, e.name)} <span class="muted">${e.town || e.region || ''} · ${output(e.output)}</span> ${e.sample ? sampleBadge() : ''}</li>`)}</ul>` : html`<p class="muted">${t('common.none')}</p>`}
        <h3>${t('chain.servedBy')}</h3>
        <ul class="plain">${c.servedBy.map((s) => html`<li><span class="kind-tag">${t('kind.' + s.kind)}</span>${entityLink(s.kind, s.id, s.name)} ${s.assumed ? assumedBadge(s.note) : ''}</li>`)}</ul>
        <h3>${t('chain.hosts')}</h3>
        <ul class="plain">${c.hostPlatforms.map((p) => html`<li>${entityLink('Platform', p.id, p.name)} <span class="muted">${t('ent.total', { n: p.enterprises })}</span></li>`)}</ul>
      </div>
      <div>
        <h3>${t('chain.items')}</h3>
        <table class="data compact"><tbody>${c.items.map((it) => html`<tr><th scope="row" class="nowrap">${it.item}</th><td>${it.value || html`<span class="muted">${it.status}</span>`} ${it.assumed ? '' : html`<span class="badge badge-co">${t('common.stated')}</span>`}<div class="small muted">${it.note || ''}</div></td></tr>`)}</tbody></table>
      </div>
    </div>
    <h3>${t('chain.tasks')}</h3>
    <div class="table-wrap"><table class="data" id="chain-tasks">
      <thead><tr><th scope="col">${t('kind.task')}</th><th scope="col">${t('task.content')}</th><th scope="col">${t('task.lead')}</th><th scope="col">${t('chain.via')}</th></tr></thead>
      <tbody>${c.tasks.map((k) => html`<tr><td class="nowrap"><a href="${href('tasks', k.no)}">${t('common.task', { no: k.no })}</a></td><td class="content">${k.content}</td>
        <td class="nowrap">${entityLink('department', k.lead)}${k.coOwners.length ? html`<div class="small muted">${k.coOwners.join('、')}</div>` : ''}</td><td class="small">${viaText(k)}</td></tr>`)}</tbody></table></div>
    <h3>${t('chain.targets')}</h3>
    <div class="table-wrap"><table class="data">
      <thead><tr><th scope="col">${t('ind.name')}</th><th scope="col">${t('common.yearCol')}</th><th scope="col">${t('ind.targets')}</th><th scope="col">${t('chain.progress')}</th></tr></thead>
      <tbody>${c.targets.map((ind) => ind.targets.map((tg, i) => html`<tr>
        ${i === 0 ? html`<td rowspan="${ind.targets.length}">${entityLink('indicator', ind.indicatorId, ind.name)} <span class="muted small">${ind.indicatorId} · ${ind.unit || ''}</span> ${ind.sample ? sampleBadge() : ''}${contributionCell(ind)}</td>` : ''}
        <td class="nowrap">${tg.year}${tg.town ? ' · ' + tg.town : ''}</td><td class="nowrap">${targetLabel(tg)} ${tg.qualifier || ''}</td><td>${ind.scope !== 'Chain' && tg.progress ? html`<span class="small muted scope-label">${t('chain.scopeProgress', { scope: scopeName(ind) })}</span> ` : ''}${progressCell(tg)}</td></tr>`))}</tbody></table></div>
    <h3>${t('chain.honours')}</h3>
    <ul class="chips">${c.honours.map((h) => html`<li><a class="chip" href="${'#/enterprises?chain=' + encodeURIComponent(c.name) + '&honour=' + encodeURIComponent(h.name)}">${h.name}<small>${h.enterprises}</small></a></li>`)}</ul>
  </section>`;

  return {
    title: c.name,
    html: view,
    mount: (el) => mount(el, c, gapOf, supplies, ctx),
  };
}

async function openPanel(el, c, g, segId) {
  const panel = $('#seg-panel', el);
  const s = c.segments.find((x) => x.id === segId);
  if (!s) return;
  $all('.seg-card', el).forEach((b) => b.classList.toggle('on', b.getAttribute('data-segment') === segId));
  panel.hidden = false;
  panel.parentNode.classList.add('with-panel');
  panel.dataset.segment = segId;
  panel.innerHTML = str(html`<p class="muted">${t('common.loading')}</p>`);
  const q = '?segment=' + encodeURIComponent(segId);
  const [ents, cands] = await Promise.all([
    get('/api/enterprises' + q + '&size=100'),
    get(apiPath('chains', c.name, 'investment-targets') + q),
  ]);
  if (panel.dataset.segment !== segId) return;
  const gap = g[segId] || {};
  panel.innerHTML = str(html`
    <div class="panel-head"><h3>${s.name} <span class="muted">${s.id}</span></h3><button type="button" class="btn btn-light" data-close>${t('seg.close')}</button></div>
    <p>${t('stage.' + s.stage)} · ${statusBadge(gap.status)} ${assumedBadge()}</p>
    <p class="small"><b>${t('seg.reason')}：</b>${bi(gap.reason)}</p>
    <p class="small">${t('chain.local')} ${gap.localCount} · ${t('chain.scale')} ${gap.scaleCount} · ${output(gap.localOutput)} · ${t('seg.external')} ${gap.externalCount}</p>
    <p><a href="${href('explore', 'Segment', s.id)}">${t('seg.explore')} →</a></p>
    <h4>${t('seg.signals')}</h4>
    ${(gap.signals || []).length ? html`<ul class="signals">${gap.signals.map((x) => html`<li class="signal" data-rule="${x.rule}"><span class="status ${x.label === '补链' ? 'status-missing' : 'status-present'}">${x.label}</span> ${bi(x.reason)}
        ${x.enterprises.length ? html`<ul class="small">${x.enterprises.map((e) => html`<li>${e}</li>`)}</ul>` : ''}</li>`)}</ul>` : html`<p class="muted small">${t('seg.noSignals')}</p>`}
    <h4>${t('seg.enterprises')} <span class="count">${t('ent.total', { n: ents.total })}</span></h4>
    ${ents.items.length ? html`<ol class="ent-list">${ents.items.map((e) => html`<li data-enterprise="${e.id}">${entityLink('Enterprise', e.id, e.name)} <span class="muted small">${e.local ? e.town : e.region || ''} · ${output(e.output)}${e.scale ? ' · ' + t('ent.scale') : ''}${e.chainLeader ? ' · ' + t('ent.leader') : ''}</span>${e.sample ? sampleBadge() : ''}</li>`)}</ol>` : html`<p class="muted small">${t('common.none')}</p>`}
    <h4>${t('seg.candidates')} <span class="count">${cands.candidates.length}</span></h4>
    ${cands.candidates.length ? html`<ol class="cand-list">${cands.candidates.map((k) => html`<li data-candidate="${k.enterpriseId}"><b>${entityLink('Enterprise', k.enterpriseId, k.name)}</b> <span class="muted small">${k.region} · ${t('seg.score')} ${k.score}</span>
        <button type="button" class="btn btn-light small" data-to-lead="${k.enterpriseId}" data-segment="${k.segmentId}">${t('pl.toLead')}</button>
        <ul class="small">${k.reasons.map((r) => html`<li>${r}</li>`)}</ul></li>`)}</ol>` : html`<p class="muted small">${t('seg.noCandidates')}</p>`}
  `);
  panel.querySelectorAll('[data-to-lead]').forEach((b) => b.addEventListener('click', () => toLead(b, c.name)));
  $('[data-close]', panel).addEventListener('click', () => {
    panel.hidden = true;
    panel.parentNode.classList.remove('with-panel');
    panel.dataset.segment = '';
    $all('.seg-card.on', el).forEach((b) => b.classList.remove('on'));
    history.replaceState(null, '', href('chains', c.name));
  });
}

async function mount(el, c, gapOf, supplies, ctx) {
  markProjections(el, c.name, get);
  const select = (id) => {
    history.replaceState(null, '', href('chains', c.name) + '?segment=' + encodeURIComponent(id));
    openPanel(el, c, gapOf, id).catch((e) => console.error(e));
  };
  el.addEventListener('click', (e) => {
    const b = e.target.closest('.seg-card');
    if (b) select(b.getAttribute('data-segment'));
  });
  if (ctx.query.get('segment')) select(ctx.query.get('segment'));

  const cy0 = await cytoscape();
  const box = $('#chain-graph', el);
  if (!box || !box.isConnected) return null;
  const own = {};
  c.segments.forEach((s) => (own[s.id] = s));
  const stages = STAGES.filter((st) => c.segments.some((s) => s.stage === st));
  // Columns: cross-chain suppliers (stubs) on the left, the stages, cross-chain customers on the right.
  const stubIn = {};
  const stubOut = {};
  supplies.edges.forEach((e) => {
    if (!own[e.from]) stubIn[e.from] = e.fromChain + '·' + e.fromName;
    if (!own[e.to] && !stubIn[e.to]) stubOut[e.to] = e.toChain + '·' + e.toName;
  });
  const hasIn = Object.keys(stubIn).length > 0;
  const hasOut = Object.keys(stubOut).length > 0;
  const cols = (hasIn ? 1 : 0) + stages.length + (hasOut ? 1 : 0);
  const place = {}; // id → {col, row}
  const rowsIn = {};
  const put = (id, col) => {
    place[id] = { col, row: (rowsIn[col] = (rowsIn[col] || 0) + 1) - 1 };
  };
  c.segments
    .slice()
    .sort((a, b) => (a.order || 0) - (b.order || 0))
    .forEach((s) => put(s.id, (hasIn ? 1 : 0) + stages.indexOf(s.stage)));
  Object.keys(stubIn).forEach((id) => put(id, 0));
  Object.keys(stubOut).forEach((id) => put(id, cols - 1));
  const maxRows = Math.max(...Object.values(rowsIn));
  const FONT_PX = 13;
  const ROWH = 86;
  const NODEH = 62;
  const PAD = 14;
  const TOP = 18; // room above the first row for the routes that run along its band
  box.style.height = Math.max(220, maxRows * ROWH + 2 * PAD + TOP - (ROWH - NODEH)) + 'px';
  // Geometry from the box's width, so the map is drawn at zoom 1: text stays at FONT_PX whatever the panel does.
  const geo = () => {
    const width = Math.max(480, box.clientWidth);
    const colW = (width - 2 * PAD) / cols;
    return { colW, nodeW: Math.min(210, colW - 30), x: (col) => PAD + colW * (col + 0.5), y: (row) => PAD + TOP + NODEH / 2 + row * ROWH };
  };
  const nodeLabel = (s) => {
    const g = gapOf[s.id] || {};
    return s.name + '\n' + t('chain.local') + ' ' + (g.localCount || 0) + ' · ' + t('chain.scale') + ' ' + (g.scaleCount || 0) + '\n' + output(g.localOutput);
  };
  const elements = [];
  Object.keys(place).forEach((id) => {
    const s = own[id];
    elements.push(
      s
        ? { group: 'nodes', data: { id, label: nodeLabel(s), cls: statusClass((gapOf[id] || {}).status) } }
        : { group: 'nodes', data: { id, label: stubIn[id] || stubOut[id], cls: 'stub' }, classes: 'stub' }
    );
  });
  supplies.edges.forEach((e, i) => {
    if (place[e.from] && place[e.to]) elements.push({ group: 'edges', data: { id: 'e' + i, source: e.from, target: e.to }, classes: e.crossChain ? 'cross' : '' });
  });
  /**
   * Orthogonal routes through the free channels only: out of the source's side into the gap between columns, along the
   * band between two rows, down the gap next to the target, into its side. No edge runs across a node or its text.
   * Returned as Cytoscape segment weights/distances relative to the source→target centre line.
   */
  const route = (e, g, lane) => {
    const a = place[e.source().id()];
    const b = place[e.target().id()];
    const S = { x: g.x(a.col), y: g.y(a.row) };
    const T = { x: g.x(b.col), y: g.y(b.row) };
    const off = (lane % 5) * 3 - 6; // parallel routes a few pixels apart
    const dir = b.col > a.col ? 1 : b.col < a.col ? -1 : 1;
    const x1 = S.x + (dir * g.colW) / 2 + off;
    const x2 = b.col === a.col ? x1 : T.x - (dir * g.colW) / 2 + off;
    let pts;
    if (Math.abs(b.col - a.col) <= 1) {
      pts = a.row === b.row && Math.abs(b.col - a.col) === 1 ? [] : [{ x: x1, y: S.y }, { x: x1, y: T.y }];
    } else {
      const band = T.y - ROWH / 2 + off / 2;
      pts = [{ x: x1, y: S.y }, { x: x1, y: band }, { x: x2, y: band }, { x: x2, y: T.y }];
    }
    const dx = T.x - S.x;
    const dy = T.y - S.y;
    const len2 = dx * dx + dy * dy || 1;
    const len = Math.sqrt(len2);
    return {
      weights: pts.map((p) => ((p.x - S.x) * dx + (p.y - S.y) * dy) / len2),
      distances: pts.map((p) => ((p.y - S.y) * dx - (p.x - S.x) * dy) / len),
    };
  };
  const applyGeometry = () => {
    const g = geo();
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const p = place[n.id()];
        n.position({ x: g.x(p.col), y: g.y(p.row) });
        const stub = n.hasClass('stub');
        n.style({ width: stub ? Math.min(g.nodeW, 190) : g.nodeW, 'text-max-width': (stub ? Math.min(g.nodeW, 190) : g.nodeW) - 10 });
      });
      cy.edges().forEach((e, i) => {
        const r = route(e, g, i);
        if (r.weights.length) e.style({ 'curve-style': 'segments', 'segment-weights': r.weights, 'segment-distances': r.distances, 'edge-distances': 'node-position' });
        else e.style({ 'curve-style': 'straight' });
      });
    });
    cy.resize();
    cy.zoom(1);
    cy.pan({ x: 0, y: 0 });
    box.dataset.zoom = String(cy.zoom());
    box.dataset.fontPx = String(FONT_PX * cy.zoom());
  };
  const cy = cy0({
    container: box,
    elements,
    layout: { name: 'preset', fit: false },
    wheelSensitivity: 0.2,
    autoungrabify: true,
    minZoom: 0.4,
    maxZoom: 3,
    style: [
      {
        selector: 'node',
        style: {
          shape: 'round-rectangle', width: 180, height: NODEH, label: 'data(label)', 'text-wrap': 'wrap', 'text-max-width': 170, 'text-valign': 'center',
          'text-halign': 'center', 'font-size': FONT_PX, 'line-height': 1.25, 'font-family': FONT, color: '#1b2a3a', 'border-width': 2,
          'background-color': (n) => FILL[n.data('cls')] || FILL.none, 'border-color': (n) => LINE[n.data('cls')] || LINE.none,
        },
      },
      { selector: 'node.stub', style: { height: 40, 'border-style': 'dashed', 'background-color': '#fafbfd', 'border-color': '#9fb3cc', color: '#4a5a6b', 'font-size': FONT_PX - 1 } },
      { selector: 'edge', style: { width: 1.5, 'line-color': '#7fa3cf', 'target-arrow-color': '#7fa3cf', 'target-arrow-shape': 'triangle', 'curve-style': 'straight', opacity: 0.9 } },
      { selector: 'edge.cross', style: { 'line-style': 'dashed', 'line-color': '#b9c4d2', 'target-arrow-color': '#b9c4d2' } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#1d4e89' } },
    ],
  });
  applyGeometry();
  box._cy = cy;
  const removeTools = graphTools(cy, box, { fileName: c.name + '-产业链图谱', fit: applyGeometry });
  cy.on('tap', 'node', (e) => {
    const id = e.target.id();
    if (own[id]) select(id);
  });
  // The panel opening or closing, or the window, changes the box's width: lay the map out again for the new width.
  let lastWidth = box.clientWidth;
  const ro = new ResizeObserver(() => {
    if (box.clientWidth !== lastWidth) {
      lastWidth = box.clientWidth;
      applyGeometry();
    }
  });
  ro.observe(box);
  const onResize = () => applyGeometry();
  window.addEventListener('resize', onResize);
  return () => {
    window.removeEventListener('resize', onResize);
    ro.disconnect();
    removeTools();
    cy.destroy();
  };
}

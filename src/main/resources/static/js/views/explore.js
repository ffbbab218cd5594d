// Graph explorer #/explore/:kind/:id : a node and its neighbours; click a node to expand it. At most `limit` neighbours per
// relationship type per expansion (GET /api/graph/neighbours), the rest as one "+N more" node; provenance on click.
import { html, href, str, $, $all } from '../dom.js';
import { t, has } from '../i18n.js';
import { get } from '../api.js';
import { assumedBadge, entityPath, pageHeader, prov, sampleBadge } from '../components.js';
import { cytoscape, FONT } from '../charts.js';
import { graphTools } from '../graphtools.js';

const KINDS = ['Task', 'Department', 'Chain', 'Segment', 'Enterprise', 'Indicator', 'Target', 'Town', 'Platform', 'Institute', 'Cluster', 'Measure', 'Section', 'Source'];
const COLOR = { Task: '#5b7290', Department: '#1d4e89', Chain: '#c8102e', Segment: '#e07a5f', Enterprise: '#2f7d32', Indicator: '#7a5200', Target: '#b08900',
  Town: '#8a5a00', Platform: '#6a4c93', Institute: '#8e44ad', Cluster: '#a0153e', Measure: '#4f6d8f', Section: '#33475b', Source: '#8a99ad', more: '#d5dde7' };
const LIMIT = 25;

/** A relationship type in words of the UI's language (its identifier when the catalogue has none). */
export function relName(type) {
  return has('rel.' + type) ? t('rel.' + type) : type;
}

function url(kind, id) {
  return '/api/graph/neighbours?kind=' + encodeURIComponent(kind) + '&id=' + encodeURIComponent(id) + '&limit=' + LIMIT;
}

function startForm() {
  return html`<form class="toolbar filters" id="explore-form">
    <label>${t('exp.kind')} <select name="kind">${KINDS.map((k) => html`<option value="${k}">${t('kind.' + k)}</option>`)}</select></label>
    <label>${t('exp.id')} <input type="search" name="id" placeholder="52 / 市经信局 / 光电通信"></label>
    <button class="btn" type="submit">${t('exp.go')}</button>
    <span class="small">${t('con.examples')}：<a href="${href('explore', 'Task', 52)}">${t('common.task', { no: 52 })}</a> · <a href="${href('explore', 'Department', '市经信局')}">市经信局</a> · <a href="${href('explore', 'Chain', '光电通信')}">光电通信</a> · <a href="${href('explore', 'Segment', 'OPT-U06')}">OPT-U06</a></span>
  </form>`;
}

function nodePanel(n, edge) {
  if (edge) {
    return html`<h3>${t('exp.edge')}: ${relName(edge.type)} <span class="muted small" translate="no">${edge.type}</span></h3><p class="small">${edge.from} → ${edge.to}</p>
      ${Object.keys(edge.properties || {}).length ? html`<table class="data compact" translate="no"><tbody>${Object.keys(edge.properties).map((k) => html`<tr><th>${k}</th><td>${JSON.stringify(edge.properties[k])}</td></tr>`)}</tbody></table>` : ''}
      ${edge.provenance ? prov(edge.provenance.ref, edge.provenance.text, { open: true, block: true }) : ''}`;
  }
  const page = entityPath(n.kind, n.id);
  const props = n.properties || {};
  return html`<h3><span class="kind-tag" style="background:${COLOR[n.kind] || '#5d6b7a'}">${t('kind.' + n.kind)}</span> ${n.label}</h3>
    <p class="small">${n.stated ? html`<span class="badge badge-co">${t('common.stated')}</span>` : ''}${n.assumed ? assumedBadge() : ''}${n.sample ? sampleBadge() : ''} <span class="muted" translate="no">${n.key}</span></p>
    <p>${page && !/^#\/explore/.test(page) ? html`<a class="btn btn-light" href="${page}">${t('exp.open')}</a> ` : ''}<a class="btn btn-light" href="${href('explore', n.kind, n.id)}">${t('exp.start')}</a></p>
    ${(n.sources || []).length ? html`<h4>${t('exp.sources')}</h4>${n.sources.map((s) => prov(s.ref, s.text, { open: true, block: true }))}` : ''}
    ${n.kind === 'Source' && props.text ? prov(props.ref, props.text, { open: true, block: true }) : ''}
    <h4>${t('exp.props')}</h4>
    <table class="data compact props-table" translate="no"><tbody>${Object.keys(props).map((k) => html`<tr><th>${k}</th><td>${typeof props[k] === 'object' ? JSON.stringify(props[k]) : String(props[k])}</td></tr>`)}</tbody></table>`;
}

/**
 * The explorer's start (no node chosen): the programme with its four clusters and their chains, built from the
 * neighbours of each cluster, with a hint. Returns the first answer to draw and the clusters' answers to add to it.
 */
async function startGraph(ctx) {
  const prog = await ctx.get('/api/programme');
  const root = await ctx.get(url('Programme', prog.id));
  const clusters = await Promise.all(prog.clusters.map((c) => ctx.get(url('Cluster', c.name))));
  const keys = new Set(clusters.map((r) => r.node.key));
  const first = {
    node: root.node,
    nodes: clusters.map((r) => r.node),
    edges: clusters.map((r) => r.edges.filter((e) => (e.from === root.node.key && keys.has(e.to)) || (e.to === root.node.key && keys.has(e.from)))).flat(),
    truncated: {},
  };
  return { first, then: clusters };
}

export default async function explore(ctx) {
  const start = !ctx.params.kind;
  const s = start ? await startGraph(ctx) : { first: await ctx.get(url(ctx.params.kind, ctx.params.id)), then: [] };
  const first = s.first;
  const view = html`
  ${pageHeader({ crumbs: start ? null : [{ href: '#/explore', label: t('exp.title') }, { label: first.node.label }], title: start ? t('exp.title') : html`${t('kind.' + first.node.kind)} · ${first.node.label}`, sub: t('exp.intro', { n: LIMIT }) })}
  ${startForm()}
  ${start ? html`<p class="notice notice-info explore-hint" id="explore-hint">${t('exp.hint')}</p>` : ''}
  <div class="explore-layout">
    <div class="graph-col"><div id="explore-graph" class="graph-box tall" role="img" aria-label="${t('exp.title')}"></div></div>
    <aside id="explore-panel" class="seg-panel">${nodePanel(first.node)}</aside>
  </div>
  <section class="block"><h2>${t('exp.nodes')} <span class="count" id="explore-count"></span></h2><div id="explore-list"></div></section>`;
  return { title: start ? t('exp.title') : first.node.label, html: view, mount: (el) => mount(el, first, s.then) };
}

function bindForm(el) {
  const form = $('#explore-form', el);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const id = form.id.value.trim();
    if (id) window.location.hash = href('explore', form.kind.value, id);
  });
}

async function mount(el, first, then) {
  bindForm(el);
  const nodes = new Map(); // key -> node
  const expanded = new Set();
  const edges = new Map();
  const more = []; // {key, from, type, n}
  const cyLib = await cytoscape();
  const box = $('#explore-graph', el);
  if (!box || !box.isConnected) return null;
  const cy = cyLib({
    container: box,
    wheelSensitivity: 0.2,
    style: [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 12, 'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-background-padding': 1, 'font-family': FONT, 'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'ellipsis', 'text-max-width': 140,
        width: 26, height: 26, 'background-color': (n) => COLOR[n.data('kind')] || '#5d6b7a', 'border-width': 0 } },
      { selector: 'node.root', style: { width: 38, height: 38, 'border-width': 3, 'border-color': '#f2b705' } },
      { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#1b2a3a' } },
      { selector: 'node.more', style: { shape: 'round-rectangle', width: 70, height: 22, 'background-color': '#eef2f7', 'border-width': 1, 'border-color': '#9fb3cc', 'text-valign': 'center', 'text-margin-y': 0, color: '#1d4e89' } },
      { selector: 'edge', style: { width: 1.2, 'line-color': '#b9c4d2', 'target-arrow-color': '#9fb3cc', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(type)', 'font-size': 9, color: '#5d6b7a', 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.8 } },
      { selector: ':selected', style: { 'border-width': 3, 'border-color': '#c8102e' } },
    ],
  });
  const panel = $('#explore-panel', el);

  const add = (res, center) => {
    const root = res.node;
    expanded.add(root.key);
    if (!nodes.has(root.key)) nodes.set(root.key, root);
    else nodes.get(root.key).sources = root.sources;
    const fresh = res.nodes.filter((n) => !nodes.has(n.key));
    const truncatedTypes = Object.keys(res.truncated || {});
    const count = fresh.length + truncatedTypes.length;
    const radius = Math.max(160, count * 9);
    const away = center.x === 0 && center.y === 0 ? 0 : Math.atan2(center.y, center.x);
    const spread = center.x === 0 && center.y === 0 ? 2 * Math.PI : Math.PI * 1.4;
    const elems = [];
    if (!cy.getElementById(root.key).length) elems.push({ group: 'nodes', data: { id: root.key, label: root.label, kind: root.kind }, position: center });
    fresh.concat(truncatedTypes.map((tp) => ({ key: root.key + '|more|' + tp, more: tp }))).forEach((n, i) => {
      const a = away - spread / 2 + (spread * (i + 0.5)) / Math.max(1, count);
      const pos = { x: center.x + radius * Math.cos(a), y: center.y + radius * Math.sin(a) };
      if (n.more) {
        const m = { key: n.key, from: root.key, type: n.more, n: res.truncated[n.more] };
        more.push(m);
        elems.push({ group: 'nodes', data: { id: n.key, label: '+' + m.n + ' ' + t('kind.more'), kind: 'more' }, position: pos, classes: 'more' });
        elems.push({ group: 'edges', data: { id: n.key + '|e', source: root.key, target: n.key, type: relName(n.more) } });
      } else {
        nodes.set(n.key, n);
        elems.push({ group: 'nodes', data: { id: n.key, label: n.label, kind: n.kind }, position: pos });
      }
    });
    res.edges.forEach((e) => {
      const id = e.from + '|' + e.type + '|' + e.to;
      if (edges.has(id)) return;
      edges.set(id, e);
      elems.push({ group: 'edges', data: { id, source: e.from, target: e.to, type: relName(e.type) } });
    });
    cy.add(elems);
    cy.getElementById(root.key).addClass('expanded');
    renderList();
  };

  const renderList = () => {
    $('#explore-count', el).textContent = String(nodes.size);
    const rows = Array.from(nodes.values());
    $('#explore-list', el).innerHTML = str(html`<table class="data compact" id="explore-table"><thead><tr><th>${t('exp.kind')}</th><th>${t('common.name')}</th><th>${t('exp.edge')}</th><th></th></tr></thead><tbody>
      ${rows.map((n) => {
        const rels = Array.from(edges.values()).filter((e) => e.from === n.key || e.to === n.key).map((e) => e.type);
        return html`<tr data-key="${n.key}" data-kind="${n.kind}"><td class="nowrap">${t('kind.' + n.kind)}</td><td><a href="#" data-select="${n.key}">${n.label}</a>${n.sample ? sampleBadge() : ''}${n.assumed ? assumedBadge() : ''}</td>
          <td class="small">${Array.from(new Set(rels)).map(relName).join(t('common.sep'))}</td>
          <td>${expanded.has(n.key) ? html`<span class="muted small">${t('exp.expanded')}</span>` : html`<button type="button" class="btn btn-light btn-s" data-expand="${n.key}">${t('exp.expand')}</button>`}</td></tr>`;
      })}</tbody></table>
      ${more.map((m) => html`<p class="small muted" data-more="${m.type}">${nodes.get(m.from) ? nodes.get(m.from).label : m.from}: ${t('exp.more', { n: m.n, type: relName(m.type) })}</p>`)}`);
  };

  const expand = async (key) => {
    const n = nodes.get(key);
    if (!n || expanded.has(key)) return;
    const res = await get(url(n.kind, n.id));
    const pos = cy.getElementById(key).position();
    add(res, { x: pos.x, y: pos.y });
  };
  const select = (key) => {
    const n = nodes.get(key);
    if (n) panel.innerHTML = str(nodePanel(n));
  };

  add(first, { x: 0, y: 0 });
  cy.getElementById(first.node.key).addClass('root');
  // the start: each cluster opened once, so its chains are on screen
  (then || []).forEach((res) => {
    const n = cy.getElementById(res.node.key);
    if (n.length) add(res, n.position());
  });
  if ((then || []).length) {
    // the start as a tree, top down: the programme, its clusters, their chains — no label on another
    cy.layout({ name: 'breadthfirst', roots: cy.getElementById(first.node.key), directed: false, spacingFactor: 1.05, padding: 30, animate: false, nodeDimensionsIncludeLabels: true }).run();
    // as tall as the tree needs at the box's width, so it fits one screen at 1440×900 under the hint
    const bb = cy.elements().boundingBox({ includeLabels: true });
    const z = Math.min(1.2, (box.clientWidth - 60) / Math.max(1, bb.w));
    box.style.height = Math.max(300, Math.round(bb.h * z + 60)) + 'px';
    cy.resize();
  }
  const fit = () => cy.fit(undefined, 30);
  fit();
  box._cy = cy;
  const removeTools = graphTools(cy, box, { fileName: 'graph', fit });
  cy.on('tap', 'node', (e) => {
    const key = e.target.id();
    if (e.target.hasClass('more')) return;
    select(key);
    expand(key).then(() => cy.animate({ fit: { padding: 30 } }, { duration: 0 })).catch((err) => console.error(err));
  });
  cy.on('tap', 'edge', (e) => {
    const edge = edges.get(e.target.id());
    if (edge) panel.innerHTML = str(nodePanel(null, edge));
  });
  $('#explore-list', el).addEventListener('click', (e) => {
    const s = e.target.closest('[data-select]');
    if (s) {
      e.preventDefault();
      select(s.getAttribute('data-select'));
    }
    const x = e.target.closest('[data-expand]');
    if (x) {
      const key = x.getAttribute('data-expand');
      select(key);
      expand(key).then(() => cy.fit(undefined, 30)).catch((err) => console.error(err));
    }
  });
  const onResize = () => cy.resize();
  window.addEventListener('resize', onResize);
  return () => {
    window.removeEventListener('resize', onResize);
    removeTools();
    cy.destroy();
  };
}

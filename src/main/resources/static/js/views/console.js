// Read-only Cypher console #/console : POST /api/cypher (run / explain / profile), results as a table and, when nodes or
// relationships come back, as a Cytoscape graph; refusals (403) and truncation shown in words.
import { html, str, $ } from '../dom.js';
import { t, has } from '../i18n.js';
import { notice, pageHeader, problemText, oneLang } from '../components.js';
import { cytoscape, FONT } from '../charts.js';
import { csrfHeaders, send, get, clearCache } from '../api.js';
import { graphTools } from '../graphtools.js';
import { relName } from './explore.js';

const EXAMPLES = [
  ['con.ex1', 'MATCH (t:Task {no: $no})-[r:LED_BY|CO_OWNED_BY]->(d:Department) RETURN t, r, d', '{"no": 52}'],
  ['con.ex2', 'MATCH (t:Task)-[:LED_BY]->(d:Department) RETURN d.name AS department, count(t) AS tasks ORDER BY tasks DESC LIMIT 10', '{}'],
  ['con.ex3', 'MATCH p = (a:Segment {chain: $chain})-[:SUPPLIES]->(b:Segment) RETURN p', '{"chain": "光电通信"}'],
];
const KEY = 'cg.console';

function cell(v) {
  if (v === null || v === undefined) return html`<span class="muted" translate="no">null</span>`;
  if (typeof v === 'object' && v._type === 'node') return html`<span class="gnode"><span translate="no">(:${v.labels.join(':')}</span> ${v.properties.name || v.properties.id || v.properties.no || ''})</span>`;
  if (typeof v === 'object' && v._type === 'relationship') return html`<span class="grel" translate="no">[:${v.type}]</span>`;
  if (typeof v === 'object' && v._type === 'path') return html`<span class="grel">${t('con.path', { n: v.nodes.length })}</span>`;
  if (typeof v === 'object') return html`<span translate="no">${JSON.stringify(v)}</span>`;
  return String(v);
}

function collect(v, nodes, rels, depth) {
  if (!v || typeof v !== 'object' || depth > 6) return;
  if (Array.isArray(v)) return v.forEach((x) => collect(x, nodes, rels, depth + 1));
  if (v._type === 'node' && v.id) nodes.set(v.id, v);
  else if (v._type === 'relationship' && v.id) rels.set(v.id, v);
  else if (v._type === 'path') {
    v.nodes.forEach((x) => collect(x, nodes, rels, depth + 1));
    v.relationships.forEach((x) => collect(x, nodes, rels, depth + 1));
  } else Object.keys(v).forEach((k) => collect(v[k], nodes, rels, depth + 1));
}

function planTree(p) {
  if (!p) return '';
  return html`<li><b translate="no">${p.operator}</b> <span class="small muted" translate="no">${p.details || ''}</span> <span class="small">${t('con.est', { n: Math.round(p.estimatedRows || 0) })}${p.rows !== null && p.rows !== undefined ? ' · ' + t('con.rowsHits', { rows: p.rows, hits: p.dbHits }) : ''}</span>
    ${p.children && p.children.length ? html`<ul>${p.children.map(planTree)}</ul>` : ''}</li>`;
}

export default async function consoleView() {
  let saved = {};
  try {
    saved = JSON.parse(sessionStorage.getItem(KEY) || '{}');
  } catch (e) {
    saved = {};
  }
  const view = html`${pageHeader({ title: t('con.title'), sub: t('con.intro') })}
  <form id="console-form" class="console-form">
    <label class="block-label">${t('con.query')}<textarea id="cypher-query" name="query" rows="6" spellcheck="false">${saved.query || EXAMPLES[0][1]}</textarea></label>
    <label class="block-label">${t('con.params')}<textarea id="cypher-params" name="params" rows="2" spellcheck="false">${saved.params || EXAMPLES[0][2]}</textarea></label>
    <p><button class="btn" type="submit" data-mode="run" id="cypher-run">${t('con.run')}</button>
      <button class="btn btn-light" type="submit" data-mode="explain" id="cypher-explain">${t('con.explain')}</button>
      <button class="btn btn-light" type="submit" data-mode="profile" id="cypher-profile">${t('con.profile')}</button>
      <span class="small">${t('con.examples')}：${EXAMPLES.map((e, i) => html`<a href="#" data-example="${i}">${t(e[0])}</a>${i < EXAMPLES.length - 1 ? ' · ' : ''}`)}</span></p>
  </form>
  <section class="block saved-queries" aria-labelledby="h-saved">
    <h2 id="h-saved">${t('con.saved')}</h2>
    <form id="save-form" class="toolbar filters"><label>${t('con.saveName')} <input name="name" id="save-name" maxlength="100" required></label><button class="btn btn-light" type="submit" id="save-query">${t('con.save')}</button><span id="save-msg" class="small" role="status"></span></form>
    <ul id="saved-list" class="plain saved-list"></ul>
  </section>
  <div id="console-result" aria-live="polite"></div>`;
  return { title: t('con.title'), html: view, mount };
}

function mount(el) {
  const form = $('#console-form', el);
  const out = $('#console-result', el);
  let cy = null;
  let mode = 'run';
  let last = null;
  form.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-mode]');
    if (b) mode = b.getAttribute('data-mode');
    const ex = e.target.closest('[data-example]');
    if (ex) {
      e.preventDefault();
      const x = EXAMPLES[Number(ex.getAttribute('data-example'))];
      form.query.value = x[1];
      form.params.value = x[2];
    }
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (cy) {
      cy.destroy();
      cy = null;
    }
    let params = {};
    try {
      params = form.params.value.trim() ? JSON.parse(form.params.value) : {};
      if (!params || typeof params !== 'object' || Array.isArray(params)) throw new Error('not an object');
    } catch (err) {
      out.innerHTML = str(notice('warn', t('con.badParams')));
      return;
    }
    try {
      sessionStorage.setItem(KEY, JSON.stringify({ query: form.query.value, params: form.params.value }));
    } catch (err) {
      // private mode
    }
    out.innerHTML = str(html`<p class="muted">${t('common.loading')}</p>`);
    const res = await fetch('/api/cypher', { method: 'POST', headers: Object.assign({ 'Content-Type': 'application/json', Accept: 'application/json' }, csrfHeaders()), body: JSON.stringify({ query: form.query.value, params, mode }) });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) {
      out.innerHTML = str(errorBlock(res.status, body));
      return;
    }
    last = { query: form.query.value, params, mode };
    const nodes = new Map();
    const rels = new Map();
    collect(body.rows, nodes, rels, 0);
    out.innerHTML = str(html`<p class="count" id="console-summary">${t('con.summary', { n: body.rowCount, ms: body.elapsedMs, mode: t('con.mode.' + body.mode) })}</p>
      ${body.truncated ? html`<div class="notice notice-warn" id="console-truncated">${t('con.truncated', { n: body.maxRows })}</div>` : ''}
      ${(body.notifications || []).map((n) => notice('info', html`<span class="small">${t('con.severity.' + n.severity) || n.severity}：<span translate="no">${n.description}</span></span>`))}
      ${body.plan ? html`<h3>${t('con.plan')}</h3><ul class="plan">${planTree(body.plan)}</ul>` : ''}
      ${body.mode === 'run' && body.columns.length ? html`<p class="toolbar"><button type="button" class="btn btn-light" id="console-csv" data-format="csv">${t('con.csv')}</button><button type="button" class="btn btn-light" id="console-xlsx" data-format="xlsx">${t('con.xlsx')}</button></p>` : ''}
      ${nodes.size ? html`<h3>${t('con.graph')} <span class="count" id="console-graph-caption">${t('con.graphCaption', { n: nodes.size, r: rels.size })}</span></h3><div id="console-graph" class="graph-box"></div>` : ''}
      ${body.columns.length ? html`<h3>${t('con.table')}</h3><div class="table-wrap"><table class="data" id="console-table"><thead><tr>${body.columns.map((c) => html`<th translate="no">${c}</th>`)}</tr></thead>
        <tbody>${body.rows.map((row) => html`<tr>${row.map((v) => html`<td>${cell(v)}</td>`)}</tr>`)}</tbody></table></div>` : ''}`);
    if (nodes.size) cy = await drawGraph(el, nodes, rels);
  });
  out.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-format]');
    if (b && last) download(b.getAttribute('data-format'), last, b).catch((err) => console.error(err));
  });
  bindSaved(el, form);
  return () => {
    if (cy) cy.destroy();
  };
}

/** A refusal or failure in the UI's language: the problem's zh/en member, else the catalogue's words for its reason. */
function errorBlock(status, body) {
  const reason = body.reason || '';
  const said = problemText(body) || (reason ? t('con.reason.' + reason) : '') || t('err.status', { status });
  const detail = body.detail && body.detail !== said ? body.detail : '';
  return html`<div class="console-error notice notice-warn" role="alert" data-status="${status}" data-reason="${reason}">
    <p><b>${status === 403 ? t('con.refused') + ' · ' : ''}${oneLang(body.title) || t('err.status', { status })}</b></p><p class="error-text">${said}</p>
    ${body.line ? html`<p class="small">${t('con.where', { line: body.line, column: body.column })}</p>` : ''}
    ${detail || reason ? html`<details class="small tech"><summary>${t('err.details')}</summary>${detail ? html`<p translate="no">${detail}</p>` : ''}${reason ? html`<p class="muted">${t('con.reasonLabel')}: <span translate="no">${reason}${body.gqlStatus ? ' · ' + body.gqlStatus : ''}</span></p>` : ''}</details>` : ''}</div>`;
}

/** The result as a file through the server's export (POST /api/cypher?format=csv|xlsx), saved by the browser. */
async function download(format, last, button) {
  button.disabled = true;
  try {
    const res = await fetch('/api/cypher?format=' + format, { method: 'POST', headers: Object.assign({ 'Content-Type': 'application/json', Accept: '*/*' }, csrfHeaders()), body: JSON.stringify({ query: last.query, params: last.params, mode: 'run' }) });
    if (!res.ok) throw new Error('HTTP ' + res.status);
    const blob = await res.blob();
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = t('con.fileName') + '.' + format;
    document.body.appendChild(a);
    a.click();
    setTimeout(() => {
      URL.revokeObjectURL(a.href);
      a.remove();
    }, 1000);
  } finally {
    button.disabled = false;
  }
}

/** The signed-in user's saved queries (GET/POST/DELETE /api/console/queries): load one into the form, save, delete. */
function bindSaved(el, form) {
  const list = $('#saved-list', el);
  const msg = $('#save-msg', el);
  let items = [];
  const render = async () => {
    clearCache();
    try {
      items = await get('/api/console/queries');
    } catch (e) {
      items = [];
    }
    list.innerHTML = str(items.length ? html`${items.map((q) => html`<li data-saved="${q.name}"><b>${q.name}</b> <span class="muted small">${t('plan.version')} ${q.version}</span>
      <button type="button" class="btn btn-light" data-load="${q.id}">${t('con.load')}</button> <button type="button" class="btn btn-light" data-delete="${q.id}">${t('con.delete')}</button>
      <div class="small muted" translate="no">${q.query.length > 140 ? q.query.slice(0, 140) + '…' : q.query}</div></li>`)}` : html`<li class="muted">${t('con.savedNone')}</li>`);
  };
  list.addEventListener('click', async (e) => {
    const l = e.target.closest('[data-load]');
    if (l) {
      const q = items.find((x) => x.id === l.getAttribute('data-load'));
      if (q) {
        form.query.value = q.query;
        form.params.value = q.params;
        $('#save-name', el).value = q.name;
      }
    }
    const d = e.target.closest('[data-delete]');
    if (d) {
      await send('DELETE', '/api/console/queries/' + encodeURIComponent(d.getAttribute('data-delete')));
      await render();
    }
  });
  $('#save-form', el).addEventListener('submit', async (e) => {
    e.preventDefault();
    const name = $('#save-name', el).value.trim();
    try {
      const q = await send('POST', '/api/console/queries', { name, query: form.query.value, params: form.params.value });
      msg.textContent = t('con.savedOk', { name: q.name, v: q.version });
    } catch (err) {
      msg.textContent = problemText(err.problem) || t('err.status', { status: err.status });
    }
    await render();
  });
  render();
}

/**
 * The result graph: labels below the nodes on a white backing, relationship types on a white backing along the edge,
 * a layout that keeps labels apart (cose with label sizes), fitted with room for the labels, zoom and download tools.
 */
async function drawGraph(el, nodes, rels) {
  const lib = await cytoscape();
  const box = $('#console-graph', el);
  if (!box) return null;
  const elements = [];
  nodes.forEach((n) => {
    const kind = n.labels[0] && has('kind.' + n.labels[0]) ? t('kind.' + n.labels[0]) : n.labels[0] || '';
    const name = String(n.properties.name || n.properties.id || n.properties.no || '');
    // "任务52", not "任务 任务52": the kind only when the name does not already say it
    elements.push({ group: 'nodes', data: { id: n.id, label: name.indexOf(kind) === 0 ? name : kind + ' ' + name } });
  });
  rels.forEach((r) => {
    if (nodes.has(r.start) && nodes.has(r.end)) elements.push({ group: 'edges', data: { id: r.id, source: r.start, target: r.end, type: relName(r.type) } });
  });
  const cy = lib({
    container: box,
    elements,
    minZoom: 0.3,
    maxZoom: 2.5,
    layout: { name: 'cose', animate: false, randomize: false, nodeDimensionsIncludeLabels: true, idealEdgeLength: () => 120, nodeRepulsion: () => 40000, padding: 40, componentSpacing: 60 },
    style: [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 13, 'font-family': FONT, 'background-color': '#1d4e89', width: 24, height: 24, 'text-valign': 'bottom', 'text-margin-y': 5, 'text-wrap': 'wrap', 'text-max-width': 160, 'text-background-color': '#ffffff', 'text-background-opacity': 0.9, 'text-background-padding': 2, color: '#1b2a3a' } },
      { selector: 'edge', style: { label: 'data(type)', 'font-size': 11, 'font-family': FONT, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', width: 1.5, 'line-color': '#9fb3cc', 'target-arrow-color': '#7f97b5', 'text-rotation': 'autorotate', 'text-background-color': '#ffffff', 'text-background-opacity': 1, 'text-background-padding': 2, color: '#4a5a6b' } },
    ],
  });
  // Fitted, but never so small that labels drop below 13 px × 0.9: a large result grows the box (up to 720 px) instead,
  // and beyond that the user pans or zooms.
  const fit = () => {
    const bb = cy.elements().boundingBox({ includeLabels: true });
    box.style.height = Math.max(320, Math.min(720, Math.round(bb.h + 100))) + 'px';
    cy.resize();
    cy.fit(undefined, 40);
    if (cy.zoom() > 1.3) cy.zoom(1.3);
    if (cy.zoom() < 0.9) cy.zoom(0.9);
    cy.center();
  };
  fit();
  box._cy = cy;
  graphTools(cy, box, { fileName: t('con.fileName'), fit });
  return cy;
}

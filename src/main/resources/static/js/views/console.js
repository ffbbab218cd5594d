// Read-only Cypher console #/console : POST /api/cypher (run / explain / profile), results as a table and, when nodes or
// relationships come back, as a Cytoscape graph; refusals (403) and truncation shown in words.
import { html, str, $ } from '../dom.js';
import { t } from '../i18n.js';
import { notice, pageHeader } from '../components.js';
import { cytoscape, FONT } from '../charts.js';
import { csrfHeaders } from '../api.js';

const EXAMPLES = [
  ['任务52及其责任单位', 'MATCH (t:Task {no: $no})-[r:LED_BY|CO_OWNED_BY]->(d:Department) RETURN t, r, d', '{"no": 52}'],
  ['牵头任务最多的部门', 'MATCH (t:Task)-[:LED_BY]->(d:Department) RETURN d.name AS department, count(t) AS tasks ORDER BY tasks DESC LIMIT 10', '{}'],
  ['光电通信的环节供给关系', 'MATCH p = (a:Segment {chain: $chain})-[:SUPPLIES]->(b:Segment) RETURN p', '{"chain": "光电通信"}'],
];
const KEY = 'cg.console';

function cell(v) {
  if (v === null || v === undefined) return html`<span class="muted">null</span>`;
  if (typeof v === 'object' && v._type === 'node') return html`<span class="gnode">(:${v.labels.join(':')} ${v.properties.name || v.properties.id || v.properties.no || ''})</span>`;
  if (typeof v === 'object' && v._type === 'relationship') return html`<span class="grel">[:${v.type}]</span>`;
  if (typeof v === 'object' && v._type === 'path') return html`<span class="grel">path (${v.nodes.length} nodes)</span>`;
  if (typeof v === 'object') return JSON.stringify(v);
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
  return html`<li><b>${p.operator}</b> <span class="small muted">${p.details || ''}</span> <span class="small">est ${Math.round(p.estimatedRows || 0)}${p.rows !== null && p.rows !== undefined ? ' · rows ' + p.rows + ' · dbHits ' + p.dbHits : ''}</span>
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
      <span class="small">${t('con.examples')}：${EXAMPLES.map((e, i) => html`<a href="#" data-example="${i}">${e[0]}</a>${i < EXAMPLES.length - 1 ? ' · ' : ''}`)}</span></p>
  </form>
  <div id="console-result" aria-live="polite"></div>`;
  return { title: t('con.title'), html: view, mount };
}

function mount(el) {
  const form = $('#console-form', el);
  const out = $('#console-result', el);
  let cy = null;
  let mode = 'run';
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
      out.innerHTML = str(html`<div class="console-error notice notice-warn" role="alert" data-status="${res.status}" data-reason="${body.reason || ''}">
        <p><b>${res.status === 403 ? t('con.refused') + ' · ' : ''}${body.title || 'HTTP ' + res.status}</b></p><p>${body.detail || ''}</p>
        ${body.line ? html`<p class="small">line ${body.line}, column ${body.column}</p>` : ''}${body.reason ? html`<p class="small muted">reason: ${body.reason}${body.gqlStatus ? ' · ' + body.gqlStatus : ''}</p>` : ''}</div>`);
      return;
    }
    const nodes = new Map();
    const rels = new Map();
    collect(body.rows, nodes, rels, 0);
    out.innerHTML = str(html`<p class="count" id="console-summary">${t('con.summary', { n: body.rowCount, ms: body.elapsedMs, mode: body.mode })}</p>
      ${body.truncated ? html`<div class="notice notice-warn" id="console-truncated">${t('con.truncated', { n: body.maxRows })}</div>` : ''}
      ${(body.notifications || []).map((n) => notice('info', html`<span class="small">${n.severity}: ${n.description}</span>`))}
      ${body.plan ? html`<h3>${t('con.plan')}</h3><ul class="plan">${planTree(body.plan)}</ul>` : ''}
      ${nodes.size ? html`<h3>${t('con.graph')} <span class="count">${nodes.size} / ${rels.size}</span></h3><div id="console-graph" class="graph-box"></div>` : ''}
      ${body.columns.length ? html`<h3>${t('con.table')}</h3><div class="table-wrap"><table class="data" id="console-table"><thead><tr>${body.columns.map((c) => html`<th>${c}</th>`)}</tr></thead>
        <tbody>${body.rows.map((row) => html`<tr>${row.map((v) => html`<td>${cell(v)}</td>`)}</tr>`)}</tbody></table></div>` : ''}`);
    if (nodes.size) {
      const lib = await cytoscape();
      const box = $('#console-graph', el);
      if (!box) return;
      const elements = [];
      nodes.forEach((n) => elements.push({ group: 'nodes', data: { id: n.id, label: (n.labels[0] || '') + ' ' + (n.properties.name || n.properties.id || n.properties.no || '') } }));
      rels.forEach((r) => {
        if (nodes.has(r.start) && nodes.has(r.end)) elements.push({ group: 'edges', data: { id: r.id, source: r.start, target: r.end, type: r.type } });
      });
      cy = lib({
        container: box,
        elements,
        layout: { name: 'cose', animate: false, randomize: false },
        style: [
          { selector: 'node', style: { label: 'data(label)', 'font-size': 10, 'font-family': FONT, 'background-color': '#1d4e89', width: 22, height: 22, 'text-valign': 'bottom' } },
          { selector: 'edge', style: { label: 'data(type)', 'font-size': 8, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'line-color': '#b9c4d2', 'target-arrow-color': '#9fb3cc', 'text-rotation': 'autorotate' } },
        ],
      });
    }
  });
  return () => {
    if (cy) cy.destroy();
  };
}

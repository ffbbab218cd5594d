// Tools for the Cytoscape graphs (chain map, console result, explorer): zoom buttons, fit, and downloads as PNG
// (Cytoscape's own export) and SVG (written here from the drawn elements — no extra library).
import { html, str } from './dom.js';
import { t } from './i18n.js';

/** Adds a small toolbar (zoom in, zoom out, fit, PNG, SVG) before the graph box; returns a function removing it. */
export function graphTools(cy, box, opts) {
  const o = opts || {};
  const bar = document.createElement('div');
  bar.className = 'graph-tools';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', t('map.tools'));
  bar.innerHTML = str(html`<button type="button" class="btn btn-light" data-zoom="in" title="${t('map.zoomIn')}" aria-label="${t('map.zoomIn')}">＋</button><button type="button" class="btn btn-light" data-zoom="out" title="${t('map.zoomOut')}" aria-label="${t('map.zoomOut')}">－</button><button type="button" class="btn btn-light" data-zoom="fit">${t('map.fit')}</button>${o.download === false ? '' : html`<button type="button" class="btn btn-light" data-download="png">${t('map.png')}</button><button type="button" class="btn btn-light" data-download="svg">${t('map.svg')}</button>`}`);
  box.parentNode.insertBefore(bar, box);
  const name = o.fileName || 'graph';
  const zoomBy = (f) => cy.zoom({ level: Math.max(cy.minZoom(), Math.min(cy.maxZoom(), cy.zoom() * f)), renderedPosition: { x: box.clientWidth / 2, y: box.clientHeight / 2 } });
  bar.addEventListener('click', (e) => {
    const b = e.target.closest('button');
    if (!b) return;
    const z = b.getAttribute('data-zoom');
    if (z === 'in') zoomBy(1.25);
    if (z === 'out') zoomBy(0.8);
    if (z === 'fit') (o.fit || (() => cy.fit(undefined, 20)))();
    const d = b.getAttribute('data-download');
    if (d === 'png') save(cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }), name + '.png');
    if (d === 'svg') save(new Blob([svg(cy)], { type: 'image/svg+xml;charset=utf-8' }), name + '.svg');
  });
  return () => bar.remove();
}

function save(blob, fileName) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  setTimeout(() => {
    URL.revokeObjectURL(a.href);
    a.remove();
  }, 1000);
}

const X = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const x = (s) => String(s).replace(/[&<>"]/g, (c) => X[c]);
const n2 = (v) => Math.round(v * 10) / 10;

/**
 * The whole graph as SVG in model coordinates: edges as polylines through their drawn points (straight, segments or
 * taxi) with an arrow head, nodes as (round) rectangles or circles with their label lines. Good for print and slides.
 */
export function svg(cy) {
  const bb = cy.elements().boundingBox({ includeLabels: true });
  const pad = 16;
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="${n2(bb.x1 - pad)} ${n2(bb.y1 - pad)} ${n2(bb.w + 2 * pad)} ${n2(bb.h + 2 * pad)}" width="${Math.round(bb.w + 2 * pad)}" height="${Math.round(bb.h + 2 * pad)}">`);
  out.push(`<rect x="${n2(bb.x1 - pad)}" y="${n2(bb.y1 - pad)}" width="${n2(bb.w + 2 * pad)}" height="${n2(bb.h + 2 * pad)}" fill="#ffffff"/>`);
  out.push('<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>');
  cy.edges().forEach((e) => {
    const s = e.sourceEndpoint();
    const tp = e.targetEndpoint();
    const mid = e.segmentPoints() || [];
    const pts = [s].concat(mid, [tp]).map((p) => n2(p.x) + ',' + n2(p.y)).join(' ');
    const dashed = e.style('line-style') === 'dashed' ? ' stroke-dasharray="6 4"' : '';
    out.push(`<polyline points="${pts}" fill="none" stroke="${e.style('line-color')}" stroke-width="${parseFloat(e.style('width'))}"${dashed} marker-end="url(#arrow)"/>`);
    const label = e.style('label');
    if (label) {
      const m = e.midpoint();
      out.push(`<text x="${n2(m.x)}" y="${n2(m.y)}" font-size="${parseFloat(e.style('font-size'))}" text-anchor="middle" fill="${e.style('color')}" font-family="sans-serif">${x(label)}</text>`);
    }
  });
  cy.nodes().forEach((nd) => {
    const p = nd.position();
    const w = nd.width();
    const h = nd.height();
    const shape = nd.style('shape');
    const fill = nd.style('background-color');
    const stroke = nd.style('border-color');
    const bw = parseFloat(nd.style('border-width')) || 0;
    const dashed = nd.style('border-style') === 'dashed' ? ' stroke-dasharray="5 3"' : '';
    if (shape === 'ellipse') out.push(`<ellipse cx="${n2(p.x)}" cy="${n2(p.y)}" rx="${n2(w / 2)}" ry="${n2(h / 2)}" fill="${fill}" stroke="${stroke}" stroke-width="${bw}"${dashed}/>`);
    else out.push(`<rect x="${n2(p.x - w / 2)}" y="${n2(p.y - h / 2)}" width="${n2(w)}" height="${n2(h)}" rx="${shape === 'round-rectangle' ? 8 : 0}" fill="${fill}" stroke="${stroke}" stroke-width="${bw}"${dashed}/>`);
    const label = nd.style('label');
    if (!label) return;
    const fs = parseFloat(nd.style('font-size'));
    const lines = String(label).split('\n');
    const lh = fs * 1.25;
    const below = nd.style('text-valign') === 'bottom';
    const y0 = below ? p.y + h / 2 + fs + 2 : p.y - ((lines.length - 1) * lh) / 2 + fs * 0.35;
    out.push(`<text x="${n2(p.x)}" y="${n2(y0)}" font-size="${fs}" text-anchor="middle" fill="${nd.style('color')}" font-family="sans-serif">${lines.map((l, i) => `<tspan x="${n2(p.x)}" dy="${i ? n2(lh) : 0}">${x(l)}</tspan>`).join('')}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}

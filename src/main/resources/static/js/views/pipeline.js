// 招商项目 #/pipeline (summary: funnel, signed-investment trend, 招大引强, gap projections), #/pipeline/:name (a chain's
// board, columns by stage) and #/leads/:id (a lead: facts, gap signal, project figures, history with 跟进记录, move and note forms).
import { html, href, num, str, $ } from '../dom.js';
import { t } from '../i18n.js';
import { apiPath, me, send } from '../api.js';
import { pageHeader, sampleBadge, statusBadge } from '../components.js';
import { draw, COLORS } from '../charts.js';

const STAGES = ['线索', '接洽', '在谈', '签约', '开工', '投产', '终止'];

function leadCard(l) {
  return html`<li class="lead-card" data-lead="${l.id}"><a href="#/leads/${encodeURIComponent(l.id)}"><b>${l.enterpriseName}</b></a>
    <span class="muted small">${l.id} · ${l.owner}${l.stageDate ? ' · ' + l.stageDate : ''}</span>
    ${l.bigProject ? html`<span class="status status-present">${t('pl.bigShort')}</span>` : ''}${l.stale ? html`<span class="status status-weak">${t('pl.stale')}</span>` : ''}${l.sample ? sampleBadge() : ''}</li>`;
}

function projectionRow(p) {
  return html`<tr data-projection="${p.segmentId}"><td>${p.chain}</td><td>${p.segment} <span class="muted small">${p.segmentId}</span></td>
    <td>${statusBadge(p.status)}</td><td class="r">${p.leads}</td><td class="r">${p.signed}</td>
    <td>${p.label ? html`<span class="gap-projection" title="${p.label}">${t('pl.projected')} → ${p.projected}</span>` : html`<span class="muted">—</span>`}</td></tr>`;
}

export async function summaryView(ctx) {
  const year = ctx.query.get('year') || String(new Date().getFullYear());
  const s = await ctx.get('/api/pipeline/summary?year=' + encodeURIComponent(year));
  const view = html`
  ${pageHeader({ title: t('pl.title'), sub: year,
    actions: html`<a class="btn btn-light" href="/api/leads/ledger?format=xlsx" download>${t('pl.ledger')}</a>` })}
  <ul class="stats stats-wide">
    <li><span><strong id="pl-total">${s.total.total}</strong><span>${t('pl.leads')}</span></span></li>
    <li><span><strong id="pl-big">${s.bigProjects.count}</strong><span>${t('pl.big')} ${year} · ${t('pl.bigTarget')}</span></span></li>
    <li><span><strong>${s.fortune500.inYear} / ${s.fortune500.cumulative}</strong><span>${t('pl.f500')}：${t('pl.inYear')} / ${t('pl.cumulative')}</span></span></li>
    <li><span><strong>${s.total.stale}</strong><span>${t('pl.stale')}（${t('pl.days', { n: s.staleDays })}）</span></span></li>
  </ul>
  <p>${s.byChain.map((f) => html`<a class="btn btn-light" href="#/pipeline/${encodeURIComponent(f.key)}">${f.key} (${f.total})</a> `)}</p>
  <div class="grid2"><section><h2>${t('pl.funnel')}</h2><div id="pl-funnel" class="chart" style="height:320px"></div></section>
  <section><h2>${t('pl.trend')}</h2><div id="pl-trend" class="chart" style="height:320px"></div></section></div>
  <h2>${t('pl.big')} ${year}</h2>
  <table class="data compact" id="pl-big-table"><thead><tr><th>${t('pl.leads')}</th><th>${t('pl.enterprise')}</th><th>${t('pl.chain')}</th><th>${t('pl.signed')}</th><th>${t('pl.verdict')}</th></tr></thead>
  <tbody>${s.bigProjects.projects.map((p) => html`<tr><td><a href="#/leads/${encodeURIComponent(p.leadId)}">${p.leadId}</a></td><td>${p.enterpriseName}${p.sample ? sampleBadge() : ''}</td><td>${p.chain}</td><td>${p.signedOn}</td>
    <td class="small">${[p.verdict.fortune500, p.verdict.over100mUsd, p.verdict.filed1b].filter((f) => f.met).map((f) => f.why + (f.basis === 'stated' ? t('pl.stated') : '')).join('；')}</td></tr>`)}</tbody></table>
  <h2>${t('pl.projections')}</h2>
  <table class="data compact" id="pl-projections"><thead><tr><th>${t('pl.chain')}</th><th>${t('pl.segments')}</th><th>${t('pl.now')}</th><th class="r">${t('pl.leads')}</th><th class="r">${t('pl.signed')}</th><th>${t('pl.projected')}</th></tr></thead>
  <tbody>${s.projections.map(projectionRow)}</tbody></table>`;
  return {
    title: t('pl.title'), html: view,
    mount: async (el) => {
      const f = s.total;
      const c1 = await draw($('#pl-funnel', el), {
        tooltip: {}, xAxis: { type: 'value' }, yAxis: { type: 'category', inverse: true, data: STAGES },
        series: [{ type: 'bar', data: STAGES.map((st) => f.byStage[st]), itemStyle: { color: COLORS.primary }, label: { show: true, position: 'right' } }],
        grid: { left: 60, right: 40, top: 10, bottom: 30 },
      });
      const q = s.signedByQuarter;
      const c2 = await draw($('#pl-trend', el), {
        tooltip: { trigger: 'axis' }, xAxis: { type: 'category', data: q.map((x) => x.quarter) }, yAxis: { type: 'value' },
        series: [{ type: 'bar', name: t('pl.trend'), data: q.map((x) => x.totalInvestment), itemStyle: { color: COLORS.light } },
          { type: 'line', name: t('pl.signed'), data: q.map((x) => x.signed), yAxisIndex: 0, show: false }],
        grid: { left: 70, right: 20, top: 10, bottom: 40 },
      });
      return () => { c1(); c2(); };
    },
  };
}

export async function boardView(ctx) {
  const b = await ctx.get(apiPath('chains', ctx.params.name, 'pipeline'));
  const view = html`
  ${pageHeader({ crumbs: [{ href: '#/pipeline', label: t('pl.title') }, { label: b.chain }], title: b.chain + ' · ' + t('pl.board') })}
  <div class="board" id="pl-board">${b.stages.map((st) => html`<section class="board-col" data-stage="${st}"><h3>${st} <span class="count">${b.columns[st].length}</span></h3>
    <ol class="lead-list">${b.columns[st].map(leadCard)}</ol></section>`)}</div>
  <h2>${t('pl.projections')}</h2>
  <table class="data compact" id="pl-projections"><thead><tr><th>${t('pl.chain')}</th><th>${t('pl.segments')}</th><th>${t('pl.now')}</th><th class="r">${t('pl.leads')}</th><th class="r">${t('pl.signed')}</th><th>${t('pl.projected')}</th></tr></thead>
  <tbody>${b.gaps.map(projectionRow)}</tbody></table>`;
  return { title: b.chain + ' · ' + t('pl.board'), html: view };
}

export async function leadView(ctx) {
  const l = await ctx.get(apiPath('leads', ctx.params.id));
  const p = l.project || {};
  const next = STAGES.filter((st, i) => st === '终止' ? l.stage !== '终止' : i > STAGES.indexOf(l.stage) && l.stage !== '终止');
  const v = p.bigProject;
  const view = html`
  ${pageHeader({ crumbs: [{ href: '#/pipeline', label: t('pl.title') }, { href: '#/pipeline/' + encodeURIComponent(l.chain), label: l.chain }, { label: l.id }],
    title: l.title, sub: html`${l.id} ${l.sample ? sampleBadge() : ''}` })}
  <dl class="facts">
    <dt>${t('pl.stage')}</dt><dd><span id="lead-stage" class="status status-present">${l.stage}</span> ${l.stageDate || ''}</dd>
    <dt>${t('pl.enterprise')}</dt><dd>${l.enterpriseName} <span class="muted small">${l.creditCode || ''}</span></dd>
    <dt>${t('pl.segments')}</dt><dd>${l.segments.map((s) => html`${s.name} ${statusBadge(s.status)} `)}</dd>
    <dt>${t('pl.source')}</dt><dd>${l.source}</dd><dt>${t('pl.owner')}</dt><dd>${l.owner}</dd>
  </dl>
  ${l.signal ? html`<section id="lead-signal"><h3>${t('pl.signal')}</h3><p>${l.signal.segment} ${statusBadge(l.signal.segmentStatus)} · ${t('pl.score')} ${l.signal.score} · ${t('pl.rank')} ${l.signal.rank} · ${l.signal.listedOn || ''}</p>
    <ul class="small">${(l.signal.reasons || []).map((r) => html`<li>${r}</li>`)}</ul></section>` : ''}
  <h3>${t('pl.project')}</h3>
  <p class="small">${t('pl.total')} ${p.totalInvestment !== null && p.totalInvestment !== undefined ? num(p.totalInvestment) + ' 万元' : '—'}${p.totalInvestmentUsd ? ' / ' + num(p.totalInvestmentUsd) + ' 万美元' : ''} ·
    ${t('pl.land')} ${p.landMu || '—'} · ${t('pl.output')} ${p.expectedOutput || '—'} · ${t('pl.tax')} ${p.expectedTax || '—'} · ${t('pl.town')} ${p.town || '—'}</p>
  ${v ? html`<p class="small" id="lead-verdict">${t('pl.verdict')}：${v.fortune500.met || v.over100mUsd.met || v.filed1b.met ? t('pl.yes') : t('pl.no')} — ${[v.fortune500, v.over100mUsd, v.filed1b].map((f) => f.why).join('；')}</p>` : ''}
  ${l.canEdit ? html`
  <form id="lead-move" class="form-grid"><label>${t('pl.move')}<select name="stage">${next.map((st) => html`<option>${st}</option>`)}</select></label>
    <label>${t('pl.date')}<input name="date" type="date"></label><label>${t('pl.reason')}<input name="reason"></label>
    <button class="btn" type="submit">${t('pl.move')}</button><span class="form-error" id="lead-move-error"></span></form>
  <form id="lead-note" class="form-grid"><label>${t('pl.way')}<input name="way"></label><label>${t('pl.content')}<input name="content" required></label>
    <label>${t('pl.nextStep')}<input name="nextStep"></label><label>${t('pl.nextDate')}<input name="nextDate" type="date"></label>
    <button class="btn" type="submit">${t('pl.addNote')}</button><span class="form-error" id="lead-note-error"></span></form>` : html`<p class="muted">${t('pl.readOnly')}</p>`}
  <h3>${t('pl.history')}</h3>
  <table class="data compact" id="lead-events"><thead><tr><th>#</th><th>${t('pl.date')}</th><th></th><th></th><th></th></tr></thead>
  <tbody>${l.events.map((e) => html`<tr data-kind="${e.kind}"><td>${e.seq}</td><td>${e.date}</td><td>${e.by}</td>
    <td>${e.kind === 'note' ? t('pl.notes') : e.kind}${e.to ? ' → ' + e.to : ''}</td>
    <td class="small">${e.reason || ''}${e.content ? html`${e.way ? '[' + e.way + '] ' : ''}${e.content}${e.nextStep ? ' · ' + t('pl.nextStep') + '：' + e.nextStep : ''}${e.nextDate ? ' ' + e.nextDate : ''}` : ''}${e.after && e.kind !== 'note' ? e.after : ''}</td></tr>`)}</tbody></table>`;
  return {
    title: l.title, html: view,
    mount: (el) => {
      const wire = (id, path) => {
        const form = $(id, el);
        if (!form) return;
        form.addEventListener('submit', async (ev) => {
          ev.preventDefault();
          const body = {};
          new FormData(form).forEach((val, k) => { if (val !== '') body[k] = val; });
          try {
            await send('POST', apiPath('leads', l.id, path), body);
            window.dispatchEvent(new HashChangeEvent('hashchange'));
          } catch (err) {
            $(id + '-error', el).textContent = (err.body && (err.body.detail || err.body.title)) || String(err);
          }
        });
      };
      wire('#lead-move', 'moves');
      wire('#lead-note', 'notes');
    },
  };
}

export default summaryView;

/** "转为线索" on a candidate: POST /api/leads from it, then a link to the new lead (or the refusal). */
export async function toLead(button, chain) {
  button.disabled = true;
  try {
    const lead = await send('POST', '/api/leads', { candidate: { chain, segment: button.getAttribute('data-segment'), enterprise: button.getAttribute('data-to-lead') } });
    button.outerHTML = str(html`<a class="btn btn-light" data-lead-link="${lead.id}" href="#/leads/${encodeURIComponent(lead.id)}">${t('pl.leads')} ${lead.id} →</a>`);
  } catch (err) {
    button.disabled = false;
    button.title = (err.body && err.body.detail) || String(err);
    button.textContent = t('pl.toLead') + ' ✕';
  }
}

/** The gap marker on a chain map's segment cards: "若已签约项目投产 → 弱链", a projection beside the present status. */
/** Leads are internal (docs/security.md): only 招商, the coordinator and chain offices see them, so only they ask. */
async function seesLeads() {
  const u = await me();
  return !!u && u.roles.some((r) => ['INVESTMENT', 'COORDINATOR', 'CHAIN'].includes(r.name));
}

export async function markProjections(el, chain, get) {
  if (!(await seesLeads())) {
    return;
  }
  let b;
  try {
    b = await get(apiPath('chains', chain, 'pipeline'));
  } catch (e) {
    return;  // no access to leads: no marker
  }
  b.gaps.filter((g) => g.label).forEach((g) => {
    const card = el.querySelector('.seg-card[data-segment="' + g.segmentId + '"]');
    if (card && !card.querySelector('.gap-projection')) {
      card.insertAdjacentHTML('beforeend', str(html`<span class="gap-projection" data-projected="${g.projected}" data-signed="${g.signed}" title="${g.label}">${t('pl.projected')} → ${g.projected}（${g.signed}）</span>`));
    }
  });
}

/** The gap marker in the city matrix: cells whose worst status would change if the signed projects produced. */
export async function markMatrix(el, get) {
  if (!(await seesLeads())) {
    return;
  }
  let s;
  try {
    s = await get('/api/pipeline/summary');
  } catch (e) {
    return;  // no access to leads: no marker
  }
  s.matrix.forEach((m) => {
    const row = el.querySelector('tr[data-chain="' + m.chain + '"]');
    const cell = row && row.querySelector('td[data-stage="' + m.stage + '"]');
    if (cell && !cell.querySelector('.gap-projection')) {
      cell.insertAdjacentHTML('beforeend', str(html`<span class="gap-projection" data-projected="${m.projected}" title="${m.label}">${t('pl.projected')} → ${m.projected}</span>`));
    }
  });
}

// City-wide gap matrix: chains × stages, coloured by the worst status, each cell opening the chain map.
import { html, href } from '../dom.js';
import { t, bi } from '../i18n.js';
import { assumedBadge, notice, pageHeader, statusBadge, statusClass, output } from '../components.js';
import { markMatrix } from './pipeline.js';

export default async function gaps(ctx) {
  const m = await ctx.get('/api/gaps');
  const th = m.thresholds;
  const view = html`
  ${pageHeader({
    title: t('gaps.title'),
    sub: t('gaps.intro'),
    actions: html`<a class="btn" id="workbook" href="/api/investment-targets?format=xlsx" download>${t('gaps.workbook')}</a>`,
  })}
  ${notice('assumed', html`${assumedBadge()} ${bi(m.note)}`)}
  <p class="legend">${['缺链', '弱链', '有链'].map((s) => html`<span class="legend-item">${statusBadge(s)}</span>`)}
    <span class="small muted">${t('gaps.thresholdText', { l: th.weakMinLocal, s: th.weakMinScale, o: output(th.weakMinOutput) })}</span></p>
  <div class="table-wrap"><table class="data gap-matrix" id="gap-matrix">
    <thead><tr><th scope="col">${t('kind.chain')}</th><th scope="col">${t('chain.cluster')}</th>${m.stages.map((s) => html`<th scope="col">${t('stage.' + s)}</th>`)}
      <th scope="col" class="r">${t('status.缺链')}</th><th scope="col" class="r">${t('status.弱链')}</th></tr></thead>
    <tbody>${m.rows.map((r) => html`<tr data-chain="${r.chain}">
      <th scope="row"><a href="${href('chains', r.chain)}">${r.chain}</a></th><td class="small">${r.cluster} ${assumedBadge()}</td>
      ${r.cells.map((c) => c.segments
        ? html`<td class="gap-cell cell-${statusClass(c.status)}" data-stage="${c.stage}" data-status="${c.status || ''}"><a href="${href('chains', r.chain)}">
            ${statusBadge(c.status)} <span class="small">${t('gaps.segmentsN', { n: c.segments })}</span>
            <span class="cell-figs">${c.missing ? html`<b class="c-missing">${t('chain.missing', { n: c.missing })}</b> ` : ''}${c.weak ? html`<b class="c-weak">${t('chain.weak', { n: c.weak })}</b>` : ''}</span>
            <span class="cell-figs small">${t('chain.local')} ${c.localCount} · ${output(c.localOutput)}</span></a></td>`
        : html`<td class="gap-cell cell-none muted">—</td>`)}
      <td class="r">${r.missing}</td><td class="r">${r.weak}</td></tr>`)}</tbody></table></div>`;
  return { title: t('nav.gaps'), html: view, mount: (el) => { markMatrix(el, ctx.get); } };
}

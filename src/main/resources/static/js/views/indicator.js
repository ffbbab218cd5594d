// An indicator: its targets by year (chart: value and qualifier; words stay words, never 0), every statement with its
// clause, and for 附件3 indicators the town breakdown with the city total, the sum of the towns and a mismatch warning.
import { html, href, num, esc } from '../dom.js';
import { t, getLang } from '../i18n.js';
import { apiPath } from '../api.js';
import { entityLink, notice, pageHeader, prov, qualifierText, roleBadge, targetCell, targetLabel, withUnit } from '../components.js';
import { draw, COLORS } from '../charts.js';

export default async function indicator(ctx) {
  const i = await ctx.get(apiPath('indicators', ctx.params.id));
  const unit = i.unit || '';
  const city = i.targets.filter((g) => !g.town);
  const years = Array.from(new Set(city.map((g) => g.year))).sort();
  const primaryOf = (y) => city.find((g) => g.year === y && g.primary) || city.find((g) => g.year === y);
  const numeric = years.filter((y) => primaryOf(y) && primaryOf(y).value !== null && primaryOf(y).value !== undefined);
  const textOnly = city.filter((g) => g.primary && (g.value === null || g.value === undefined));
  const others = city.filter((g) => !g.primary && g.value !== null && g.value !== undefined);
  const tb = i.towns;
  const townYear = city.length ? city[0].year : 2023;
  const mismatch = tb && tb.additive && tb.sumMatchesTotal === false;

  const view = html`
  ${pageHeader({
    crumbs: [{ href: '#/indicators', label: t('nav.indicators') }, { href: '#/indicators?origin=' + encodeURIComponent(i.origin), label: html`<span lang="zh-CN">${i.origin}</span>` }, { label: i.id }],
    title: i.id + ' ' + i.name,
    sub: [i.origin, i.category, unit ? t('common.unit') + '：' + unit : null].filter(Boolean).join(' · '),
  })}
  <div class="owners-line"><span class="label">${t('common.departments')}：</span>${i.departments.length
    ? i.departments.map((d) => html`<span class="owner">${entityLink('department', d.name)} ${roleBadge(d.lead)}</span>`)
    : html`<span class="muted">${t('common.none')}</span>`}
    ${i.sourceRef ? html`<span class="label label-gap">${t('ind.indicatorSource')}：</span>${prov(i.sourceRef, i.sourceText)}` : ''}</div>

  <section class="block" aria-labelledby="h-chart">
    <h2 id="h-chart">${t('ind.chart')}${unit ? html` <span class="count">（${unit}）</span>` : ''}</h2>
    <div class="target-cards">${years.map((y) => {
      const g = primaryOf(y);
      return html`<div class="target-card${g.value === null || g.value === undefined ? ' text' : ''}" data-year="${y}">
        <span class="tc-year">${t('common.year', { y })}</span>
        <span class="tc-value">${targetLabel(g)}${g.value !== null && g.value !== undefined ? html`<small>${unit}</small>` : ''}</span>
        ${g.qualifier ? html`<span class="tc-qual">${qualifierText(g.qualifier)}</span>` : ''}
        ${g.period && g.period !== '年度' ? html`<span class="tc-qual">${g.period}</span>` : ''}
      </div>`;
    })}</div>
    ${numeric.length > 1 ? html`<div class="chart" id="target-chart" role="img" aria-label="${t('ind.chart')}: ${numeric.map((y) => y + ' ' + targetLabel(primaryOf(y)) + unit).join('；')}"></div>` : numeric.length ? '' : notice('info', t('ind.noChart'))}
    ${numeric.length && textOnly.length ? notice('info', html`${t('ind.textOnlyNote')} ${textOnly.map((g) => html`<span class="text-only">${g.year}：${g.text}</span> `)}`) : ''}
  </section>

  ${tb
    ? html`<section class="block" aria-labelledby="h-towns">
      <h2 id="h-towns">${t('ind.towns', { y: townYear })}</h2>
      ${mismatch
        ? html`<div class="notice notice-warn mismatch" role="alert" data-town-sum="${num(tb.townSum)}" data-city-total="${num(tb.cityTotal)}"><strong>⚠ ${t('ind.mismatch', { sum: withUnit(tb.townSum, unit), total: withUnit(tb.cityTotal, unit), ref: i.sourceRef || '附件3' })}</strong></div>`
        : tb.additive
          ? notice('ok', t('ind.match'))
          : notice('info', t('ind.notAdditive'))}
      <div class="chart" id="town-chart" role="img" aria-label="${t('ind.towns', { y: townYear })}"></div>
      <div class="table-wrap"><table class="data towns-table">
        <thead><tr>${tb.towns.map((w) => html`<th scope="col" class="r">${entityLink('town', w.town)}</th>`)}
          ${tb.additive ? html`<th scope="col" class="r sum-col">${t('ind.townSum')}</th>` : ''}<th scope="col" class="r total-col">${t('ind.cityTotal')}</th></tr></thead>
        <tbody><tr>${tb.towns.map((w) => html`<td class="r">${w.value === null || w.value === undefined ? html`<span class="text-only" title="${t('ind.dash')}">${w.text || '-'}</span>` : num(w.value)}</td>`)}
          ${tb.additive ? html`<td class="r sum-col${mismatch ? ' bad' : ''}"><b>${num(tb.townSum)}</b></td>` : ''}<td class="r total-col"><b>${tb.cityTotal === null || tb.cityTotal === undefined ? tb.cityText || '' : num(tb.cityTotal)}</b></td></tr></tbody>
      </table></div>
    </section>`
    : ''}

  <section class="block" aria-labelledby="h-statements">
    <h2 id="h-statements">${t('ind.statements')}</h2>
    <div class="table-wrap"><table class="data">
      <thead><tr><th scope="col">${t('common.yearCol')}</th><th scope="col" class="r">${t('ind.value')}</th><th scope="col">${t('ind.qualifier')}</th><th scope="col">${t('ind.text')}</th><th scope="col">${t('ind.period')}</th><th scope="col">${t('ind.kind')}</th><th scope="col">${t('common.source')}</th></tr></thead>
      <tbody>${i.targets.map(
        (g) => html`<tr${g.primary ? '' : html` class="secondary"`}>
          <td class="nowrap">${g.year}${g.town ? html` · ${entityLink('town', g.town)}` : ''}</td>
          <td class="r nowrap">${g.value === null || g.value === undefined ? html`<span class="muted">${t('common.textOnlyShort')}</span>` : targetCell(Object.assign({}, g, { qualifier: null }))}</td>
          <td class="nowrap">${qualifierText(g.qualifier)}</td>
          <td>${g.text}</td>
          <td class="nowrap">${g.period || ''}</td>
          <td class="nowrap">${g.primary ? html`<span class="badge badge-lead">${t('ind.primary')}</span>` : html`<span class="badge badge-co">${t('ind.secondary')}</span>`}</td>
          <td class="nowrap">${prov(g.sourceRef, g.quote)}</td>
        </tr>`
      )}</tbody>
    </table></div>
    ${i.sameMeasureAs && i.sameMeasureAs.length ? html`<p>${t('ind.sameMeasure')}：${i.sameMeasureAs.map((x, k) => html`${k ? '、' : ''}<a href="${href('indicators', x)}">${x}</a>`)}</p>` : ''}
  </section>`;

  async function mount(el) {
    const cleanups = [];
    const tc = el.querySelector('#target-chart');
    if (tc) {
      const cats = numeric.map(String);
      const label = (y) => {
        const g = primaryOf(Number(y));
        const q = qualifierText(g.qualifier);
        return targetLabel(g) + (q ? ' ' + q : '');
      };
      const series = [
        {
          name: t('ind.primary'),
          type: 'bar',
          barMaxWidth: 56,
          itemStyle: { color: COLORS.primary },
          data: numeric.map((y) => primaryOf(y).value),
          label: { show: true, position: 'top', fontSize: 14, fontWeight: 'bold', color: '#1b2a3a', formatter: (p) => label(p.name) },
        },
      ];
      const otherPoints = others.filter((g) => numeric.indexOf(g.year) >= 0);
      if (otherPoints.length) {
        series.push({
          name: t('ind.secondary'),
          type: 'scatter',
          symbol: 'diamond',
          symbolSize: 14,
          itemStyle: { color: COLORS.accent },
          data: otherPoints.map((g) => ({ value: [String(g.year), g.value], text: g.text, ref: g.sourceRef })),
        });
      }
      cleanups.push(
        await draw(tc, {
          grid: { left: 56, right: 24, top: 40, bottom: 32 },
          legend: otherPoints.length ? { top: 0, right: 0 } : undefined,
          tooltip: {
            trigger: 'item',
            formatter: (p) =>
              p.seriesType === 'scatter'
                ? esc(p.data.ref + '：' + p.data.text)
                : esc(p.name + '：' + label(p.name) + ' ' + unit + '（' + (primaryOf(Number(p.name)).sourceRef || '') + '）'),
          },
          xAxis: { type: 'category', data: cats, axisLabel: { fontSize: 13 } },
          yAxis: { type: 'value', name: unit, nameTextStyle: { align: 'right' } },
          series,
        })
      );
    }
    const wc = el.querySelector('#town-chart');
    if (wc && tb) {
      const lines = [];
      if (!tb.additive && tb.cityTotal !== null && tb.cityTotal !== undefined) {
        // a rate or growth figure: each town is compared with the city figure, not summed
        lines.push({ yAxis: tb.cityTotal, name: t('ind.cityTotal'), lineStyle: { color: COLORS.primary, type: 'solid', width: 2 }, label: { formatter: t('ind.cityTotal') + ' ' + num(tb.cityTotal), position: 'insideEndTop', color: COLORS.primary } });
      }
      const cats = tb.towns.map((w) => w.town);
      const data = tb.towns.map((w) => (w.value === null || w.value === undefined ? '-' : w.value));
      // Additive indicators: the sum of the towns and the city target stand beside the towns, so a mismatch shows.
      if (tb.additive && tb.townSum !== null && tb.townSum !== undefined) {
        cats.push(t('ind.townSum'));
        data.push({ value: tb.townSum, itemStyle: { color: mismatch ? COLORS.warn : COLORS.ok } });
      }
      if (tb.additive && tb.cityTotal !== null && tb.cityTotal !== undefined) {
        cats.push(t('ind.cityTotal'));
        data.push({ value: tb.cityTotal, itemStyle: { color: COLORS.primary } });
      }
      const vals = data.map((v) => (typeof v === 'object' ? v.value : v)).filter((v) => typeof v === 'number');
      const max = Math.max.apply(null, vals.concat([tb.cityTotal || 0]));
      cleanups.push(
        await draw(wc, {
          grid: { left: 56, right: 24, top: 28, bottom: 40 },
          tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
          xAxis: { type: 'category', data: cats, axisLabel: { interval: 0, fontSize: 12 } },
          yAxis: { type: 'value', name: unit, max: Math.ceil(max * 1.15) || null },
          series: [
            {
              name: getLang() === 'en' ? 'Town' : '镇（街道）',
              type: 'bar',
              barMaxWidth: 44,
              itemStyle: { color: COLORS.light },
              label: { show: true, position: 'top', formatter: (p) => (p.value === '-' ? '-' : num(p.value)) },
              data,
              markLine: lines.length ? { symbol: 'none', silent: true, data: lines } : undefined,
            },
          ],
        })
      );
    }
    return () => cleanups.forEach((c) => c());
  }

  return { title: i.id + ' ' + i.name, html: view, mount };
}

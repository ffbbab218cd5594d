// The report library: GET /api/reports.
import { html, href } from '../dom.js';
import { t, getLang, has } from '../i18n.js';
import { pageHeader, codeMarks } from '../components.js';

export default async function reports(ctx) {
  const list = await ctx.get('/api/reports');
  const en = getLang() === 'en';
  const view = html`${pageHeader({ title: t('rep.title'), sub: t('rep.intro') })}
  <div class="table-wrap"><table class="data" id="report-table"><thead><tr><th>${t('common.name')}</th><th>${t('dept.content')}</th><th>${t('rep.params')}</th></tr></thead>
  <tbody>${list.map((r) => html`<tr data-report="${r.name}"><td><a href="${href('reports', r.name)}"><b>${en ? r.titleEn : r.title}</b></a><div class="small muted"><span translate="no">${r.name}</span>${r.origin === 'external' ? ' · ' + t('rep.external') : ''}</div>
    ${r.valid ? '' : html`<span class="status status-missing">${t('rep.invalid')}</span>`}</td>
    <td class="small">${codeMarks(r.description)}</td><td class="small nowrap">${r.parameters.map((p) => html`<div><span translate="no">${p.name}</span> <span class="muted">${has('rep.type.' + p.type) ? t('rep.type.' + p.type) : p.type}${p.default !== null && p.default !== undefined ? html` = <span translate="no">${String(p.default)}</span>` : ''}</span></div>`)}</td></tr>`)}</tbody></table></div>`;
  return { title: t('rep.title'), html: view };
}

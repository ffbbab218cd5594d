// Responsibilities: departments (rows) × the 62 tasks of 附件2 (columns, grouped by section); 牵头 vs 配合 per cell.
import { html, href } from '../dom.js';
import { t } from '../i18n.js';
import { pageHeader, prov } from '../components.js';
import { withQuery } from '../router.js';

function shortTitle(s) {
  return String(s.title).split(/[，,]/)[0];
}

export default async function matrix(ctx) {
  const [programme, tasks, departments] = await Promise.all([
    ctx.get('/api/programme'),
    ctx.get('/api/tasks'),
    ctx.get('/api/departments'),
  ]);
  const showAll = ctx.query.get('all') === '1';
  const byNo = new Map(tasks.map((k) => [k.no, k]));
  const sections = programme.sections.map((s) => ({
    s,
    nos: s.measures.reduce((a, m) => a.concat(m.tasks), []).sort((a, b) => a - b),
  }));
  const columns = [];
  sections.forEach((g) => g.nos.forEach((no, i) => columns.push({ no, start: i === 0, section: g.s })));
  // role[department][task] = 'lead' | 'co' (with the listed position for co-owners)
  const role = new Map();
  const mark = (d, no, v) => {
    if (!role.has(d)) role.set(d, new Map());
    role.get(d).set(no, v);
  };
  tasks.forEach((k) => {
    mark(k.lead, k.no, { lead: true, pos: 1 });
    (k.coOwners || []).forEach((d, i) => mark(d, k.no, { lead: false, pos: i + 2 }));
  });
  const rows = departments.filter((d) => showAll || d.leads + d.coOwns > 0);
  const hidden = departments.length - rows.length;

  const cell = (d, c) => {
    const r = role.has(d.name) ? role.get(d.name).get(c.no) : null;
    const cls = 'c' + (c.start ? ' sec-start' : '');
    if (!r) return html`<td class="${cls}"></td>`;
    const k = byNo.get(c.no);
    const tip = t('common.task', { no: c.no }) + ' · ' + (r.lead ? t('common.lead') : t('common.co') + ' ' + t('dept.positionN', { n: r.pos })) + ' · ' + d.name + '\n' + (k ? k.measure : '');
    return html`<td class="${cls} ${r.lead ? 'is-lead' : 'is-co'}"><a href="${href('tasks', c.no)}" title="${tip}" data-dept="${d.name}" data-task="${c.no}">${r.lead ? t('matrix.cellLead') : t('matrix.cellCo')}</a></td>`;
  };

  const view = html`
  ${pageHeader({ title: t('matrix.title'), sub: t('matrix.intro') })}
  <div class="toolbar">
    <span class="legend" aria-label="${t('matrix.legend')}">
      <span class="legend-item"><span class="swatch is-lead">${t('matrix.cellLead')}</span>${t('common.lead')}</span>
      <span class="legend-item"><span class="swatch is-co">${t('matrix.cellCo')}</span>${t('common.co')}</span>
    </span>
    <label class="check"><input type="checkbox" id="matrix-hide" ${showAll ? '' : 'checked'}> ${t('matrix.hideEmpty')}${hidden ? ` (${hidden})` : ''}</label>
    ${prov('附件2 职责分工表')}
    <span class="scroll-hint" id="scroll-hint" hidden>${t('matrix.scroll')}</span>
  </div>
  <div class="matrix-wrap" tabindex="0" role="region" aria-label="${t('matrix.title')}">
  <table class="matrix" data-columns="${columns.length}">
    <thead>
      <tr>
        <th scope="col" rowspan="2" class="dept-col">${t('matrix.department')}</th>
        <th scope="col" rowspan="2" class="n-col" title="${t('dept.leads')}">${t('matrix.leads')}</th>
        <th scope="col" rowspan="2" class="n-col" title="${t('dept.coOwns')}">${t('matrix.coOwns')}</th>
        ${sections.map((g) => html`<th scope="colgroup" colspan="${g.nos.length}" class="sec sec-start" title="${g.s.no} ${g.s.title}" lang="zh-CN"><span>${g.s.no}</span> ${shortTitle(g.s)}</th>`)}
      </tr>
      <tr>${columns.map(
        (c) => html`<th scope="col" class="tno${c.start ? ' sec-start' : ''}" data-task="${c.no}"><a href="${href('tasks', c.no)}" title="${t('common.task', { no: c.no })} ${byNo.has(c.no) ? byNo.get(c.no).measure : ''}">${c.no}</a></th>`
      )}</tr>
    </thead>
    <tbody>${rows.map(
      (d) => html`<tr data-department="${d.name}">
        <th scope="row" class="dept-col"><a href="${href('departments', d.name)}" title="${d.fullName || d.name}">${d.name}</a></th>
        <td class="n-col">${d.leads || ''}</td><td class="n-col">${d.coOwns || ''}</td>
        ${columns.map((c) => cell(d, c))}
      </tr>`
    )}</tbody>
  </table>
  </div>`;

  return {
    title: t('nav.responsibilities'),
    html: view,
    mount(el) {
      const wrap = el.querySelector('.matrix-wrap');
      if (wrap.scrollWidth > wrap.clientWidth + 2) el.querySelector('#scroll-hint').hidden = false;
      const box = el.querySelector('#matrix-hide');
      box.addEventListener('change', () => {
        window.location.hash = withQuery('/departments', { all: box.checked ? '' : '1' });
      });
    },
  };
}

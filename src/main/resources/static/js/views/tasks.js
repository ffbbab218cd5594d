// The 62 tasks of 附件2 grouped by section and measure, filterable by department and text (kept in the URL).
import { html, href, fold } from '../dom.js';
import { t } from '../i18n.js';
import { pageHeader, prov, entityLink } from '../components.js';
import { withQuery } from '../router.js';

/** "5. 扩大制造业有效投资" or "(一) 强化财政支持" (the 保障措施 are numbered with brackets). */
export function measureLabel(m) {
  return /^[(（]/.test(m.no) ? m.no + ' ' + m.title : m.no + '. ' + m.title;
}

export default async function tasks(ctx) {
  const [programme, list, departments] = await Promise.all([
    ctx.get('/api/programme'),
    ctx.get('/api/tasks'),
    ctx.get('/api/departments'),
  ]);
  const dept = ctx.query.get('department') || '';
  const q = ctx.query.get('q') || '';
  const fq = fold(q);
  const byNo = new Map(list.map((k) => [k.no, k]));
  const keep = (k) =>
    (!dept || k.lead === dept || (k.coOwners || []).indexOf(dept) >= 0) &&
    (!fq || fold(k.content + k.measure).indexOf(fq) >= 0 || String(k.no) === q.trim());
  const shown = list.filter(keep).length;

  const view = html`
  ${pageHeader({ title: t('tasks.title'), sub: t('tasks.intro') })}
  <form class="toolbar filters" id="task-filter" role="search">
    <label>${t('tasks.filterDept')}
      <select name="department"><option value="">${t('common.all')}</option>
        ${departments.filter((d) => d.leads + d.coOwns > 0).map((d) => html`<option value="${d.name}"${d.name === dept ? html` selected` : ''}>${d.name}（${d.leads}/${d.coOwns}）</option>`)}
      </select></label>
    <label>${t('tasks.filterText')} <input type="search" name="q" value="${q}"></label>
    <button class="btn" type="submit">${t('common.filter')}</button>
    <span class="count">${t('common.count', { n: shown })}</span>
    ${prov('附件2')}
  </form>
  ${programme.sections.map((s) => {
    const measures = s.measures.map((m) => ({ m, ks: m.tasks.map((no) => byNo.get(no)).filter((k) => k && keep(k)) })).filter((x) => x.ks.length);
    if (!measures.length) return '';
    return html`<section class="block" aria-label="${s.title}">
      <h2>${s.no} ${s.title}</h2>
      <div class="table-wrap"><table class="data tasks-table fixed">
        <colgroup><col class="w-task"><col class="w-measure"><col><col class="w-dept"><col class="w-dept"></colgroup>
        <thead><tr><th scope="col" class="nowrap">${t('kind.task')}</th><th scope="col">${t('dept.measure')}</th><th scope="col">${t('dept.content')}</th><th scope="col">${t('task.lead')}</th><th scope="col">${t('common.co')}</th></tr></thead>
        <tbody>${measures.map((x) =>
          x.ks.map(
            (k) => html`<tr>
            <td class="nowrap"><a href="${href('tasks', k.no)}">${t('common.task', { no: k.no })}</a></td>
            <td class="measure-col">${measureLabel(x.m)}</td>
            <td class="content">${k.content}</td>
            <td class="nowrap">${entityLink('department', k.lead)}</td>
            <td>${(k.coOwners || []).map((d, i) => html`${i ? '、' : ''}${entityLink('department', d)}`)}</td>
          </tr>`
          )
        )}</tbody>
      </table></div>
    </section>`;
  })}`;

  return {
    title: t('nav.tasks'),
    html: view,
    mount(el) {
      const form = el.querySelector('#task-filter');
      const go = () => {
        window.location.hash = withQuery('/tasks', { department: form.department.value, q: form.q.value.trim() });
      };
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        go();
      });
      form.department.addEventListener('change', go);
    },
  };
}

// 审计日志 #/audit (admin, coordinator): every write, newest first, filtered by user, kind and dates; CSV/XLSX download.
import { html } from '../dom.js';
import { withQuery } from '../router.js';
import { t } from '../i18n.js';
import { pageHeader } from '../components.js';

const KINDS = ['signin.form', 'signin.token', 'token.create', 'token.revoke', 'user.create', 'user.update', 'user.disable',
  'user.password', 'import.programme', 'import.register', 'plan.write', 'key-enterprises.write',
  'report.write', 'report.review', 'report.contribution', 'actual.write', 'supervision.create', 'supervision.reply', 'supervision.close',
  'template.import', 'tracking.sample', 'backup.create', 'backup.download', 'backup.restore'];

export default async function audit(ctx) {
  const q = ctx.query;
  const params = { user: q.get('user') || '', kind: q.get('kind') || '', from: q.get('from') || '', to: q.get('to') || '', page: q.get('page') || '0', size: '50' };
  const qs = new URLSearchParams(Object.entries(params).filter((e) => e[1] !== '')).toString();
  const r = await ctx.get('/api/audit?' + qs);
  const page = Number(params.page);
  const view = html`
  ${pageHeader({ title: t('audit.title') })}
  <form class="form-grid" id="audit-form" method="get" action="#/audit">
    <label>${t('audit.user')}<input name="user" value="${params.user}"></label>
    <label>${t('audit.kind')}<select name="kind"><option value=""></option>${KINDS.map((k) => html`<option${k === params.kind ? html` selected` : ''}>${k}</option>`)}</select></label>
    <label>${t('audit.from')}<input name="from" type="date" value="${params.from}"></label>
    <label>${t('audit.to')}<input name="to" type="date" value="${params.to}"></label>
    <button class="btn" type="submit">${t('common.apply')}</button>
    <a class="btn btn-light" href="/api/audit?${qs}&format=csv">CSV</a>
    <a class="btn btn-light" href="/api/audit?${qs}&format=xlsx">XLSX</a>
  </form>
  <p class="count" id="audit-total">${t('audit.total', { n: r.total })}</p>
  <table class="data compact" id="audit-table"><thead><tr><th>${t('audit.at')}</th><th>${t('audit.user')}</th><th>${t('audit.address')}</th>
    <th>${t('audit.kind')}</th><th>${t('audit.keys')}</th><th>${t('audit.change')}</th><th>${t('audit.outcome')}</th></tr></thead>
    <tbody>${r.items.map((e) => html`<tr data-kind="${e.kind}"><td>${(e.at || '').slice(0, 19).replace('T', ' ')}</td><td translate="no">${e.actor}</td><td translate="no">${e.address}</td>
      <td translate="no">${e.kind}</td><td translate="no">${(e.keys || []).join(' ')}</td><td translate="no">${e.before ? html`<del>${e.before}</del><br>` : ''}${e.after || ''}</td><td translate="no">${e.outcome}</td></tr>`)}</tbody></table>
  <nav class="pager">
    ${page > 0 ? html`<a class="btn btn-light" href="${withQuery('/audit', Object.assign({}, params, { page: page - 1, size: '' }))}">${t('common.prevPage')}</a>` : html`<span></span>`}
    ${r.hasNext ? html`<a class="btn btn-light" href="${withQuery('/audit', Object.assign({}, params, { page: page + 1, size: '' }))}">${t('common.nextPage')}</a>` : ''}
  </nav>`;
  return { title: t('audit.title'), html: view, mount };
}

function mount(el) {
  el.querySelector('#audit-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = ev.target;
    window.location.hash = withQuery('/audit', { user: f.user.value, kind: f.kind.value, from: f.from.value, to: f.to.value });
  });
}

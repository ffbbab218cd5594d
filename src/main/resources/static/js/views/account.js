// 我的账户 #/account: who I am, my roles and scope, what I may edit, and my API tokens (create — shown once — and revoke).
import { html, str, $ } from '../dom.js';
import { t } from '../i18n.js';
import { send, me, ApiError } from '../api.js';
import { notice, pageHeader, oneLang } from '../components.js';

function tokenRows(tokens) {
  return tokens.map(
    (k) => html`<tr data-token="${k.id}"><td translate="no">${k.name}</td><td>${(k.createdAt || '').slice(0, 16).replace('T', ' ')}</td>
      <td>${(k.expiresAt || '').slice(0, 10)}</td><td>${k.active ? t('acct.active') : t('acct.inactive')}</td>
      <td>${k.active ? html`<button type="button" class="btn btn-light" data-revoke="${k.id}">${t('acct.revoke')}</button>` : ''}</td></tr>`
  );
}

export default async function account(ctx) {
  const u = await me();
  const tokens = await ctx.get('/api/auth/tokens');
  const e = u.editable;
  const view = html`
  ${pageHeader({ title: t('acct.title') })}
  <dl class="props" id="account">
    <div><dt>${t('common.name')}</dt><dd id="account-user"><span translate="no">${u.username}</span>${u.displayName && u.displayName !== u.username ? html` （<span translate="no">${u.displayName}</span>）` : ''}</dd></div>
    <div><dt>${t('acct.roles')}</dt><dd>${u.roles.map((r) => html`${oneLang(r.label)} <span class="muted small" translate="no">${r.name}</span>`).map((x, i) => html`${i ? '、' : ''}${x}`)}</dd></div>
    <div><dt>${t('acct.binding')}</dt><dd>${[u.department, u.town].concat(u.chains || []).filter(Boolean).join('、') || '—'}</dd></div>
    <div class="wide"><dt>${t('acct.editable')}</dt><dd id="account-editable">${e.allTasks ? t('acct.allTasks')
      : e.taskPlans.length || e.chains.length || e.town
        ? [e.taskPlans.length ? t('acct.taskPlans') + ' ' + e.taskPlans.join('、') : '', e.chains.join('、'), e.town || ''].filter(Boolean).join('；')
        : t('acct.nothing')}</dd></div>
  </dl>
  <section aria-labelledby="h-tokens">
    <h2 id="h-tokens">${t('acct.tokens')}</h2>
    <p class="muted">${t('acct.tokensHelp')}</p>
    <form id="token-form" class="form-grid">
      <label>${t('acct.tokenName')}<input name="name" maxlength="100" value="Excel"></label>
      <button class="btn" type="submit">${t('acct.create')}</button>
    </form>
    <div id="token-new"></div>
    <table class="data" id="token-table"><thead><tr><th>${t('acct.tokenName')}</th><th>${t('acct.created')}</th><th>${t('acct.expires')}</th><th>${t('acct.state')}</th><th></th></tr></thead>
      <tbody>${tokenRows(tokens)}</tbody></table>
  </section>`;
  return { title: t('acct.title'), html: view, mount };
}

function mount(el) {
  const refresh = async () => {
    const list = await send('GET', '/api/auth/tokens');
    $('#token-table tbody', el).innerHTML = str(tokenRows(list));
  };
  $('#token-form', el).addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const made = await send('POST', '/api/auth/tokens', { name: ev.target.name.value });
      $('#token-new', el).innerHTML = str(notice('note', html`${t('acct.newToken')}<div class="token-once" id="token-value">${made.token}</div>`));
      await refresh();
    } catch (err) {
      $('#token-new', el).innerHTML = str(notice('warn', err instanceof ApiError ? err.message : String(err)));
    }
  });
  el.addEventListener('click', async (ev) => {
    const b = ev.target.closest('[data-revoke]');
    if (!b) return;
    await send('DELETE', '/api/auth/tokens/' + encodeURIComponent(b.getAttribute('data-revoke')));
    await refresh();
  });
}

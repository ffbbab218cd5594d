// 备份 #/backup (admin): the backups in the backup folder, "back up now" (POST /api/admin/backups), downloads.
import { html, str, $ } from '../dom.js';
import { t } from '../i18n.js';
import { notice, pageHeader } from '../components.js';
import { send, ApiError } from '../api.js';

function bytes(n) {
  if (n >= 1048576) return (Math.round((n / 1048576) * 10) / 10) + ' MB';
  if (n >= 1024) return Math.round(n / 1024) + ' KB';
  return n + ' B';
}

function table(list) {
  if (!list.backups.length) return html`<p class="muted" id="backup-none">${t('bk.none')}</p>`;
  return html`<div class="table-wrap"><table class="data" id="backup-table"><thead><tr><th>${t('bk.file')}</th><th class="num">${t('bk.size')}</th><th>${t('bk.modified')}</th></tr></thead>
    <tbody>${list.backups.map((b) => html`<tr><td><a href="/api/admin/backups/${encodeURIComponent(b.name)}" download>${b.name}</a></td>
      <td class="num">${bytes(b.size)}</td><td>${(b.modified || '').slice(0, 19).replace('T', ' ')}</td></tr>`)}</tbody></table></div>`;
}

export default async function backup(ctx) {
  const list = await ctx.get('/api/admin/backups');
  const view = html`
  ${pageHeader({ title: t('bk.title') })}
  <p>${t('bk.intro')}</p>
  <dl class="upload-summary small">
    <dt>${t('bk.guarantee')}</dt><dd id="backup-guarantee">${list.guarantee}</dd>
    <dt>${t('bk.dir')}</dt><dd class="mono">${list.dir}</dd>
    <dt>${t('bk.schedule')}</dt><dd>${list.schedule || t('bk.noSchedule')}</dd>
    <dt>${t('bk.keep')}</dt><dd>${list.keep}</dd>
  </dl>
  <p><button class="btn" type="button" id="backup-now">${t('bk.now')}</button></p>
  <div id="backup-result"></div>
  <div id="backup-list">${table(list)}</div>
  <p class="small muted">${t('bk.restoreHelp')}</p>`;
  return { title: t('bk.title'), html: view, mount: (el) => mount(el, ctx) };
}

function mount(el, ctx) {
  const button = $('#backup-now', el);
  button.addEventListener('click', async () => {
    button.disabled = true;
    $('#backup-result', el).innerHTML = str(html`<p class="muted">${t('bk.running')}</p>`);
    try {
      const b = await send('POST', '/api/admin/backups');
      $('#backup-result', el).innerHTML = str(notice('info', t('bk.done', { name: b.name, nodes: b.nodes, rels: b.relationships, paused: b.writesPausedMs })));
      const list = await send('GET', '/api/admin/backups');
      $('#backup-list', el).innerHTML = str(table(list));
    } catch (e) {
      const detail = e instanceof ApiError ? e.message : String(e);
      $('#backup-result', el).innerHTML = str(notice('warn', detail));
    } finally {
      button.disabled = false;
    }
  });
}

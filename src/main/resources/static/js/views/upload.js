// 数据上传 Data upload #/upload : POST /api/admin/uploads (register, programme or chain-map file) → the problems found
// (file/sheet, line, column) or a preview of what would change → 确认导入 → progress (polling) → the result.
import { html, str, $ } from '../dom.js';
import { t, has } from '../i18n.js';
import { notice, pageHeader, sampleBadge } from '../components.js';
import { clearCache, csrfHeaders } from '../api.js';

const KINDS = ['register', 'programme', 'chain-map'];
const POLL_MS = 500;

function sheetLabel(kind, sheet) {
  const key = 'up.sheet.' + (kind === 'register' ? 'r.' : 'p.') + sheet;
  return has(key) ? html`${t(key)} <span class="small muted">${sheet}</span>` : sheet;
}

function bytes(n) {
  if (n >= 1048576) return (Math.round((n / 1048576) * 10) / 10) + ' MB';
  if (n >= 1024) return Math.round(n / 1024) + ' KB';
  return n + ' B';
}

function summary(s) {
  return html`<dl class="upload-summary small" id="upload-summary">
    <dt>${t('up.file')}</dt><dd>${s.fileName} · ${bytes(s.size)}</dd>
    <dt>SHA-256</dt><dd class="mono">${s.sha256}</dd>
    <dt>${t('up.kind')}</dt><dd>${t('up.kind.' + s.kind)}${s.kind === 'register' ? html` · ${t('up.dataset')} <b>${s.dataset}</b> ${s.sample ? sampleBadge() : ''}` : ''}</dd>
  </dl>`;
}

function problemsTable(s) {
  return html`${notice('warn', html`<b>${t('up.rejected', { n: s.problemCount })}</b> ${t('up.nothingWritten')}`)}
  <div class="table-wrap"><table class="data" id="upload-problems"><thead><tr><th>${t('up.col.file')}</th><th>${t('up.col.line')}</th><th>${t('up.col.column')}</th><th>${t('up.col.problem')}</th></tr></thead>
  <tbody>${s.problems.map((p) => html`<tr><td>${p.file}</td><td class="num">${p.line || ''}</td><td>${p.column || ''}</td><td>${p.message}</td></tr>`)}</tbody></table></div>`;
}

function previewTable(s) {
  return html`<p>${t('up.previewIntro', { n: s.rowsTotal })}</p>
  <div class="table-wrap"><table class="data" id="upload-preview"><thead><tr><th>${t(s.kind === 'register' ? 'up.col.sheet' : 'up.col.kind')}</th>
    <th class="num">${t('up.col.new')}</th><th class="num">${t('up.col.changed')}</th><th class="num">${t('up.col.unchanged')}</th><th class="num">${t('up.col.removed')}</th></tr></thead>
  <tbody>${s.preview.map((r) => html`<tr data-sheet="${r.sheet}"><td>${sheetLabel(s.kind, r.sheet)}</td><td class="num" data-col="new">${r.new}</td>
    <td class="num" data-col="changed">${r.changed}</td><td class="num" data-col="unchanged">${r.unchanged}</td><td class="num" data-col="removed">${r.removed}</td></tr>`)}</tbody></table></div>
  <p class="small muted">${t(s.kind === 'register' ? 'up.previewNoteRegister' : 'up.previewNoteProgramme')}</p>
  <p><button type="button" class="btn" id="upload-confirm">${t('up.confirm')}</button>
    <button type="button" class="btn btn-light" id="upload-discard">${t('up.discard')}</button></p>`;
}

function progressView(s) {
  const total = s.rowsTotal || 0;
  const pct = total ? Math.min(100, Math.round((s.rowsDone / total) * 100)) : 0;
  return html`<p id="upload-applying">${t('up.applying')}</p>
  <progress id="upload-progress" max="${total || 1}" value="${s.rowsDone || 0}" aria-label="${t('up.applying')}"></progress>
  <span class="small" id="upload-progress-text">${t('up.progress', { done: s.rowsDone || 0, total, pct })}</span>`;
}

function resultView(s) {
  if (s.state === 'applied') {
    return html`${notice('info', html`<b id="upload-applied">${t('up.applied')}</b>${s.reason ? html` <span class="small">${s.reason}</span>` : ''}`)}
    <div class="table-wrap"><table class="data" id="upload-counts"><tbody>${Object.keys(s.counts || {}).map((k) => html`<tr><td>${k}</td><td class="num">${s.counts[k]}</td></tr>`)}</tbody></table></div>`;
  }
  return html`${notice('warn', html`<b id="upload-failed">${t('up.failed')}</b> ${s.reason || ''}`)}${s.problems && s.problems.length ? problemsTable(s) : ''}`;
}

function render(s) {
  const head = summary(s);
  if (s.state === 'rejected') return html`${head}${problemsTable(s)}`;
  if (s.state === 'validated') return html`${head}${previewTable(s)}`;
  if (s.state === 'applying') return html`${head}${progressView(s)}`;
  return html`${head}${resultView(s)}`;
}

async function call(method, path, body) {
  const r = await fetch(path, { method, body, headers: Object.assign({ Accept: 'application/json' }, method === 'GET' ? {} : csrfHeaders()), credentials: 'same-origin' });
  const json = r.status === 204 ? null : await r.json().catch(() => null);
  if (!r.ok) {
    const e = new Error((json && (json.detail || json.title)) || 'HTTP ' + r.status);
    e.problem = json || {};
    e.status = r.status;
    throw e;
  }
  return json;
}

export default async function uploadView() {
  const view = html`${pageHeader({ title: t('up.title'), sub: t('up.intro'), print: false })}
  <form id="upload-form" class="upload-form">
    <p><label>${t('up.kind')} <select id="upload-kind" name="kind">${KINDS.map((k) => html`<option value="${k}">${t('up.kind.' + k)}</option>`)}</select></label>
      <label id="upload-dataset-label">${t('up.dataset')} <input id="upload-dataset" name="dataset" type="text" placeholder="register" size="16"></label></p>
    <p class="small muted" id="upload-hint">${t('up.hint.register')}</p>
    <p><input id="upload-file" name="file" type="file" accept=".csv,.xlsx,.zip" required>
      <button class="btn" type="submit" id="upload-submit">${t('up.submit')}</button></p>
  </form>
  <div id="upload-result" aria-live="polite"></div>`;
  return { title: t('up.title'), html: view, mount };
}

function mount(el) {
  const form = $('#upload-form', el);
  const out = $('#upload-result', el);
  let timer = null;
  let current = null;

  const show = (s) => {
    current = s;
    out.innerHTML = str(render(s));
  };
  const error = (e) => {
    out.innerHTML = str(notice('warn', html`<span id="upload-error" data-status="${e.status || ''}"><b>${(e.problem && e.problem.title) || t('common.error')}</b> ${e.message}</span>`));
  };
  const poll = async () => {
    try {
      const s = await call('GET', '/api/admin/uploads/' + encodeURIComponent(current.id));
      show(s);
      if (s.state === 'applying') timer = setTimeout(poll, POLL_MS);
      else if (s.state === 'applied') clearCache();
    } catch (e) {
      error(e);
    }
  };

  form.kind.addEventListener('change', () => {
    const k = form.kind.value;
    $('#upload-dataset-label', el).hidden = k !== 'register';
    $('#upload-hint', el).textContent = t('up.hint.' + k);
    form.file.accept = k === 'register' ? '.csv,.xlsx,.zip' : '.csv,.zip';
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!form.file.files.length) return;
    const data = new FormData();
    data.append('kind', form.kind.value);
    data.append('file', form.file.files[0]);
    const dataset = $('#upload-dataset', el).value.trim();
    if (form.kind.value === 'register' && dataset) data.append('dataset', dataset);
    out.innerHTML = str(html`<p class="muted" id="upload-checking">${t('up.checking')}</p>`);
    try {
      show(await call('POST', '/api/admin/uploads', data));
    } catch (err) {
      error(err);
    }
  });
  out.addEventListener('click', async (e) => {
    if (!current) return;
    if (e.target.closest('#upload-confirm')) {
      try {
        show(await call('POST', '/api/admin/uploads/' + encodeURIComponent(current.id) + '/confirm'));
        timer = setTimeout(poll, POLL_MS);
      } catch (err) {
        error(err);
      }
    } else if (e.target.closest('#upload-discard')) {
      try {
        await call('DELETE', '/api/admin/uploads/' + encodeURIComponent(current.id));
        current = null;
        out.innerHTML = str(notice('info', html`<span id="upload-discarded">${t('up.discarded')}</span>`));
        form.reset();
      } catch (err) {
        error(err);
      }
    }
  });
  return () => {
    if (timer) clearTimeout(timer);
  };
}

// 季度进展 of one task #/tracking/tasks/:no?period=: every version with its review, co-owners' 配合情况, and — as the
// server allows (canEdit / canContribute / canReview) — the report form, the 配合情况 form and accept / return.
import { $, html, str } from '../dom.js';
import { apiPath, send } from '../api.js';
import { withQuery } from '../router.js';
import { t } from '../i18n.js';
import { pageHeader, notice } from '../components.js';
import { lamp, periodOptions } from './tracking.js';

export default async function trackingTask(ctx) {
  const no = ctx.params.no;
  const periods = await ctx.get('/api/periods');
  const board = await ctx.get('/api/tracking?period=' + encodeURIComponent(ctx.query.get('period') || '') + '&department=');
  const period = board.period;
  const item = board.tasks.find((x) => String(x.no) === String(no));
  const r = await ctx.get(apiPath('tasks', no, 'reports') + '?period=' + period);
  const cur = r.reports.find((v) => v.current);
  const view = html`
  ${pageHeader({ title: t('tr.task') + ' ' + no + ' · ' + t('tr.reports'), crumbs: [{ href: withQuery('/tracking', { period }), label: t('tr.title') }],
    sub: item ? item.content : '' })}
  <form class="form-grid" id="period-form"><label>${t('tr.period')}<select name="period">${periodOptions(periods, period)}</select></label>
    <button class="btn" type="submit">${t('tr.show')}</button></form>
  <p id="task-state" data-colour="${item ? item.light.colour : ''}" data-editable="${String(r.canEdit)}">${t('tr.lead')}: ${r.lead}
    ${r.coOwners.length ? '· ' + r.coOwners.join('、') : ''} · ${t('tr.due')} ${board.due} · ${item ? lamp(item.light) : ''} ${item ? item.light.reason : ''}</p>
  <h2>${t('tr.reports')}</h2>
  ${r.reports.length ? html`<table class="data compact" id="reports-table"><thead><tr><th>${t('tr.version')}</th><th>${t('tr.status')}</th>
    <th>${t('tr.percent')}</th><th>${t('tr.progress')}</th><th>${t('tr.problems')}</th><th>${t('tr.recorded')}</th><th>${t('tr.review')}</th></tr></thead>
    <tbody>${r.reports.map((v) => html`<tr data-version="${v.version}" data-current="${String(v.current)}" data-review="${v.review ? v.review.decision : ''}">
      <td>v${v.version} ${v.current ? t('tr.current') : html`<span class="muted">${t('tr.superseded')}</span>`}</td><td>${v.status}</td><td>${v.percent}</td>
      <td>${v.progress || ''}</td><td>${v.problems || ''}</td>
      <td>${(v.recordedAt || '').slice(0, 16).replace('T', ' ')} ${v.recordedBy}${v.late ? html` <span class="badge badge-sample">${t('tr.late')}</span>` : ''}</td>
      <td class="review-cell">${v.review ? html`${v.review.decisionZh}${v.review.comment ? '：' + v.review.comment : ''}` : t('tr.pending')}</td></tr>`)}</tbody></table>`
    : html`<p class="muted" id="reports-none">${t('tr.none')}</p>`}
  ${r.canReview && cur ? html`<form class="form-grid" id="review-form"><label>${t('tr.comment')}<input name="comment"></label>
    <button class="btn" type="button" id="review-accept">${t('tr.accept')}</button>
    <button class="btn btn-light" type="button" id="review-return">${t('tr.return')}</button></form>` : ''}
  ${r.canEdit ? html`<h2>${t('tr.file')}</h2>
  <form class="form-grid" id="report-form">
    <label>${t('tr.status')}<select name="status">${r.statuses.map((s) => html`<option${cur && cur.status === s ? html` selected` : ''}>${s}</option>`)}</select></label>
    <label>${t('tr.percent')}<input name="percent" type="number" min="0" max="100" value="${cur ? cur.percent : ''}"></label>
    <label>${t('tr.progress')}<textarea name="progress">${cur ? cur.progress || '' : ''}</textarea></label>
    <label>${t('tr.problems')}<textarea name="problems">${cur ? cur.problems || '' : ''}</textarea></label>
    <label>${t('tr.nextSteps')}<textarea name="nextSteps">${cur ? cur.nextSteps || '' : ''}</textarea></label>
    <button class="btn" type="submit" id="report-submit">${t('tr.submit')}</button></form>` : ''}
  <h2>${t('tr.contrib')}</h2>
  ${r.contributions.length ? html`<ul id="contributions">${r.contributions.map((c) => html`<li>${c.department} v${c.version}：${c.text}</li>`)}</ul>` : html`<p class="muted">${t('tr.none')}</p>`}
  ${r.canContribute ? html`<form class="form-grid" id="contrib-form"><label>${t('tr.contrib')}<textarea name="text"></textarea></label>
    <button class="btn" type="submit">${t('tr.addContrib')}</button></form>` : ''}
  <div id="task-messages"></div>`;
  return { title: t('tr.task') + ' ' + no, html: view, mount: (el) => mount(el, no, period) };
}

function mount(el, no, period) {
  const msg = (kind, text) => {
    $('#task-messages', el).innerHTML = str(notice(kind, text));
  };
  const reload = () => {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  };
  $('#period-form', el).addEventListener('submit', (ev) => {
    ev.preventDefault();
    window.location.hash = withQuery('/tracking/tasks/' + no, { period: ev.target.period.value });
  });
  const form = $('#report-form', el);
  if (form) {
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      try {
        const v = await send('POST', apiPath('tasks', no, 'reports'), { period, status: form.status.value, percent: Number(form.percent.value),
          progress: form.progress.value, problems: form.problems.value, nextSteps: form.nextSteps.value });
        msg('ok', t('tr.saved', { v: v.version }));
        reload();
      } catch (e) {
        msg('warn', e.message);
      }
    });
  }
  const review = (decision) => async () => {
    try {
      await send('POST', apiPath('tasks', no, 'reports', period, 'review'), { decision, comment: $('#review-form', el).comment.value });
      msg('ok', t('tr.reviewed'));
      reload();
    } catch (e) {
      msg('warn', e.message);
    }
  };
  if ($('#review-form', el)) {
    $('#review-accept', el).addEventListener('click', review('accept'));
    $('#review-return', el).addEventListener('click', review('return'));
  }
  const contrib = $('#contrib-form', el);
  if (contrib) {
    contrib.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      try {
        await send('POST', apiPath('tasks', no, 'reports', period, 'contributions'), { text: contrib.text.value });
        reload();
      } catch (e) {
        msg('warn', e.message);
      }
    });
  }
}

// A task of 附件2: section, measure, content, lead, co-owners in listed order, mentions, and the verbatim clauses.
import { html, href, str, $ } from '../dom.js';
import { t } from '../i18n.js';
import { apiPath, get, send, ApiError } from '../api.js';
import { clause, entityLink, notice, pageHeader } from '../components.js';
import { measureLabel } from './tasks.js';

const CIRCLED = ['', '①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩'];

export default async function task(ctx) {
  const k = await ctx.get(apiPath('tasks', ctx.params.no));
  const no = k.no;
  const view = html`
  ${pageHeader({
    crumbs: [{ href: '#/tasks', label: t('nav.tasks') }, { label: k.section.no + ' ' + k.section.title }, { label: measureLabel(k.measure) }],
    title: t('common.task', { no }) + ' · ' + k.measure.title,
  })}
  <div class="task-layout">
    <div class="task-main">
      <dl class="props">
        <div><dt>${t('task.section')}</dt><dd>${k.section.no} ${k.section.title}${k.section.annexTitle && k.section.annexTitle !== k.section.title ? html` <span class="muted">（附件2：${k.section.annexTitle}）</span>` : ''}</dd></div>
        <div><dt>${t('task.measure')}</dt><dd>${measureLabel(k.measure)}${k.annexMeasureCell && k.annexMeasureCell !== k.measure.title ? html` <span class="muted">（${t('task.annexCell')}：${k.annexMeasureCell}）</span>` : ''}</dd></div>
        <div class="wide"><dt>${t('task.content')}</dt><dd class="task-content">${k.content}</dd></div>
        <div><dt>${t('task.lead')}</dt><dd class="task-lead" data-lead="${k.lead}"><span class="pos" aria-hidden="true">①</span>${entityLink('department', k.lead)}</dd></div>
        <div><dt>${t('task.coOwners')}</dt><dd>${k.coOwners.length
          ? html`<ol class="owners">${k.coOwners.map((d, i) => html`<li data-order="${i + 2}"><span class="pos" aria-hidden="true">${CIRCLED[i + 2] || i + 2}</span>${entityLink('department', d)}</li>`)}</ol>`
          : html`<span class="muted">${t('common.none')}</span>`}</dd></div>
        ${k.departmentsRaw ? html`<div><dt>${t('task.raw')}</dt><dd class="raw">${k.departmentsRaw}</dd></div>` : ''}
        ${k.concerns && k.concerns.length
          ? html`<div class="wide"><dt>${t('task.mentions')}</dt><dd><ul class="mentions">${k.concerns.map(
              (c) => html`<li><span class="kind">${t('kind.' + c.kind)}</span>${entityLink(c.kind, c.id, c.name)}${c.quote && c.quote !== c.name ? html` <q>${c.quote}</q>` : ''}</li>`
            )}</ul></dd></div>`
          : ''}
      </dl>
    </div>
    <section class="task-sources" aria-labelledby="h-src">
      <h2 id="h-src">${t('task.sources')}</h2>
      ${k.sources.filter(Boolean).map((s) => html`<div data-source="${s.id}">${clause(s.ref, s.text, s.quote)}</div>`)}
    </section>
  </div>
  <section class="task-plans" id="task-plans" aria-labelledby="h-plans" data-task="${no}">
    <h2 id="h-plans">${t('plan.title')}</h2>
    <div id="plans-body"><p class="muted">${t('common.loading')}</p></div>
  </section>
  <nav class="pager" aria-label="pager">
    ${no > 1 ? html`<a class="btn btn-light" href="${href('tasks', no - 1)}" rel="prev">← ${t('common.prev')}（${t('common.task', { no: no - 1 })}）</a>` : html`<span></span>`}
    ${no < 62 ? html`<a class="btn btn-light" href="${href('tasks', no + 1)}" rel="next">${t('common.next')}（${t('common.task', { no: no + 1 })}）→</a>` : ''}
  </nav>`;
  return { title: t('common.task', { no }), html: view, mount: (el) => mountPlans(el, no) };
}

function milestoneText(m) {
  return 'Q' + m.dueQuarter + ' ' + m.text + (m.quantity !== null && m.quantity !== undefined ? ' （' + m.quantity + (m.unit || '') + '）' : '');
}

function plansHtml(p) {
  const years = p.current.length
    ? html`<table class="data compact" id="plans-table"><thead><tr><th>${t('plan.year')}</th><th>${t('plan.version')}</th><th>${t('plan.milestone')}</th><th>${t('plan.by')}</th></tr></thead>
      <tbody>${p.current.map((v) => html`<tr data-year="${v.year}" data-version="${v.version}"><td>${v.year}</td><td>v${v.version}</td>
        <td><ol>${v.milestones.map((m) => html`<li>${milestoneText(m)}</li>`)}</ol>${v.note ? html`<p class="muted">${v.note}</p>` : ''}</td>
        <td>${v.createdBy}<br><span class="muted">${(v.createdAt || '').slice(0, 16).replace('T', ' ')}</span></td></tr>`)}</tbody></table>`
    : html`<p class="muted">${t('plan.none')}</p>`;
  const history = p.history.length > p.current.length ? html`<p class="muted">${t('plan.history')}：${p.history.length - p.current.length}</p>` : '';
  const state = p.canEdit
    ? html`<p class="plan-state editable" id="plan-state" data-editable="true">${t('plan.editable')}</p>`
    : html`<p class="plan-state readonly muted" id="plan-state" data-editable="false">${t('plan.readonly', { lead: p.lead })}</p>`;
  const form = p.canEdit
    ? html`<form id="plan-form" class="form-grid">
        <label>${t('plan.year')}<input name="year" type="number" min="2023" max="2030" value="${new Date().getFullYear()}" required></label>
        <label class="wide">${t('plan.milestone')}<input name="text" required maxlength="500"></label>
        <label>${t('plan.quarter')}<select name="dueQuarter"><option>1</option><option>2</option><option>3</option><option selected>4</option></select></label>
        <label>${t('plan.quantity')}<input name="quantity" type="number" min="0" step="any"></label>
        <label>${t('plan.unit')}<input name="unit" maxlength="20"></label>
        <label>${t('plan.note')}<input name="note" maxlength="1000"></label>
        <button class="btn" type="submit" id="plan-submit">${t('plan.submit')}</button>
      </form><div id="plan-message"></div>`
    : '';
  return html`${state}${years}${history}${form}`;
}

async function mountPlans(el, no) {
  const body = $('#plans-body', el);
  const render = async () => {
    const p = await get(apiPath('tasks', no, 'plans'));
    body.innerHTML = str(plansHtml(p));
    const form = $('#plan-form', body);
    if (!form) return;
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const f = ev.target;
      const milestone = { text: f.text.value, dueQuarter: Number(f.dueQuarter.value) };
      if (f.quantity.value !== '') {
        milestone.quantity = Number(f.quantity.value);
        milestone.unit = f.unit.value;
      }
      try {
        const v = await send('POST', apiPath('tasks', no, 'plans'), { year: Number(f.year.value), milestones: [milestone], note: f.note.value });
        await render();
        $('#plans-body', el).insertAdjacentHTML('beforeend', str(notice('note', t('plan.saved', { v: v.version }))));
      } catch (err) {
        $('#plan-message', body).innerHTML = str(notice('warn', err instanceof ApiError ? err.message : String(err)));
      }
    });
  };
  try {
    await render();
  } catch (err) {
    body.innerHTML = str(notice('warn', err instanceof ApiError ? err.message : String(err)));
  }
}

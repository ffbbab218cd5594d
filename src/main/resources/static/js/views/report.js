// One report: a form from its declared parameters, run with POST /api/reports/{name}, results as a table, CSV/XLSX downloads
// (GET /api/reports/{name}/run?format=csv&… links, so the browser saves the file under the server's name).
import { html, str, $ } from '../dom.js';
import { t, getLang, has } from '../i18n.js';
import { apiPath, csrfHeaders } from '../api.js';
import { notice, pageHeader, problemText, problemDetails, oneLang, codeMarks } from '../components.js';
import { withQuery } from '../router.js';

function input(p, value) {
  const v = value !== null && value !== undefined ? value : p.default !== null && p.default !== undefined ? (Array.isArray(p.default) ? p.default.join('|') : String(p.default)) : '';
  // the description (Chinese, from the report file) names the parameter; its identifier and type are secondary
  const label = html`<span class="pname">${paramLabel(p)}</span> <span class="muted small">${getLang() === 'en' ? '' : html`<span translate="no">${p.name}</span> · `}${typeName(p.type)}${p.required ? ' · ' + t('rep.required') : ''}</span><span class="small">${codeMarks(paramHint(p))}</span>`;
  if (p.type === 'Boolean') {
    return html`<label class="param">${label}<select name="${p.name}" data-type="${p.type}"><option value=""${v === '' ? html` selected` : ''}>—</option><option value="true"${v === 'true' ? html` selected` : ''}>${t('common.yes')}</option><option value="false"${v === 'false' ? html` selected` : ''}>${t('common.no')}</option></select></label>`;
  }
  return html`<label class="param">${label}<input name="${p.name}" data-type="${p.type}" type="${p.type === 'Integer' || p.type === 'Float' ? 'number' : p.type === 'Date' ? 'date' : 'text'}" value="${v}"${p.type === 'Float' ? html` step="any"` : ''} placeholder="${p.required ? '' : t('rep.emptyDefault')}"></label>`;
}

function typeName(type) {
  return has('rep.type.' + type) ? t('rep.type.' + type) : type;
}

/** A parameter's name for people: the description up to its first bracket (产业链名称、别名或英文名), else the identifier. */
function paramLabel(p) {
  const d = String(p.description || '').trim();
  if (!d || getLang() === 'en') return p.name;
  return d.split(/[（(：:]/)[0].trim() || p.name;
}

function paramHint(p) {
  const d = String(p.description || '').trim();
  if (getLang() === 'en') return d;
  const l = paramLabel(p);
  return d.length > l.length ? d.slice(l.length).trim() : '';
}

/** A result column's header: its Chinese label from the report file in Chinese, its identifier in English. */
function header(r, name) {
  const c = r.columns.find((x) => x.name === name);
  if (getLang() === 'en' || !c || !c.label) return html`<th scope="col" data-col="${name}">${name}</th>`;
  return html`<th scope="col" data-col="${name}" title="${c.description || ''}">${c.label}<div class="small muted code" translate="no">${name}</div></th>`;
}

function values(form, params) {
  const body = {};
  const q = {};
  params.forEach((p) => {
    const raw = form.elements[p.name].value.trim();
    if (raw === '') return;
    q[p.name] = raw;
    if (p.type === 'Integer') body[p.name] = parseInt(raw, 10);
    else if (p.type === 'Float') body[p.name] = parseFloat(raw);
    else if (p.type === 'Boolean') body[p.name] = raw === 'true';
    else if (p.type.indexOf('List') === 0) body[p.name] = raw.split(/[|,]/).map((s) => (p.type === 'List<Integer>' ? parseInt(s, 10) : s.trim()));
    else body[p.name] = raw;
  });
  return { body, q };
}

function cell(v) {
  if (v === null || v === undefined) return '';
  if (v === true || v === false) return t(v ? 'common.yes' : 'common.no');
  // a node label as a value (kind = Chain, Platform …) in words
  if (typeof v === 'string' && /^[A-Z][A-Za-z]+$/.test(v) && has('kind.' + v)) return t('kind.' + v);
  if (Array.isArray(v)) return v.map(cell).join(' | ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export default async function report(ctx) {
  const r = await ctx.get(apiPath('reports', ctx.params.name));
  const en = getLang() === 'en';
  const view = html`${pageHeader({ crumbs: [{ href: '#/reports', label: t('rep.title') }, { label: en ? r.titleEn : r.title }], title: en ? r.titleEn : r.title, sub: codeMarks(r.description) })}
  ${r.valid ? '' : notice('warn', html`<p>${t('rep.invalid')}</p>${(r.errors || []).map((e) => html`<p>${e}</p>`)}`)}
  <form id="report-form" class="report-form">
    ${r.parameters.length ? html`<fieldset><legend>${t('rep.params')}</legend>${r.parameters.map((p) => input(p, ctx.query.get(p.name)))}</fieldset>` : ''}
    <p><button class="btn" type="submit" id="run-report">${t('rep.run')}</button>
      <a class="btn btn-light" id="dl-csv" href="#" download>${t('rep.csv')}</a> <a class="btn btn-light" id="dl-xlsx" href="#" download>${t('rep.xlsx')}</a></p>
  </form>
  <div id="report-result" aria-live="polite"></div>
  <details class="block"><summary>${t('rep.columns')} / ${t('rep.cypher')}</summary>
    <table class="data compact"><thead><tr><th scope="col">${t('rep.colName')}</th><th scope="col">${t('rep.colType')}</th><th scope="col">${t('rep.colDesc')}</th></tr></thead><tbody>${r.columns.map((c) => html`<tr><th translate="no">${c.name}</th><td class="muted">${typeName(c.type)}</td><td>${codeMarks(c.description)}</td></tr>`)}</tbody></table>
    <pre class="cypher">${r.cypher || ''}</pre></details>`;
  return {
    title: en ? r.titleEn : r.title,
    html: view,
    mount: (el) => {
      const form = $('#report-form', el);
      const out = $('#report-result', el);
      const links = () => {
        const { q } = values(form, r.parameters);
        const base = apiPath('reports', r.name) + '/run?';
        ['csv', 'xlsx'].forEach((f) => {
          // Chinese headers (each column's label) in a Chinese UI; identifiers in English
          const p = new URLSearchParams(Object.assign({ format: f }, getLang() === 'en' ? {} : { lang: 'zh' }, q));
          $('#dl-' + f, el).setAttribute('href', base + p.toString());
        });
        return q;
      };
      links();
      form.addEventListener('input', links);
      form.addEventListener('change', links);
      const run = async () => {
        const q = links();
        history.replaceState(null, '', withQuery('/reports/' + encodeURIComponent(r.name), q));
        out.innerHTML = str(html`<p class="muted">${t('common.loading')}</p>`);
        const res = await fetch(apiPath('reports', r.name), { method: 'POST', headers: Object.assign({ 'Content-Type': 'application/json', Accept: 'application/json' }, csrfHeaders()), body: JSON.stringify(values(form, r.parameters).body) });
        const body = await res.json().catch(() => null);
        if (!res.ok) {
          const said = problemText(body) || t('err.status', { status: res.status });
          out.innerHTML = str(notice('warn', html`<p><b>${oneLang(body && body.title) || res.status}</b></p><p>${said}</p>${problemDetails(body, said)}`));
          return;
        }
        out.innerHTML = str(html`<p class="count" id="report-count" data-rows="${body.rowCount}">${t('rep.rows', { n: body.rowCount, ms: body.millis })}</p>
          ${body.truncated ? notice('warn', t('rep.truncated', { n: body.rowCount })) : ''}
          <div class="table-wrap"><table class="data" id="report-rows"><thead><tr>${body.columns.map((c) => header(r, c))}</tr></thead>
          <tbody>${body.rows.map((row) => html`<tr>${row.map((v) => html`<td>${cell(v)}</td>`)}</tr>`)}</tbody></table></div>`);
      };
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        run().catch((err) => (out.innerHTML = str(notice('warn', String(err)))));
      });
      run().catch((err) => (out.innerHTML = str(notice('warn', String(err)))));
    },
  };
}

// Search results #/search?q= : GET /api/search, grouped by kind.
import { html } from '../dom.js';
import { t } from '../i18n.js';
import { pageHeader, assumedBadge, sampleBadge } from '../components.js';
import { group, hitHref, whyText } from '../search.js';

export default async function searchView(ctx) {
  const q = (ctx.query.get('q') || '').trim();
  const r = q ? await ctx.get('/api/search?q=' + encodeURIComponent(q)) : { items: [] };
  const groups = group(r.items);
  const view = html`
  ${pageHeader({ title: t('search.title'), sub: q ? t('search.results', { q, n: r.items.length }) : t('search.hint') })}
  <form class="toolbar filters" id="search-form"><input type="search" name="q" value="${q}" aria-label="${t('search.label')}"><button class="btn" type="submit">${t('search.label')}</button></form>
  ${q && !r.items.length ? html`<p class="muted">${t('search.none')}</p>` : ''}
  ${groups.map((g) => html`<section class="block search-group" data-kind="${g.kind}"><h2>${t('kind.' + g.kind)} <span class="count">${g.items.length}</span></h2>
    <ul class="hits">${g.items.map((h) => html`<li data-id="${h.id}"><a href="${hitHref(h)}"><b>${g.kind === 'Task' ? t('common.task', { no: h.id }) + ' ' : ''}${h.name}</b></a>
      ${h.id !== h.name && g.kind !== 'Task' ? html`<span class="muted small" translate="no">${h.id}</span>` : ''} ${h.assumed ? assumedBadge() : ''}${h.sample ? sampleBadge() : ''}
      ${whyText(h) ? html`<div class="small muted why">${whyText(h)}</div>` : ''}</li>`)}</ul></section>`)}`;
  return {
    title: t('search.title'),
    html: view,
    mount: (el) => {
      el.querySelector('#search-form').addEventListener('submit', (e) => {
        e.preventDefault();
        const v = e.target.q.value.trim();
        window.location.hash = '#/search?q=' + encodeURIComponent(v);
      });
    },
  };
}

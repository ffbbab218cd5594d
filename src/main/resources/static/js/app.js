// The shell: header (brand, search, language), menu, footer, and the view area driven by the hash router.
import './i18n-phase2.js';
import './i18n-people.js';
import './i18n-ui14.js';
import './i18n-pipeline.js';
import './i18n-figures.js';
import './i18n-backup.js';
import './i18n-tracking.js';
import './routes.js';
import { NAV } from './routes.js';
import { get, hasSample, me, csrfHeaders } from './api.js';
import { $, $all, html, str } from './dom.js';
import { t, getLang, setLang } from './i18n.js';
import { start, current, match } from './router.js';
import { errorView, sampleBanner } from './components.js';
import { bindSearchBox, warm } from './search.js';

const main = $('#main');
let token = 0;
let cleanup = null;
let firstView = true;

function applyStatic() {
  document.documentElement.lang = getLang() === 'en' ? 'en' : 'zh-CN';
  $all('[data-i18n]').forEach((el) => {
    el.textContent = t(el.getAttribute('data-i18n'));
  });
  $('#skip-link').textContent = t('app.skip');
  const input = $('#search-input');
  input.placeholder = t('search.placeholder');
  const toggle = $('#lang-toggle');
  toggle.textContent = t('lang.switch');
  toggle.lang = getLang() === 'en' ? 'zh-CN' : 'en';
  toggle.setAttribute('aria-label', getLang() === 'en' ? '切换到中文' : 'Switch to English');
  $('.mainnav').setAttribute('aria-label', t('nav.label'));
  $('#footer-text').textContent = t('footer.text');
  renderNav(current().path);
  me().then((u) => {
    if ($('#user-menu')) renderUser(u);
  });
}

function renderNav(path) {
  $('#nav').innerHTML = str(
    NAV.map((n) => {
      const on = n.match.test(path);
      return html`<li><a href="${n.href}"${on ? html` class="current" aria-current="page"` : ''}>${t(n.label)}</a></li>`;
    })
  );
}

async function show(where) {
  const my = ++token;
  const m = where.match;
  renderNav(where.path);
  main.setAttribute('aria-busy', 'true');
  main.dataset.ready = 'false';
  document.body.classList.add('is-loading');
  let sample = false;
  const ctx = {
    path: where.path,
    query: where.query,
    params: m ? m.params : {},
    get: (p) =>
      get(p).then((j) => {
        if (hasSample(j)) sample = true;
        return j;
      }),
  };
  let view;
  try {
    if (!m) {
      view = (await import('./views/notfound.js')).default(ctx);
    } else {
      const mod = await m.route.load();
      view = await mod.default(ctx);
    }
  } catch (err) {
    view = { title: t('common.error'), html: errorView(err) };
    if (!(err && err.status)) console.error(err);
  }
  if (my !== token) return;
  if (cleanup) {
    try {
      cleanup();
    } catch (e) {
      // a chart already gone
    }
    cleanup = null;
  }
  main.innerHTML = (sample ? str(sampleBanner()) : '') + str(view.html);
  main.dataset.route = m ? m.route.pattern : 'notfound';
  main.dataset.sample = sample ? 'true' : 'false';
  document.title = view.title + ' · ' + t('app.name');
  if (!where.keepScroll) window.scrollTo(0, 0);
  if (view.mount) {
    try {
      cleanup = (await view.mount(main, ctx)) || null;
    } catch (err) {
      console.error(err);
    }
    if (my !== token) return;
  }
  main.setAttribute('aria-busy', 'false');
  main.dataset.ready = 'true';
  document.body.classList.remove('is-loading');
  if (window.performance && performance.mark) performance.mark('cg:view-ready:' + (m ? m.route.pattern : 'notfound'));
  if (!firstView && !where.keepScroll) {
    const h1 = $('h1', main);
    if (h1) h1.focus({ preventScroll: true });
  }
  if (firstView) {
    firstView = false;
    // Build the search index once the first page is on screen.
    setTimeout(warm, 300);
  }
}

function rerender() {
  const c = current();
  show({ path: c.path, query: c.query, match: match(c.path), keepScroll: true });
}

main.addEventListener('click', (e) => {
  const jump = e.target.closest('[data-jump]');
  if (jump) {
    // In-page jumps must not change the hash (the hash is the route).
    e.preventDefault();
    const target = document.getElementById(jump.getAttribute('data-jump'));
    if (target) target.scrollIntoView({ block: 'start' });
    return;
  }
  const a = e.target.closest('[data-action]');
  if (!a) return;
  const action = a.getAttribute('data-action');
  if (action === 'print') window.print();
  if (action === 'reload') rerender();
});

$('#lang-toggle').addEventListener('click', () => {
  setLang(getLang() === 'en' ? 'zh' : 'en');
  applyStatic();
  rerender();
});

/** Who is signed in, their account and audit links, and sign-out (a POST with the CSRF token). */
function renderUser(u) {
  let box = $('#user-menu');
  if (!box) {
    box = document.createElement('div');
    box.className = 'user-menu';
    box.id = 'user-menu';
    $('.topbar-inner').insertBefore(box, $('#lang-toggle'));
  }
  if (!u) {
    box.innerHTML = str(html`<a href="/login">${t('user.signIn')}</a>`);
    return;
  }
  const roles = u.roles.map((r) => r.name);
  const audit = roles.indexOf('ADMIN') >= 0 || roles.indexOf('COORDINATOR') >= 0;
  box.innerHTML = str(html`<a href="#/account" id="user-name" translate="no" title="${u.roles.map((r) => r.label).join('、')}">${u.displayName || u.username}</a>
    ${audit ? html`<a href="#/audit" id="audit-link">${t('nav.audit')}</a>` : ''}
    ${roles.indexOf('ADMIN') >= 0 ? html`<a href="#/backup" id="backup-link">${t('nav.backup')}</a>` : ''}
    <form method="post" action="/logout" id="logout-form"><input type="hidden" name="_csrf" value="${csrfHeaders()['X-XSRF-TOKEN'] || ''}"><button type="submit">${t('user.signOut')}</button></form>`);
}

bindSearchBox($('#search-input'), $('#search-results'));
applyStatic();
start(show);
me().then(renderUser);

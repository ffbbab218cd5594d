// Hash router: every view is a bookmarkable URL (#/departments/市经信局, #/tasks/52, #/indicators?origin=附件3).
// Routes are registered in routes.js; a view module is loaded only when its route is first visited.

const table = [];

/**
 * Registers a route. pattern: '/tasks/:no' (":name" matches one path segment, percent-decoded);
 * load: () => import('./views/x.js') whose default export is an async function (ctx) => {title, html, mount}.
 */
export function define(pattern, load, meta) {
  const keys = [];
  const re = new RegExp(
    '^' +
      pattern.replace(/\/:([A-Za-z]+)/g, (m, k) => {
        keys.push(k);
        return '/([^/]+)';
      }) +
      '/?$'
  );
  table.push({ pattern, re, keys, load, meta: meta || {} });
}

/** Splits '#/a/b?x=1' into the path '/a/b' and its query. */
export function parse(hash) {
  let h = (hash || '').replace(/^#/, '');
  if (!h || h === '/') h = '/';
  if (h.charAt(0) !== '/') h = '/' + h;
  const q = h.indexOf('?');
  const path = q >= 0 ? h.slice(0, q) : h;
  const query = new URLSearchParams(q >= 0 ? h.slice(q + 1) : '');
  return { path, query };
}

function decode(s) {
  try {
    return decodeURIComponent(s);
  } catch (e) {
    return s;
  }
}

export function match(path) {
  for (const r of table) {
    const m = r.re.exec(path);
    if (m) {
      const params = {};
      r.keys.forEach((k, i) => {
        params[k] = decode(m[i + 1]);
      });
      return { route: r, params };
    }
  }
  return null;
}

/** True when the app has a page for this hash path (links to later-phase pages render as text until then). */
export function hasRoute(hashPath) {
  return !!match(parse(hashPath).path);
}

export function current() {
  return parse(window.location.hash);
}

/** Starts listening: calls onRoute({path, query, match}) now and on every hash change. */
export function start(onRoute) {
  const fire = () => {
    const c = current();
    onRoute({ path: c.path, query: c.query, match: match(c.path) });
  };
  window.addEventListener('hashchange', fire);
  fire();
}

/** Builds '#/indicators?origin=附件3&q=产值' from a path and a plain object (empty values dropped). */
export function withQuery(path, obj) {
  const q = new URLSearchParams();
  Object.keys(obj).forEach((k) => {
    if (obj[k] !== undefined && obj[k] !== null && obj[k] !== '') q.set(k, obj[k]);
  });
  const s = q.toString();
  return '#' + path + (s ? '?' + s : '');
}

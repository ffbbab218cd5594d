// The only way the browser talks to the server: /api/... on this origin (the browser never connects to Neo4j).
// GET responses are cached for the session; writes go through send() with the session's CSRF token; errors are RFC 9457
// problem+json. A 401 (session expired) sends the browser to the sign-in page.

import { getLang } from './i18n.js';

const cache = new Map();

/** An error answer: its message is the problem's detail in the page's language (the server sends `zh` and `en`). */
export class ApiError extends Error {
  constructor(status, problem, path) {
    super((problem && ((getLang() === 'en' ? problem.en : problem.zh) || problem.detail || problem.title)) || 'HTTP ' + status);
    this.status = status;
    this.problem = problem;
    this.path = path;
  }
}

/** GET a JSON resource; path segments must already be encoded (use apiPath). */
export function get(path) {
  if (cache.has(path)) return cache.get(path);
  const p = fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(async (r) => {
    const type = r.headers.get('Content-Type') || '';
    const body = type.indexOf('json') >= 0 ? await r.json() : null;
    if (r.status === 401) toSignIn();
    if (!r.ok) throw new ApiError(r.status, body, path);
    return body;
  });
  cache.set(path, p);
  p.catch(() => cache.delete(path));
  return p;
}

/** '/api/departments/市经信局' with every segment after /api percent-encoded. */
export function apiPath(...segments) {
  return '/api/' + segments.map((s, i) => (i === 0 ? s : encodeURIComponent(String(s)))).join('/');
}

/** True when a response carries sample (fictional) data anywhere: {sample: true} on the root or on any item. */
export function hasSample(json, depth) {
  const d = depth || 0;
  if (!json || typeof json !== 'object' || d > 4) return false;
  if (Array.isArray(json)) {
    for (let i = 0; i < json.length && i < 2000; i++) if (hasSample(json[i], d + 1)) return true;
    return false;
  }
  if (json.sample === true) return true;
  for (const k in json) {
    if (Object.prototype.hasOwnProperty.call(json, k) && typeof json[k] === 'object' && hasSample(json[k], d + 1)) return true;
  }
  return false;
}

export function clearCache() {
  cache.clear();
}

/** The session's CSRF token (the XSRF-TOKEN cookie) as the header every write must carry. */
export function csrfHeaders() {
  const m = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/);
  return m ? { 'X-XSRF-TOKEN': decodeURIComponent(m[1]) } : {};
}

function toSignIn() {
  window.location.assign('/login');
}

/** A write (POST/PUT/DELETE) with a JSON body; resolves to the parsed answer, rejects with ApiError. Clears the GET cache. */
export async function send(method, path, body) {
  const headers = Object.assign({ Accept: 'application/json' }, csrfHeaders());
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  const type = r.headers.get('Content-Type') || '';
  const json = type.indexOf('json') >= 0 ? await r.json() : null;
  if (r.status === 401) toSignIn();
  if (!r.ok) throw new ApiError(r.status, json, path);
  cache.clear();
  return json;
}

let mePromise = null;

/** The signed-in user with roles and what they may edit (GET /api/me), or null (anonymous read access). */
export function me() {
  if (!mePromise) {
    mePromise = fetch('/api/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then((r) => (r.ok ? r.json() : null))
      .catch(() => null);
  }
  return mePromise;
}

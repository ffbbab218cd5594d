// Tiny HTML templating: every interpolated value is escaped unless it is already markup (html`` or raw()).
// No framework: views build strings, the router puts them into <main> once.

const RAW = '__cgRaw';

/** Marks a string as trusted markup (only for strings this code built, never for data from the API). */
export function raw(s) {
  const o = {};
  o[RAW] = String(s);
  return o;
}

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(v) {
  return String(v).replace(/[&<>"']/g, (c) => ESC[c]);
}

function part(v) {
  if (v === null || v === undefined || v === false) return '';
  if (Array.isArray(v)) return v.map(part).join('');
  if (typeof v === 'object' && RAW in v) return v[RAW];
  return esc(v);
}

/** Tagged template: html`<td>${text}</td>` escapes text; arrays are joined; null/undefined/false render nothing. */
export function html(strings, ...values) {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += part(values[i]) + strings[i + 1];
  return raw(out);
}

/** The string of a template result (for innerHTML). */
export function str(v) {
  return part(v);
}

/** A hash link to an app route; each path segment is percent-encoded (Chinese names, spaces). */
export function href(...segments) {
  return '#/' + segments.map((s) => encodeURIComponent(String(s))).join('/');
}

/** Formats a number the way the document prints it (no trailing .0, thousands without separators). */
export function num(v) {
  if (v === null || v === undefined) return '';
  if (Number.isInteger(v)) return String(v);
  return String(Math.round(v * 1000) / 1000);
}

export function $(sel, root) {
  return (root || document).querySelector(sel);
}

export function $all(sel, root) {
  return Array.prototype.slice.call((root || document).querySelectorAll(sel));
}

/** Normalises text for matching: lower case, no whitespace, full-width brackets and quotes folded. */
export function fold(s) {
  return String(s || '')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[“”"]/g, '');
}

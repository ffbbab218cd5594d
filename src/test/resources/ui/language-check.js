// Finds text in the other language on the page shown (run in the browser by LanguageBrowserIT; returns a list of leaks).
// arguments[0]: 'zh' (a Chinese page: English words are leaks) or 'en' (an English page: Chinese in the UI's own labels —
// table headers, buttons, form labels, menu, legends, statistics labels — or any text that is exactly one of the catalogue's
// Chinese labels, arguments[1], is a leak; data such as names and the document's clauses stays Chinese).
// Not checked: elements marked translate="no" (codes, identifiers, Cypher, the document's own markers), on English pages
// elements marked lang="zh-CN" (Chinese data in a label's place, e.g. the document's measure titles), hidden elements,
// form fields' values, and the allowlist below (brand names and file formats that read the same in both languages).
const lang = arguments[0];
const ALLOW = ['CSV', 'XLSX', 'PNG', 'SVG', 'PDF', 'JSON', 'API', 'Cypher', 'Neo4j', 'Bolt', 'Excel', 'WPS', 'Power', 'Query',
  'English', 'Bearer', 'Authorization', 'OK'];
function visible(el) {
  if (!el.getClientRects().length) return false;
  const s = getComputedStyle(el);
  return s.visibility !== 'hidden' && s.display !== 'none';
}
function skipped(el) {
  // on an English page, Chinese data (names, the document's headings) is marked lang="zh-CN"
  return !!el.closest('[translate="no"], script, style, textarea, pre, code, input, select option, .search-results, #lang-toggle, .brand')
    || (lang === 'en' && !!el.closest('#main [lang^="zh"], #nav [lang^="zh"]'));
}
const leaks = [];
const roots = [document.getElementById('main'), document.getElementById('nav'), document.querySelector('.topbar')];
const walker = (root) => document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
if (lang === 'zh') {
  for (const root of roots) {
    if (!root) continue;
    const w = walker(root);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      const el = n.parentElement;
      if (!el || skipped(el) || !visible(el)) continue;
      // words of three or more Latin letters that are not part of a code (A1-02, NEV-M06, P-PHETDZ, S2.3) or a file name or path (segments.csv, import/README.md)
      const words = (n.nodeValue.match(/(^|[^A-Za-z0-9\-_.:/])([A-Za-z]{3,}(?:\s+[A-Za-z]{2,})*)(?![A-Za-z0-9\-_/]|\.[A-Za-z])/g) || [])
        .map((m) => m.replace(/^[^A-Za-z]+/, '').trim())
        .filter((x) => x.split(/\s+/).some((word) => ALLOW.indexOf(word) < 0 && !/^[A-Z0-9]+$/.test(word)));
      words.forEach((x) => leaks.push(x + '  ⟨' + n.nodeValue.trim().slice(0, 80) + '⟩'));
    }
  }
} else {
  // 1. the UI's own labels: table headers, menu, legends, statistics labels, page actions, breadcrumbs, form labels' own words
  const chrome = document.querySelectorAll('#main thead th, #nav a, #main legend, #main .stats li span > span, #main .page-actions a, #main .page-actions button, #main .crumbs a, #main label, #main .graph-tools button, #main button.btn');
  chrome.forEach((el) => {
    if (skipped(el) || !visible(el)) return;
    let text = '';
    const direct = el.tagName === 'LABEL' || el.tagName === 'TH';
    const w = walker(el);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      const p = n.parentElement;
      if (!p || skipped(p)) continue;
      if (direct && p !== el) continue;
      text += n.nodeValue;
    }
    const cjk = text.match(/[\u3400-\u9fff]+/g);
    if (cjk) leaks.push(cjk.join('') + '  ⟨' + text.trim().slice(0, 80) + '⟩');
  });
  // 2. any text that is exactly a Chinese label of the catalogue (arguments[1]: its Chinese labels that differ in English)
  //    in the places labels live (headings, terms, badges, counts, buttons, captions), not in data cells
  const zh = new Set((arguments[1] || []).filter((s) => s.length >= 2));
  document.querySelectorAll('#main h1, #main h2, #main h3, #main h4, #main dt, #main thead th, #main .count, #main .badge, #main .status, #main button, #main a.btn, #main summary, #main legend, #main label, #main caption, #main .stats span, #nav a, .topbar a, .topbar button').forEach((el) => {
    if (skipped(el) || !visible(el)) return;
    const w = walker(el);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      const p = n.parentElement;
      const v = n.nodeValue.trim().replace(/[：:]$/, '');
      if (!p || !v || skipped(p)) continue;
      if (zh.has(v)) leaks.push(v + '  ⟨catalogue label⟩');
    }
  });
}
return Array.from(new Set(leaks));

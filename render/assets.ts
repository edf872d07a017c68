/** The preview's style sheet and (webview only) its scroll-sync script. */

export const STYLE = `
:root { color-scheme: light; --err: #c62828; --err-bg: #fdecea; --warn: #b26a00; --warn-bg: #fff4d6; --info: #1565c0; --info-bg: #e8f1fb; --line: #333; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px 48px; background: #fff; color: #111; font: 16px/1.75 "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, "Noto Sans CJK SC", serif; }
.report { max-width: 1100px; margin: 0 auto; }
h1 { font: bold 24px/1.5 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; text-align: center; margin: 8px 0 4px; }
h2 { font: bold 18px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 28px 0 10px; }
.meta { text-align: center; color: #555; font-size: 14px; margin: 0 0 6px; }
.meta span + span::before { content: " · "; }
.findings { border: 1px solid #ddd; border-radius: 4px; padding: 8px 14px; margin: 18px 0; font-size: 14px; background: #fafafa; }
.findings summary { cursor: pointer; font-weight: bold; }
.findings li { margin: 2px 0; }
.sev-error { color: var(--err); }
.sev-warning { color: var(--warn); }
.sev-info { color: var(--info); }
.narrative p { text-indent: 2em; margin: 0 0 6px; white-space: pre-wrap; }
.narrative.absent, .absent { color: #888; font-style: italic; }
table.official { border-collapse: collapse; margin: 8px auto 16px; font-size: 14px; line-height: 1.45; }
table.official th, table.official td { border: 1px solid var(--line); padding: 4px 6px; text-align: center; vertical-align: middle; }
table.official th { font-weight: normal; background: #fff; }
table.official th.caption { font-weight: bold; }
table.official th.row-label { text-align: left; }
table.official th.note { font-size: 12px; }
table.official td { min-width: 3.2em; font-variant-numeric: tabular-nums; }
table.official td.blank { background: repeating-linear-gradient(45deg, #fff, #fff 4px, #f1f1f1 4px, #f1f1f1 8px); }
table.official td.text, table.official td.na { font-style: italic; }
table.official td.missing { color: #999; }
.d-error { background: var(--err-bg) !important; outline: 2px solid var(--err); outline-offset: -2px; }
.d-warning { background: var(--warn-bg) !important; outline: 2px solid var(--warn); outline-offset: -2px; }
.d-info { outline: 2px dashed var(--info); outline-offset: -2px; }
.extra caption { font-size: 13px; color: #555; }
footer { margin-top: 32px; color: #888; font-size: 12px; text-align: center; }
@media print { .findings { display: none; } body { padding: 0; } }
`;

/**
 * Webview script: scrolls to the element whose source line is the nearest at or before the
 * editor's first visible line; double-click reveals the element's line in the editor.
 */
export const SCRIPT = `
(function () {
  var vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  function lines() {
    return Array.prototype.slice.call(document.querySelectorAll('[data-line]'));
  }
  function scrollToLine(line) {
    var best = null, bestLine = -1;
    lines().forEach(function (el) {
      var l = Number(el.getAttribute('data-line'));
      if (l <= line && l > bestLine) { best = el; bestLine = l; }
    });
    if (!best) best = document.body;
    best.scrollIntoView({ block: 'start' });
  }
  window.addEventListener('message', function (e) {
    var m = e.data;
    if (m && m.type === 'scroll' && typeof m.line === 'number') scrollToLine(m.line);
  });
  document.addEventListener('dblclick', function (e) {
    var el = e.target && e.target.closest ? e.target.closest('[data-line]') : null;
    if (el && vscode) vscode.postMessage({ type: 'reveal', line: Number(el.getAttribute('data-line')) });
  });
  if (vscode) vscode.postMessage({ type: 'ready' });
})();
`;

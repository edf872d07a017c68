/**
 * Code lens above each table key (active_disclosure, applications, review_litigation):
 * "勾稽 ✓", or "勾稽 ✗ n" with n the table's failing sum relations, and when fix-all has
 * something to change there a second lens "预览并修复表三的 n 处勾稽错误…": it never edits
 * silently, it runs COMMANDS.fixAll for that table with `preview`, which shows the change in
 * the editor's refactoring preview first (commands.ts); applied, it is one undoable edit.
 */
import type { CodeLens } from 'vscode-languageserver/node';
import { FIXALL_CODES, say, UI } from '../core';
import { locate } from '../core/model/report';
import { tablesOf } from '../core/schema/tables';
import { COMMANDS } from '../protocol/commands';
import { tableOfDiagnostic } from './commands';
import { fixesOf, type Analysis } from './documents';

export function codeLenses(a: Analysis): CodeLens[] {
  const report = a.result.report;
  if (report.fatal || !report.root) return [];
  const locale = a.settings.locale;
  const out: CodeLens[] = [];
  for (const table of tablesOf(a.format)) {
    const at = locate(report, [table.key]);
    if (!at?.keySpan) continue;
    const mine = a.result.diagnostics.filter((d) => tableOfDiagnostic(d) === table.key);
    // Arithmetic diagnostics are the ones from sum relations: they carry the relation's rule.
    const failing = mine.filter((d) => 'rule' in d.data && 'table' in d.data && d.data.table === table.key).length;
    const fixable = mine.filter((d) => FIXALL_CODES.has(d.code) && fixesOf(a, d).some((f) => f.preferred)).length;
    const title = failing ? say(locale, UI.lensBad, { count: failing }) : say(locale, UI.lensOk);
    const range = report.lines.range(at.keySpan);
    out.push({ range, command: { title, command: '' } });
    if (fixable)
      out.push({
        range,
        command: {
          title: say(locale, UI.lensFixPreview, { table: table.name, count: fixable }),
          tooltip: say(locale, UI.lensFix, { table: table.name }),
          command: COMMANDS.fixAll,
          arguments: [a.uri, table.key, { preview: true }],
        },
      });
  }
  return out;
}

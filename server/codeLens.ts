/**
 * Code lens above each table key (active_disclosure, applications, review_litigation):
 * "勾稽 ✓", or "勾稽 ✗ n" with n the table's failing sum relations (runs nothing), and when
 * fix-all has something to change there a second lens named for what it does, "修复表三的 n 处问题
 * （可撤销）": it runs COMMANDS.fixAll for that table, one edit that one undo takes back.
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
          title: say(locale, UI.lensFixNamed, { table: table.name, count: fixable }),
          tooltip: say(locale, UI.lensFix, { table: table.name }),
          command: COMMANDS.fixAll,
          arguments: [a.uri, table.key],
        },
      });
  }
  return out;
}

/** "Mark as verified" in the real extension host: the quick fix's command writes the review ledger and the error turns to a hint. */
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { codeOf, nianbaoDiagnostics, waitFor } from './wait';

const ROOT = join(__dirname, '..', '..', '..');

suite('nianbao review ledger', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension('nianbao.nianbao')!.activate();
  });

  test('the dismiss quick fix records the reason in nianbao-review.yaml and the finding becomes a hint', async function () {
    // Writing the ledger is refused in an untrusted workspace (client/review.ts).
    if (!vscode.workspace.isTrusted) this.skip();
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder, 'the suite runs in a scratch workspace folder');
    const dir = join(folder, 'review-suite');
    mkdirSync(dir, { recursive: true });
    // Seed 000 with 表四 行政复议 结果维持 1 but 总计 0: one T4-SUM error.
    const text = readFileSync(join(ROOT, 'examples', 'reports', 'seed-000-baji-2020.nianbao.yaml'), 'utf8').replace(
      /(\n\s*review:\s*\{upheld: )0/,
      '$11',
    );
    const file = join(dir, 'baji-2020.nianbao.yaml');
    writeFileSync(file, text);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
    const error = await waitFor('T4-SUM on the report', () =>
      nianbaoDiagnostics(doc.uri).find((d) => codeOf(d) === 'T4-SUM' && d.severity === vscode.DiagnosticSeverity.Error),
    );
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      error.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const dismiss = actions
      .filter((a): a is vscode.CodeAction => 'title' in a && 'command' in a && typeof a.command === 'object')
      .find((a) => a.command?.command === 'nianbao.review.dismiss');
    assert.ok(dismiss, actions.map((a) => a.title).join(' | '));
    // The reason as a fourth argument stands in for the input box.
    await vscode.commands.executeCommand(dismiss.command!.command, ...(dismiss.command!.arguments ?? []), '原文如此，已核实');
    const hint = await waitFor('the T4-SUM finding as a hint', () =>
      nianbaoDiagnostics(doc.uri).find((d) => codeOf(d) === 'T4-SUM' && d.severity === vscode.DiagnosticSeverity.Hint),
    );
    assert.match(hint.message, /原文如此，已核实/);
    const ledger = join(dir, 'nianbao-review.yaml');
    assert.ok(existsSync(ledger));
    assert.match(readFileSync(ledger, 'utf8'), /status: dismissed\n\s+reason: 原文如此，已核实/);
  });
});

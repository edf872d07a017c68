/**
 * The client's own features in a real VS Code: first-line detection of .yaml reports, the Fix All
 * command (palette form, no argument), the rule documentation, and settings reaching the server.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { codeOf, nianbaoDiagnostics, waitFor } from './wait';

const EXT_ID = 'nianbao.nianbao';
const ROOT = join(__dirname, '..', '..', '..');
const SEED4 = join(ROOT, 'examples', 'reports', 'seed-004-shagou-2020.nianbao.yaml');

async function scratchCopy(file: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'nianbao', content: readFileSync(file, 'utf8') });
  return vscode.window.showTextDocument(doc);
}

suite('nianbao client', () => {
  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(EXT_ID);
    assert.ok(ext, `extension ${EXT_ID} is installed`);
    await ext.activate();
  });

  test('a .yaml file whose first line declares a report opens as nianbao; other YAML stays YAML', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-detect-'));
    const report = join(dir, 'report.yaml');
    const other = join(dir, 'other.yaml');
    writeFileSync(report, readFileSync(SEED4, 'utf8').replace(/^/, '# nianbao\n'));
    writeFileSync(other, 'name: not a report\n');
    const otherDoc = await vscode.workspace.openTextDocument(vscode.Uri.file(other));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(report)));
    const doc = await waitFor('report.yaml as nianbao', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.fsPath === report && d.languageId === 'nianbao'),
    );
    await waitFor(
      'diagnostics for report.yaml',
      () => nianbaoDiagnostics(doc.uri).some((d) => codeOf(d) === 'T3-BAL') || undefined,
    );
    assert.equal(otherDoc.languageId, 'yaml');
  });

  test('Fix All from the palette (no argument) fixes the active report', async () => {
    const editor = await scratchCopy(SEED4);
    const uri = editor.document.uri;
    const sumErrors = () => nianbaoDiagnostics(uri).filter((d) => /^T[34]-SUM/.test(codeOf(d)));
    await waitFor('sum errors', () => sumErrors().length > 0 || undefined);
    await vscode.commands.executeCommand('nianbao.fixAll');
    await waitFor('no sum errors after Fix All', () => sumErrors().length === 0 || undefined);
    assert.ok(editor.document.isDirty);
  });

  test('Show Rule Documentation opens RULES.md in the Markdown preview', async () => {
    await vscode.commands.executeCommand('nianbao.showRules', 'T3-BAL');
    await waitFor(
      'a Markdown preview of RULES.md',
      () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .some(
            (t) => t.input instanceof vscode.TabInputWebview && /markdown/i.test(t.input.viewType) && /RULES/.test(t.label),
          ) || undefined,
    );
  });

  test('nianbao.rules reaches the server: S5-EMPTY off removes it', async () => {
    const config = vscode.workspace.getConfiguration('nianbao');
    const doc = await vscode.workspace.openTextDocument({
      language: 'nianbao',
      content: readFileSync(SEED4, 'utf8').replace(/^problems:[^\n]*(\n[ ].*)*/m, 'problems: 无'),
    });
    await vscode.window.showTextDocument(doc);
    await waitFor('S5-EMPTY', () => nianbaoDiagnostics(doc.uri).some((d) => codeOf(d) === 'S5-EMPTY') || undefined);
    try {
      await config.update('rules', { 'S5-EMPTY': 'off' }, vscode.ConfigurationTarget.Global);
      await waitFor('S5-EMPTY gone', () => !nianbaoDiagnostics(doc.uri).some((d) => codeOf(d) === 'S5-EMPTY') || undefined);
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});

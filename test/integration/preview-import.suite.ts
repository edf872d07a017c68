/** The preview webview and the import command, in the real extension host. */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { codeOf, nianbaoDiagnostics, waitFor } from './wait';

const ROOT = join(__dirname, '..', '..', '..');

suite('nianbao preview and import', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension('nianbao.nianbao')!.activate();
  });

  test('Import published report: a government-site HTML page becomes a checked report', async () => {
    const html = vscode.Uri.file(join(ROOT, 'test', 'fixtures', 'seed-004-shagou-2020.html'));
    // The command ends with a notification that waits for the user: do not await it.
    void vscode.commands.executeCommand('nianbao.importReport', html);
    const editor = await waitFor('the imported report', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.languageId === 'nianbao' && /central_procurement/.test(e.document.getText()) ? e : undefined;
    });
    assert.match(editor.document.getText(), /^format: 2019$/m);
    const diags = await waitFor('T3-BAL on the imported report', () => {
      const d = nianbaoDiagnostics(editor.document.uri);
      return d.some((x) => codeOf(x) === 'T3-BAL') ? d : undefined;
    });
    assert.deepEqual([...new Set(diags.filter((d) => codeOf(d) === 'T3-BAL').map((d) => d.range.start.line))].length, 1);
  });

  test('Preview opens the official layout in a webview beside the editor', async () => {
    const doc = await vscode.workspace.openTextDocument(
      vscode.Uri.file(join(ROOT, 'examples', 'reports', 'seed-004-shagou-2020.nianbao.yaml')),
    );
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('nianbao.preview');
    const tab = await waitFor('a preview webview tab', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('nianbao.preview')),
    );
    assert.ok(tab.group.viewColumn !== vscode.window.activeTextEditor?.viewColumn || tab.isActive);
  });
});

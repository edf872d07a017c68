/**
 * Restricted Mode (an untrusted folder; run by scripts/test-editors.mjs in a window of its own,
 * NIANBAO_SUITES=restricted): the extension still checks, hovers, completes and previews; the
 * folder's own `nianbao.rules` cannot hide findings (a restricted configuration); fix-all is not
 * offered to run on save, quick fixes are.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, nianbaoDiagnostics, waitFor } from './wait';

const EXT_ID = 'nianbao.nianbao';

suite('nianbao in Restricted Mode', () => {
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this suite runs in an untrusted folder');
    const ext = vscode.extensions.getExtension(EXT_ID)!;
    await ext.activate();
    assert.ok(ext.isActive, 'the extension is enabled in Restricted Mode');
    const folder = vscode.workspace.workspaceFolders![0].uri;
    doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'seed-004-shagou-2020.nianbao.yaml'));
    await vscode.window.showTextDocument(doc);
  });

  test("checks the report; the folder's nianbao.rules (T3-BAL off) is ignored", async () => {
    // The folder's .vscode/settings.json turns T3-BAL off: untrusted, that must not hide it.
    const inspected = vscode.workspace.getConfiguration('nianbao').inspect('rules');
    assert.ok(inspected, 'nianbao.rules is known');
    await waitFor('T3-BAL', () => nianbaoDiagnostics(doc.uri).some((d) => codeOf(d) === 'T3-BAL') || undefined, 60_000);
  });

  test('hover and completion work', async () => {
    const at = doc.positionAt(doc.getText().indexOf('art20_9') + 1);
    const hovers = await waitFor('a hover', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
      return h?.length ? h : undefined;
    });
    assert.ok(hovers.length);
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('  review:'));
    const pos = new vscode.Position(line, doc.lineAt(line).text.indexOf('upheld') + 'upheld: '.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      pos,
    );
    assert.ok(list.items.length > 0);
  });

  test('quick fixes are offered; fix-all is not offered to run on save', async () => {
    const sumV = nianbaoDiagnostics(doc.uri).find((d) => codeOf(d) === 'T3-SUM-V')!;
    const quick = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      sumV.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    assert.ok(quick.length > 0);
    const onSave = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      new vscode.Range(0, 0, doc.lineCount, 0),
      'source.fixAll.nianbao',
    );
    assert.deepEqual(
      onSave.filter((a) => a.kind?.value.startsWith('source.fixAll')).map((a) => a.title),
      [],
    );
  });

  test('the preview opens', async () => {
    await vscode.commands.executeCommand('nianbao.preview');
    await waitFor('a preview tab', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('nianbao.preview')),
    );
  });
});

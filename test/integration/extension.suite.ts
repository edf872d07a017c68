/**
 * The extension in a real VS Code: diagnostics, hover, quick fix, fix-all, snippet, completion,
 * symbols and the New Report command, asserted through the public `vscode` API.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { codeOf, nianbaoDiagnostics, waitFor } from './wait';

const EXT_ID = 'nianbao.nianbao';
const ROOT = join(__dirname, '..', '..', '..');
const SEED4 = join(ROOT, 'examples', 'reports', 'seed-004-shagou-2020.nianbao.yaml');

/**
 * The reviewed golden diagnostics of a report (examples/…/NAME.expected.json): an independent
 * expectation, so a rule broken in the core makes this suite fail too.
 */
function golden(file: string): { code: string; range: string }[] {
  return JSON.parse(readFileSync(file.replace(/\.nianbao\.yaml$/, '.expected.json'), 'utf8'));
}

async function open(file: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  return vscode.window.showTextDocument(doc);
}

async function scratchCopy(file: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'nianbao', content: readFileSync(file, 'utf8') });
  return vscode.window.showTextDocument(doc);
}

function positionOf(doc: vscode.TextDocument, needle: string): vscode.Position {
  const i = doc.getText().indexOf(needle);
  assert.ok(i >= 0, `${needle} not in document`);
  return doc.positionAt(i + 1);
}

const hoverText = (hovers: vscode.Hover[]) =>
  hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');

suite('nianbao extension', () => {
  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(EXT_ID);
    assert.ok(ext, `extension ${EXT_ID} is installed`);
    await ext.activate();
  });

  test('seed 004: the golden diagnostics, codes and ranges', async () => {
    const editor = await open(SEED4);
    assert.equal(editor.document.languageId, 'nianbao');
    const diags = await waitFor('T3-BAL diagnostics', () => {
      const d = nianbaoDiagnostics(editor.document.uri);
      return d.some((x) => codeOf(x) === 'T3-BAL') ? d : undefined;
    });
    const got = diags
      .map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`)
      .sort();
    const want = golden(SEED4)
      .map((f) => `${f.code}@${f.range}`)
      .sort();
    assert.deepEqual(got, want);
    assert.deepEqual(
      diags.filter((d) => codeOf(d) === 'T3-BAL').map((d) => d.severity),
      [vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Error],
    );
  });

  test('hover on art20_9 explains 第二十条第（九）项 with the article text', async () => {
    const editor = await open(SEED4);
    const hovers = await waitFor('hover', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        editor.document.uri,
        positionOf(editor.document, 'art20_9'),
      );
      return h?.length ? h : undefined;
    });
    const text = hoverText(hovers);
    assert.match(text, /第二十条第（九）项/);
    assert.match(text, /政府集中采购项目的目录、标准及实施情况/);
  });

  test('the preferred quick fix of a T3-SUM-V error removes it', async () => {
    const editor = await scratchCopy(SEED4);
    const uri = editor.document.uri;
    const target = await waitFor('T3-SUM-V', () => nianbaoDiagnostics(uri).find((d) => codeOf(d) === 'T3-SUM-V'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      target.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    // This API command returns title, kind and edit only (not isPreferred): pick the sum fix by its title.
    const preferred = actions.find((a) => /（七）总计·其他 (改为|to) 2/.test(a.title));
    assert.ok(preferred?.edit, `the sum fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(preferred.edit));
    await waitFor(
      'that T3-SUM-V gone',
      () => !nianbaoDiagnostics(uri).some((d) => codeOf(d) === 'T3-SUM-V' && d.range.isEqual(target.range)) || undefined,
    );
  });

  test('fix all leaves no reconciliation error and keeps comments', async () => {
    const editor = await scratchCopy(SEED4);
    const uri = editor.document.uri;
    const comments = (editor.document.getText().match(/#/g) ?? []).length;
    await waitFor('T3 errors', () => nianbaoDiagnostics(uri).some((d) => codeOf(d) === 'T3-BAL') || undefined);
    // The server computes fix-all lazily (codeAction/resolve): ask the command to resolve the items.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      new vscode.Range(0, 0, editor.document.lineCount, 0),
      'source.fixAll.nianbao',
      5,
    );
    const fixAll = actions.find((a) => a.kind?.value.startsWith('source.fixAll'));
    assert.ok(fixAll?.edit, 'a source.fixAll.nianbao action');
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    await waitFor(
      'no T3/T4 errors',
      () =>
        !nianbaoDiagnostics(uri).some((d) => /^T[34]-/.test(codeOf(d)) && d.severity === vscode.DiagnosticSeverity.Error) ||
        undefined,
    );
    assert.equal((editor.document.getText().match(/#/g) ?? []).length, comments);
  });

  test('the skeleton snippet, inserted, checks with no error', async () => {
    const ext = vscode.extensions.getExtension(EXT_ID)!;
    const snippets = JSON.parse(readFileSync(join(ext.extensionPath, 'snippets', 'nianbao.code-snippets'), 'utf8')) as Record<
      string,
      { prefix: string[] | string; body: string[] | string }
    >;
    const entry = Object.values(snippets).find((s) => [s.prefix].flat().includes('nianbao2021'));
    assert.ok(entry, 'a nianbao2021 snippet');
    const doc = await vscode.workspace.openTextDocument({ language: 'nianbao', content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    assert.ok(await editor.insertSnippet(new vscode.SnippetString([entry.body].flat().join('\n'))));
    const diags = await waitFor('diagnostics of the skeleton', () => {
      const d = nianbaoDiagnostics(doc.uri);
      return d.some((x) => codeOf(x) === 'T3-BLANK-GROUP') ? d : undefined;
    });
    assert.deepEqual(
      diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => `${codeOf(d)} ${d.message}`),
      [],
    );
  });

  test('completion on an empty document offers the skeleton', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'nianbao', content: '' });
    await vscode.window.showTextDocument(doc);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      new vscode.Position(0, 0),
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(
      list.items.some((i) => i.insertText instanceof vscode.SnippetString && /applications:/.test(i.insertText.value)),
      `skeleton among ${labels.join(', ')}`,
    );
  });

  test('document symbols show the sections with their Chinese titles', async () => {
    const editor = await open(SEED4);
    const symbols = await waitFor('symbols', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
        'vscode.executeDocumentSymbolProvider',
        editor.document.uri,
      );
      return s?.length ? s : undefined;
    });
    const names = symbols.map((s) => s.name).join(' ');
    assert.match(names, /三、收到和处理政府信息公开申请情况/);
    assert.match(names, /四、政府信息公开行政复议、行政诉讼情况/);
  });

  test('New Report creates a skeleton document', async () => {
    await vscode.commands.executeCommand('nianbao.newReport', {
      format: '2021',
      year: 2024,
      organ: '测试县人民政府',
      organKind: 'county_government',
    });
    const editor = await waitFor('a new nianbao editor', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.languageId === 'nianbao' && e.document.getText().includes('测试县人民政府') ? e : undefined;
    });
    assert.match(editor.document.getText(), /^format: 2021$/m);
    assert.match(editor.document.getText(), /year: 2024/);
  });
});

/**
 * Authoring in the real workbench as a Chinese office worker meets it (issue 14): typing Chinese
 * finds the row by its printed label and inserts the key; a new report is a form (one finding per
 * blank table, progress in the status bar, named after its organ and year for Save As); fill
 * actions; a code lens that previews before it edits, undoable; `nianbao.locale` over the display
 * language; reports in a virtual file system; diagnostics of reports nobody opened.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { NianbaoApi } from '../../client/extension';
import { codeOf, nianbaoDiagnostics, waitFor } from './wait';

const EXT_ID = 'nianbao.nianbao';
const ROOT = join(__dirname, '..', '..', '..');
const SEED4 = join(ROOT, 'examples', 'reports', 'seed-004-shagou-2020.nianbao.yaml');

const api = () => vscode.extensions.getExtension<NianbaoApi>(EXT_ID)!.exports;

async function scratch(content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'nianbao', content });
  return vscode.window.showTextDocument(doc);
}

async function newReport(organ: string): Promise<vscode.TextEditor> {
  await vscode.commands.executeCommand('nianbao.newReport', {
    format: '2021',
    year: 2024,
    organ,
    organKind: 'county_government',
  });
  return waitFor('the new report', () => {
    const e = vscode.window.activeTextEditor;
    return e?.document.getText().includes(organ) ? e : undefined;
  });
}

async function withLocale<T>(locale: 'zh-CN' | 'en', fn: () => Promise<T>): Promise<T> {
  const config = vscode.workspace.getConfiguration('nianbao');
  await config.update('locale', locale, vscode.ConfigurationTarget.Global);
  try {
    return await fn();
  } finally {
    await config.update('locale', undefined, vscode.ConfigurationTarget.Global);
  }
}

suite('nianbao authoring', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXT_ID)!.activate();
  });

  test('typing Chinese finds a row by its printed label; accepting inserts the YAML key', async () => {
    const seed = readFileSync(SEED4, 'utf8');
    // 表三 without its 予以公开 and 部分公开 rows; a blank line where they were.
    const text = seed.replace(/^ {2}granted:.*\n {2}partial:.*\n/m, '  \n');
    assert.notEqual(text, seed);
    const editor = await scratch(text);
    await waitFor('diagnostics', () => nianbaoDiagnostics(editor.document.uri).length > 0 || undefined);
    const line = editor.document.getText().split('\n').indexOf('  ');
    const at = new vscode.Position(line, 2);
    editor.selection = new vscode.Selection(at, at);
    // Typed as an input method commits it: the characters arrive as typed text.
    await vscode.commands.executeCommand('type', { text: '予以公开' });
    assert.equal(editor.document.lineAt(line).text, '  予以公开');
    await waitFor(
      'the suggestion accepted',
      async () => {
        await vscode.commands.executeCommand('editor.action.triggerSuggest');
        await vscode.commands.executeCommand('acceptSelectedSuggestion');
        return /^ {2}granted: \{/.test(editor.document.lineAt(line).text) || undefined;
      },
      30_000,
    );
    assert.match(editor.document.lineAt(line).text, /^ {2}granted: \{natural: /);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('a new report is a form: one finding per blank table, progress in the status bar, named for Save As', async () => {
    const editor = await newReport('测试县人民政府');
    const doc = editor.document;
    assert.equal(doc.uri.scheme, 'untitled');
    assert.match(doc.uri.path, /测试县人民政府-2024\.nianbao\.yaml$/, 'Save As proposes organ-year, not the first comment');
    const diags = await waitFor('the blank-table findings', () => {
      const d = nianbaoDiagnostics(doc.uri);
      return d.some((x) => codeOf(x) === 'T3-BLANK-GROUP') ? d : undefined;
    });
    assert.equal(diags.filter((d) => codeOf(d) === 'T3-BLANK-GROUP').length, 1);
    assert.equal(diags.filter((d) => codeOf(d) === 'T3-COMPLETE').length, 0);
    assert.ok(diags.length <= 6, diags.map((d) => `${codeOf(d)} ${d.message}`).join('\n'));
    const status = await waitFor('the progress in the status bar', () => {
      const t = api().statusText();
      return t && /0\/10/.test(t) ? t : undefined;
    });
    assert.match(status, /Table 2: 0\/10 filled|表二 已填 0\/10/);
  });

  test('fill the whole of 表三 with 0 from a code action: the blank-table finding goes, no sum breaks', async () => {
    const editor = await newReport('填表测试县人民政府');
    const uri = editor.document.uri;
    await waitFor('T3-BLANK-GROUP', () => nianbaoDiagnostics(uri).some((d) => codeOf(d) === 'T3-BLANK-GROUP') || undefined);
    const line = editor.document
      .getText()
      .split('\n')
      .findIndex((l) => /^ {2}new_received:/.test(l));
    const at = new vscode.Position(line, editor.document.lineAt(line).text.indexOf('natural'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      new vscode.Range(at, at),
      vscode.CodeActionKind.Refactor.value,
    );
    const fill = actions.find((a) => /(表三|Table 3)/.test(a.title) && /(剩余|remaining)/.test(a.title));
    assert.ok(fill?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fill.edit));
    await waitFor('no T3 finding', () => !nianbaoDiagnostics(uri).some((d) => codeOf(d).startsWith('T3-')) || undefined);
    assert.match(editor.document.getText(), /new_received: +\{natural: 0, commercial: 0,.*total: 0\}/);
  });

  test('the code lens fix is named for what it does and one undo takes it back', async () => {
    const editor = await scratch(readFileSync(SEED4, 'utf8'));
    const doc = editor.document;
    const before = doc.getText();
    const lenses = await waitFor('the lenses of 表三', async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 10);
      return all.some((l) => /(表三|Table 3)/.test(l.command?.title ?? '')) ? all : undefined;
    });
    // The count lens runs nothing; the fix lens says which table, how many, and that it can be undone.
    const count = lenses.find((l) => /^(勾稽|Sums) ✗/.test(l.command?.title ?? ''));
    assert.ok(count && !count.command!.command, 'the count lens runs nothing');
    const fix = lenses.find((l) =>
      /(修复表三的 \d+ 处问题（可撤销）|Fix \d+ finding\(s\) in (表三|Table 3) \(undoable\))/.test(l.command?.title ?? ''),
    );
    assert.ok(fix, lenses.map((l) => l.command?.title).join(' | '));
    const outcome = await vscode.commands.executeCommand<{ applied: boolean }>(
      fix.command!.command,
      ...(fix.command!.arguments ?? []),
    );
    assert.equal(outcome?.applied, true);
    await waitFor('T3 sums fixed', () => !nianbaoDiagnostics(doc.uri).some((d) => /^T3-SUM/.test(codeOf(d))) || undefined);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    await waitFor('undone in one step', () => doc.getText() === before || undefined);
  });

  test('nianbao.locale rules the messages and the status bar, whatever the display language', async () => {
    const editor = await newReport('语言测试县人民政府');
    const uri = editor.document.uri;
    await withLocale('zh-CN', async () => {
      await waitFor(
        'Chinese messages',
        () =>
          nianbaoDiagnostics(uri).some((d) => codeOf(d) === 'T3-BLANK-GROUP' && /全部 \d+ 格均未填写/.test(d.message)) ||
          undefined,
      );
      await waitFor('Chinese status', () => /表二 已填 0\/10/.test(api().statusText() ?? '') || undefined);
    });
    await withLocale('en', async () => {
      await waitFor(
        'English messages',
        () =>
          nianbaoDiagnostics(uri).some((d) => codeOf(d) === 'T3-BLANK-GROUP' && /^All \d+ cells/.test(d.message)) || undefined,
      );
      await waitFor('English status', () => /Table 2: 0\/10 filled/.test(api().statusText() ?? '') || undefined);
    });
  });

  test('a report in a virtual file system is checked and hovered', async () => {
    const files = new Map<string, Uint8Array>();
    const emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
    const provider: vscode.FileSystemProvider = {
      onDidChangeFile: emitter.event,
      watch: () => new vscode.Disposable(() => undefined),
      stat: (uri) => {
        if (uri.path === '/' || uri.path === '/reports') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
        const f = files.get(uri.path);
        if (!f) throw vscode.FileSystemError.FileNotFound(uri);
        return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: f.length };
      },
      readDirectory: () => [...files.keys()].map((p) => [p.split('/').pop()!, vscode.FileType.File]),
      createDirectory: () => undefined,
      readFile: (uri) => {
        const f = files.get(uri.path);
        if (!f) throw vscode.FileSystemError.FileNotFound(uri);
        return f;
      },
      writeFile: (uri, content) => {
        files.set(uri.path, content);
      },
      delete: (uri) => {
        files.delete(uri.path);
      },
      rename: () => undefined,
    };
    const reg = vscode.workspace.registerFileSystemProvider('nianbao-test', provider, { isCaseSensitive: true });
    try {
      files.set('/reports/seed.nianbao.yaml', readFileSync(SEED4));
      const uri = vscode.Uri.from({ scheme: 'nianbao-test', path: '/reports/seed.nianbao.yaml' });
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      assert.equal(editor.document.languageId, 'nianbao');
      await waitFor(
        'T3-BAL in the virtual report',
        () => nianbaoDiagnostics(uri).some((d) => codeOf(d) === 'T3-BAL') || undefined,
      );
      const at = editor.document.positionAt(editor.document.getText().indexOf('art20_9') + 1);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
      assert.ok(hovers.length > 0);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      reg.dispose();
    }
  });

  test('reports in the folder that nobody opened have their diagnostics in Problems', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'a workspace folder');
    const name = 'seed-002-dacai-2020';
    const file = vscode.Uri.joinPath(folder, 'examples', 'reports', `${name}.nianbao.yaml`);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === file.toString()), 'not open');
    const golden = JSON.parse(readFileSync(join(ROOT, 'examples', 'reports', `${name}.expected.json`), 'utf8')) as {
      code: string;
    }[];
    // The background check runs the single-report rules; the golden file may add cross-year ones.
    const want = new Set(golden.map((g) => g.code).filter((c) => !c.startsWith('X-')));
    const got = await waitFor(
      'diagnostics of the unopened report',
      () => {
        const d = nianbaoDiagnostics(file);
        return d.length ? new Set(d.map(codeOf)) : undefined;
      },
      60_000,
    );
    assert.deepEqual([...got].sort(), [...want].sort());
  });
});

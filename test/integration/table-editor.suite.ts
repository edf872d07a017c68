/**
 * The table editor in the real extension host: seed 004 opened in it; a cell typed, a block
 * pasted, a quick fix taken from the grid, undone — each through the session's message handler,
 * exactly the messages the webview posts for those keys (the browser test, test/browser/, checks
 * that the keys make these messages) — and the YAML compared with a golden file. Also: an edit
 * in the text editor reaches the table; the command, Reopen With, and the New Report wizard.
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TableModel } from '../../protocol/table';
import type { FixOffer, ViewMessage } from '../../protocol/tableView';
import { parseTsv } from '../../webview/table/clipboard';
import { buildNav, pasteTargets } from '../../webview/table/nav';
import { waitFor } from './wait';

const ROOT = join(__dirname, '..', '..', '..');
const SEED4 = join(ROOT, 'examples', 'reports', 'seed-004-shagou-2020.nianbao.yaml');
const GOLDEN = join(ROOT, 'test', 'fixtures', 'table-editor', 'seed-004.golden.nianbao.yaml');
const VIEW_TYPE = 'nianbao.table';

const post = (uri: vscode.Uri, m: ViewMessage) =>
  vscode.commands.executeCommand<unknown>('_nianbao.tableEditor.post', uri.toString(), m);
const state = (uri: vscode.Uri, drawn?: number) =>
  vscode.commands.executeCommand<{ model?: TableModel; rendered: number; openMs?: number } | undefined>(
    '_nianbao.tableEditor.state',
    uri.toString(),
    drawn,
  );

/** The session's state once the webview has drawn the document's current version. */
async function drawn(doc: vscode.TextDocument): Promise<TableModel> {
  const s = await waitFor(`the table of v${doc.version} drawn`, async () => {
    const st = await state(doc.uri);
    return st && st.rendered >= doc.version ? st : undefined;
  });
  return s.model!;
}

function customTab(uri: vscode.Uri): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .find(
      (t) =>
        t.input instanceof vscode.TabInputCustom && t.input.viewType === VIEW_TYPE && t.input.uri.toString() === uri.toString(),
    );
}

async function scratchSeed(name: string): Promise<vscode.Uri> {
  const file = join(mkdtempSync(join(tmpdir(), 'nianbao-table-')), name);
  copyFileSync(SEED4, file);
  return vscode.Uri.file(file);
}

suite('nianbao table editor', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension('nianbao.nianbao')!.activate();
  });

  teardown(async () => {
    // Revert and close every editor the test opened (no save dialog for the changed documents).
    for (let i = 0; i < 10 && vscode.window.tabGroups.all.some((g) => g.tabs.length); i++)
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('seed 004 in the table: type a cell, paste a block, take a quick fix, undo; the YAML matches the golden', async () => {
    const uri = await scratchSeed('table-seed-004.nianbao.yaml');
    await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
    const doc = await waitFor('the document', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()),
    );
    assert.ok(customTab(uri), 'opened in the table editor');
    let model = await drawn(doc);
    assert.equal(model.findings.filter((f) => f.severity === 'error').length, 4);
    // Opening: from the editor's creation to the first model drawn with its marks.
    console.log(
      `[table-editor] seed 004 opened in the table in ${Math.round((await state(uri))!.openMs!)} ms (the window's first webview)`,
    );

    // "0", Enter on （二）部分公开·自然人.
    await post(uri, { type: 'edit', seq: 1, changes: [{ path: 'applications.partial.natural', input: '0' }] });
    assert.match(doc.getText(), /partial: +\{natural: 0, commercial: null,/);
    assert.ok(doc.isDirty);
    model = await drawn(doc);

    // Ctrl+V of two rows copied from a spreadsheet, at （一）予以公开·自然人: one message, one undo step.
    const block = parseTsv('0\t0\t0\t0\t0\r\n0\t0\t0\t0\t0\t0\t0\r\n');
    const nav = buildNav(model.sections.flatMap((s) => s.tables.filter((t) => t.layout !== 'extra')));
    const { changes } = pasteTargets(nav, 'applications.granted.natural', block);
    assert.equal(changes.length, 12);
    const beforePaste = doc.getText();
    await post(uri, { type: 'edit', seq: 2, changes });
    const afterPaste = doc.getText();
    assert.match(
      afterPaste,
      /partial: +\{natural: 0, commercial: 0, research: 0, social: 0, legal: 0, other_org: 0, total: 0\} +# 整行原文空白/,
    );
    model = await drawn(doc);

    // Ctrl+. on （七）总计·其他: the language server's code actions; Enter takes the preferred one.
    const finding = model.findings.find((f) => f.code === 'T3-SUM-V' && f.path === 'applications.total_processed.other_org');
    assert.ok(finding, 'T3-SUM-V on （七）总计·其他');
    assert.equal(finding.computed, 2);
    const fixes = (await post(uri, { type: 'fixes', request: 1, findings: [finding.id] })) as FixOffer[];
    const preferred = fixes.find((f) => f.preferred);
    assert.ok(preferred, `a preferred fix among ${fixes.map((f) => f.title).join(' | ')}`);
    assert.match(preferred.title, /（七）总计·其他 (改为|to) 2/);
    await post(uri, { type: 'applyFix', request: 1, fix: preferred.id });
    assert.match(
      doc.getText(),
      /total_processed: \{natural: 0, commercial: 0, research: 0, social: 0, legal: 0, other_org: 2, total: 2\}/,
    );
    model = await drawn(doc);
    assert.equal(model.counts.error, 0, 'no error left in the table');

    // Undo in the table editor: the quick fix goes; once more: the whole paste goes, in one step.
    await vscode.commands.executeCommand('undo');
    await waitFor('the fix undone', () => doc.getText() === afterPaste);
    await vscode.commands.executeCommand('undo');
    await waitFor('the paste undone in one step', () => doc.getText() === beforePaste);
    await vscode.commands.executeCommand('redo');
    await waitFor('the paste redone', () => doc.getText() === afterPaste);
    model = await drawn(doc);
    assert.equal(model.findings.filter((f) => f.code === 'T3-SUM-V').length, 2, 'the marks follow the undo');

    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, doc.getText());
    assert.equal(doc.getText(), readFileSync(GOLDEN, 'utf8'));
  });

  test('an edit in the text editor beside reaches the table at once', async () => {
    const uri = await scratchSeed('table-beside.nianbao.yaml');
    await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
    const doc = await waitFor('the document', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()),
    );
    await drawn(doc);
    console.log(`[table-editor] seed 004 opened in the table in ${Math.round((await state(uri))!.openMs!)} ms (a later one)`);
    const editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.Beside);
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => /^\s*new_received:/.test(l));
    const col = doc.lineAt(line).text.indexOf('natural: 0') + 'natural: '.length;
    await editor.edit((e) => e.replace(new vscode.Range(line, col, line, col + 1), '5'));
    const model = await drawn(doc);
    const cell = model.sections[2].tables[0].body.flat().find((c) => c.path === 'applications.new_received.natural');
    assert.equal(cell?.text, '5');
    assert.ok(model.findings.some((f) => f.code === 'T3-SUM-H' && f.path === 'applications.new_received.total'));
  });

  test('the text editor stays the default; Edit as Table opens the table editor for the active report', async () => {
    const uri = await scratchSeed('table-command.nianbao.yaml');
    await vscode.window.showTextDocument(uri);
    assert.equal(customTab(uri), undefined, 'opened as text by default');
    await vscode.commands.executeCommand('nianbao.editAsTable');
    await waitFor('the table editor tab', () => customTab(uri));
    const textTabs = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
    assert.equal(textTabs.length, 0, 'the table took the text editor’s place');
  });

  test('New Report can open the new report straight in the table editor', async () => {
    await vscode.commands.executeCommand('nianbao.newReport', {
      format: '2021',
      year: 2023,
      organ: '表格县人民政府',
      organKind: 'county_government',
      openAs: 'table',
    });
    const tab = await waitFor('a table editor on an untitled report', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find(
          (t) => t.input instanceof vscode.TabInputCustom && t.input.viewType === VIEW_TYPE && t.input.uri.scheme === 'untitled',
        ),
    );
    const uri = (tab.input as vscode.TabInputCustom).uri;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())!;
    const model = await drawn(doc);
    assert.equal(model.format, '2021');
    assert.equal(model.fields[0].fields.find((f) => f.path === 'meta.organ')?.value, '表格县人民政府');
  });
});

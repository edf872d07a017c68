/**
 * The workspace index's text helpers (server/workspaceIndex.ts): the meta block read instead of
 * the whole report, and one spelling per file URI so scan, watcher and editor uris compare equal.
 * The index itself is tested over the protocol (test/protocol/crossyear.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { identityOf, loadReport } from '../../core';
import { canonicalUri, metaBlock } from '../../server/workspaceIndex';
import { example } from '../helpers/report';

const id = (block: string | undefined) => (block === undefined ? undefined : identityOf(loadReport(block)));

test('metaBlock: the top-level meta block, enough for organ and year', () => {
  const text = example('reports/clean-2019.nianbao.yaml');
  const block = metaBlock(text)!;
  assert.match(block, /^meta:\n/);
  assert.ok(!/^overview:/m.test(block), 'stops at the next top-level key');
  assert.deepEqual(id(block), identityOf(loadReport(text)));
  // CRLF, comments and blank lines inside, a flow map, the end of the file.
  assert.deepEqual(id(metaBlock('format: 2021\r\nmeta:\r\n  # 机关\r\n\r\n  organ: 某 局\r\n  year: 2021\r\noverview: x\r\n')), {
    organ: '某 局',
    key: '某局',
    year: 2021,
  });
  assert.deepEqual(id(metaBlock('meta: {organ: 某局, year: 2020}\nformat: 2019\n')), { organ: '某局', key: '某局', year: 2020 });
  assert.deepEqual(id(metaBlock('format: 2021\nmeta:\n  organ: 某局\n  year: 2022')), { organ: '某局', key: '某局', year: 2022 });
  // Not a top-level meta: none.
  assert.equal(metaBlock('overview: |\n  meta: x\n'), undefined);
  assert.equal(metaBlock('metadata:\n  organ: 某局\n'), undefined);
});

test("canonicalUri: VS Code's spelling whatever the client's", () => {
  const vscode = 'file:///home/u/%E5%B9%B4%E6%8A%A5/2020%20%28%E5%88%9D%E7%A8%BF%29.nianbao.yaml';
  assert.equal(canonicalUri(vscode), vscode);
  assert.equal(canonicalUri(pathToFileURL('/home/u/年报/2020 (初稿).nianbao.yaml').href), vscode);
  assert.equal(canonicalUri('file:///C:/r/a.nianbao.yaml'), 'file:///c%3A/r/a.nianbao.yaml');
  assert.equal(canonicalUri('file:///c%3a/r/a.nianbao.yaml'), 'file:///c%3A/r/a.nianbao.yaml');
  assert.equal(canonicalUri('untitled:Untitled-1'), 'untitled:Untitled-1');
});

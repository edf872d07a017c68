/**
 * The workspace index's uris (server/index/uris.ts): one spelling per file whatever the client's
 * (percent-encoding, drive letters, host case), and the include globs that say which files under
 * a workspace folder are reports.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  canonicalUri,
  encodeSegment,
  type Folder,
  folderOf,
  folderUri,
  includeGlobs,
  isUnder,
  matches,
  skipped,
} from '../../server/index/uris';

const folder = (uri: string, ...include: string[]): Folder => ({ uri, include, globs: includeGlobs(include) });

test("encodeSegment: VS Code's URI.toString() spelling of a path segment", () => {
  assert.equal(encodeSegment('2020 (初稿)!.nianbao.yaml'), '2020%20%28%E5%88%9D%E7%A8%BF%29%21.nianbao.yaml');
  assert.equal(encodeSegment("a'*b"), 'a%27%2Ab');
  assert.equal(encodeSegment('A-z_0.9~'), 'A-z_0.9~');
  assert.equal(encodeSegment('a:b#c?d%e'), 'a%3Ab%23c%3Fd%25e');
});

test('canonicalUri: percent-encoding normalised (hex case, over- and under-encoding)', () => {
  const want = 'file:///home/u/%E5%B9%B4%E6%8A%A5/a%20b.yaml';
  assert.equal(canonicalUri('file:///home/u/%e5%b9%b4%e6%8a%a5/a%20b.yaml'), want);
  assert.equal(canonicalUri('file:///home/u/年报/a b.yaml'), want);
  assert.equal(canonicalUri('file:///home/u/%E5%B9%B4%E6%8A%A5/a b.yaml'), want);
  // Characters encodeURIComponent keeps but VS Code encodes; unreserved ones encoded needlessly.
  assert.equal(canonicalUri("file:///r/(1)!'.yaml"), 'file:///r/%281%29%21%27.yaml');
  assert.equal(canonicalUri('file:///r/%41%7E.yaml'), 'file:///r/A~.yaml');
  // Not valid percent-encoding: the % itself is encoded, nothing thrown.
  assert.equal(canonicalUri('file:///r/100%zz.yaml'), 'file:///r/100%25zz.yaml');
});

test('canonicalUri: Windows drive letters in lower case with an encoded colon; hosts and the scheme in lower case', () => {
  const want = 'file:///c%3A/Reports/a.yaml';
  for (const uri of [
    'file:///C:/Reports/a.yaml',
    'file:///c:/Reports/a.yaml',
    'file:///C%3A/Reports/a.yaml',
    'file:///c%3a/Reports/a.yaml',
  ])
    assert.equal(canonicalUri(uri), want, uri);
  assert.equal(canonicalUri('FILE:///C:/Reports/a.yaml'), want);
  // Only the first segment is a drive; other path segments keep their case.
  assert.equal(canonicalUri('file:///r/C:/a.yaml'), 'file:///r/C%3A/a.yaml');
  assert.equal(canonicalUri('file://Server/Share/a.yaml'), 'file://server/Share/a.yaml');
  assert.equal(canonicalUri(canonicalUri('file:///C:/年报/a b.yaml')), canonicalUri('file:///C:/年报/a b.yaml'), 'idempotent');
});

test('canonicalUri: other schemes as they are', () => {
  assert.equal(canonicalUri('untitled:Untitled-1'), 'untitled:Untitled-1');
  assert.equal(canonicalUri('vscode-notebook-cell:/a%20b#x'), 'vscode-notebook-cell:/a%20b#x');
});

test('folderUri: canonical, without a trailing slash; none for other schemes', () => {
  assert.equal(folderUri('file:///C:/Work/'), 'file:///c%3A/Work');
  assert.equal(folderUri('file:///w//'), 'file:///w');
  assert.equal(folderUri('file:///w'), 'file:///w');
  assert.equal(folderUri('vscode-vfs://github/x/y'), undefined);
});

test('isUnder and folderOf: strictly under, the innermost folder wins', () => {
  assert.ok(isUnder('file:///w/a.yaml', 'file:///w'));
  assert.ok(!isUnder('file:///w', 'file:///w'));
  assert.ok(!isUnder('file:///w2/a.yaml', 'file:///w'), 'a sibling with the same prefix');
  const outer = folder('file:///w', '**/*.yaml');
  const inner = folder('file:///w/sub', '**/*.yaml');
  assert.equal(folderOf([outer, inner], 'file:///w/sub/a.yaml'), inner);
  assert.equal(folderOf([inner, outer], 'file:///w/sub/a.yaml'), inner);
  assert.equal(folderOf([outer, inner], 'file:///w/a.yaml'), outer);
  assert.equal(folderOf([outer, inner], 'file:///w2/a.yaml'), undefined);
});

test('matches: the folder-relative, decoded path against the include globs', () => {
  const f = folder('file:///w', '**/*.nianbao.yaml', '**/*.nianbao.json');
  assert.ok(matches(f, 'file:///w/2020.nianbao.yaml'));
  assert.ok(matches(f, 'file:///w/a/b/2021.nianbao.json'));
  assert.ok(matches(f, canonicalUri('file:///w/年报/2020 (初稿).nianbao.yaml')), 'encoded segments are decoded first');
  assert.ok(!matches(f, 'file:///w/2020.yaml'));
  assert.ok(!matches(f, 'file:///w/2020.nianbao.yaml.bak'));
});

test('matches: node_modules and dot segments are skipped whatever the globs say', () => {
  const f = folder('file:///w', '**/*.nianbao.yaml', '.hidden/*.nianbao.yaml', 'node_modules/**');
  assert.ok(!matches(f, 'file:///w/node_modules/a.nianbao.yaml'));
  assert.ok(!matches(f, 'file:///w/a/node_modules/b/c.nianbao.yaml'));
  assert.ok(!matches(f, 'file:///w/.hidden/a.nianbao.yaml'));
  assert.ok(!matches(f, 'file:///w/.a.nianbao.yaml'));
  assert.ok(skipped('node_modules') && skipped('.git') && skipped('.') && !skipped('modules') && !skipped('a.b'));
});

test('matches: a glob with a folder matches only there; no globs match nothing', () => {
  const f = folder('file:///w', 'reports/*.yaml');
  assert.ok(matches(f, 'file:///w/reports/a.yaml'));
  assert.ok(!matches(f, 'file:///w/reports/x/a.yaml'));
  assert.ok(!matches(f, 'file:///w/a.yaml'));
  assert.ok(!matches(folder('file:///w'), 'file:///w/a.yaml'));
  // A leading ! or # is literal text, not a negation or a comment (nonegate, nocomment).
  assert.ok(!matches(folder('file:///w', '!*.txt'), 'file:///w/a.yaml'));
  assert.ok(matches(folder('file:///w', '#*.yaml'), canonicalUri('file:///w/#1.yaml')));
});

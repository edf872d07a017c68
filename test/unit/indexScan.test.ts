/**
 * The workspace index's disk side: the scan of a folder (server/index/scan.ts: breadth first,
 * sorted, skipped folders, claims and the cap) and the reading of a file (server/index/disk.ts:
 * bounded, decoded like the CLI, what the log says about an encoding). In a temporary folder.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { identityOf } from '../../core';
import { encodingNote, exists, readReportSync, readText } from '../../server/index/disk';
import { type Claim, forEachLimit, scanFolder } from '../../server/index/scan';
import { canonicalUri, type Folder, folderUri, includeGlobs } from '../../server/index/uris';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-index-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const META = 'meta:\n  organ: 某县人民政府办公室\n  year: 2020\n';
const files = [
  'b.nianbao.yaml',
  'a.nianbao.yaml',
  'notes.txt',
  'sub/c.nianbao.yaml',
  '年报/2020 (初稿).nianbao.yaml',
  'node_modules/x.nianbao.yaml',
  '.git/y.nianbao.yaml',
  'sub/deeper/d.nianbao.yaml',
];
for (const f of files) {
  mkdirSync(join(dir, f, '..'), { recursive: true });
  writeFileSync(join(dir, f), META);
}
const root = folderUri(pathToFileURL(dir).href)!;
const uri = (f: string) => canonicalUri(pathToFileURL(join(dir, f)).href);
const folder = (...include: string[]): Folder => ({ uri: root, include, globs: includeGlobs(include) });

/** Runs a scan, recording what was claimed and read. */
async function scan(f: Folder, answer: (c: string, i: number) => Claim = () => 'new') {
  const claimed: string[] = [];
  const read: string[] = [];
  const n = await scanFolder(
    f,
    (c) => answer(c, claimed.push(c) - 1),
    async (c) => {
      read.push(c);
    },
  );
  return { n, claimed, read };
}

test('scanFolder: breadth first, names sorted, canonical uris; node_modules, dot folders and other names left out', async () => {
  const { n, claimed, read } = await scan(folder('**/*.nianbao.yaml'));
  const want = [
    'a.nianbao.yaml',
    'b.nianbao.yaml',
    'sub/c.nianbao.yaml',
    '年报/2020 (初稿).nianbao.yaml',
    'sub/deeper/d.nianbao.yaml',
  ];
  assert.deepEqual(claimed, want.map(uri));
  assert.deepEqual(read.sort(), want.map(uri).sort());
  assert.equal(n, want.length);
});

test('scanFolder: known files are not read again; the first full claim stops the walk', async () => {
  const known = await scan(folder('**/*.nianbao.yaml'), (c) => (c.endsWith('/a.nianbao.yaml') ? 'known' : 'new'));
  assert.equal(known.n, 4);
  assert.ok(!known.read.includes(uri('a.nianbao.yaml')));
  const capped = await scan(folder('**/*.nianbao.yaml'), (_c, i) => (i < 2 ? 'new' : 'full'));
  assert.deepEqual(capped.claimed, [uri('a.nianbao.yaml'), uri('b.nianbao.yaml'), uri('sub/c.nianbao.yaml')]);
  assert.deepEqual(capped.read.sort(), [uri('a.nianbao.yaml'), uri('b.nianbao.yaml')]);
});

test('scanFolder: no globs, no walk; a folder that is gone finds nothing', async () => {
  assert.deepEqual(await scan(folder()), { n: 0, claimed: [], read: [] });
  const gone: Folder = { ...folder('**/*'), uri: `${root}/missing` };
  assert.deepEqual(await scan(gone), { n: 0, claimed: [], read: [] });
});

test('forEachLimit: every item once, never more than the limit at a time', async () => {
  let running = 0;
  let most = 0;
  const done: number[] = [];
  await forEachLimit([1, 2, 3, 4, 5, 6, 7], 3, async (i) => {
    most = Math.max(most, ++running);
    await new Promise((r) => setImmediate(r));
    done.push(i);
    running--;
  });
  assert.deepEqual(done.sort(), [1, 2, 3, 4, 5, 6, 7]);
  assert.equal(most, 3);
  await forEachLimit([], 3, async () => assert.fail('no items'));
});

test('readText: decoded like the CLI; null for a folder or a missing file', async () => {
  const utf16 = join(dir, 'utf16.nianbao.yaml');
  writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(META, 'utf16le')]));
  const file = await readText(uri('utf16.nianbao.yaml'));
  assert.equal(file?.text, META);
  assert.equal(file?.source?.encoding, 'utf-16le');
  assert.match(encodingNote(uri('utf16.nianbao.yaml'), file!) ?? '', /encoded in UTF-16LE with BOM \(not UTF-8\)/);
  const plain = await readText(uri('a.nianbao.yaml'));
  assert.equal(plain?.text, META);
  assert.equal(encodingNote(uri('a.nianbao.yaml'), plain!), undefined);
  assert.equal(await readText(uri('sub')), null);
  assert.equal(await readText(uri('missing.nianbao.yaml')), null);
  assert.equal(await readText('untitled:Untitled-1'), null);
});

test('readReportSync and exists', () => {
  assert.equal(identityOf(readReportSync(uri('年报/2020 (初稿).nianbao.yaml'))!)?.year, 2020);
  assert.equal(readReportSync(uri('missing.nianbao.yaml')), undefined);
  assert.ok(exists(uri('sub')));
  assert.ok(!exists(uri('missing.nianbao.yaml')));
  assert.ok(!exists('untitled:Untitled-1'));
});

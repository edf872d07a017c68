/**
 * The workspace index's state (server/index/entries.ts): one record per canonical uri, the
 * ReportIndex over them and the open reports noted for a re-check. The transitions the LSP events
 * cause, without a server; the whole index is tested over the protocol (test/protocol/crossyear.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { identityOf, loadReport } from '../../core';
import { Entries } from '../../server/index/entries';

const meta = (year: number, organ = '某县人民政府办公室') => `meta:\n  organ: ${organ}\n  year: ${year}\n`;
const id = (year: number, organ = '某县人民政府办公室') => identityOf(loadReport(meta(year, organ)))!;
const entries = (maxFiles = 100, cacheSize = 4) => new Entries({ maxFiles, cacheSize });
const W = 'file:///w';
const client = (c: string) => `${c}?client`;

/** A file claimed on disk and read from it. */
function onDisk(e: Entries, c: string, year: number): void {
  assert.equal(e.claimDisk(c), 'new');
  e.diskRead(c, meta(year));
}

test('a file on disk is found as last year’s report; open documents pair with it', () => {
  const e = entries();
  onDisk(e, `${W}/2020.yaml`, 2020);
  e.openChanged(`${W}/2021.yaml`, client(`${W}/2021.yaml`), meta(2021));
  assert.equal(e.previous(`${W}/2021.yaml`, id(2021), 2020)?.uri, `${W}/2020.yaml`);
  assert.equal(e.previous(`${W}/2020.yaml`, id(2020), 2020), undefined, 'never itself');
  assert.equal(e.openUri(`${W}/2021.yaml`), client(`${W}/2021.yaml`));
  assert.equal(e.openUri(`${W}/2020.yaml`), undefined);
  assert.ok(e.hasOpenDependents(`${W}/2020.yaml`));
});

test('the open text overrides the disk; closing goes back to the disk (the caller re-reads it)', () => {
  const e = entries();
  const c = `${W}/a.yaml`;
  onDisk(e, c, 2020);
  e.openChanged(c, client(c), meta(2019));
  assert.equal(e.indexed(c)?.identity?.year, 2019, 'the open meta wins');
  e.diskRead(c, meta(2020)); // a read that finished after the open: ignored
  assert.equal(e.indexed(c)?.identity?.year, 2019);
  assert.equal(e.openUri(c), client(c));
  assert.equal(e.closed(c), true, 'on disk: read it again');
  assert.equal(e.get(c)?.open, undefined);
  assert.ok(e.get(c)?.onDisk);
  e.diskRead(c, meta(2020));
  assert.equal(e.indexed(c)?.identity?.year, 2020);
});

test('closing a document that is not on disk forgets it', () => {
  const e = entries();
  const c = 'untitled:Untitled-1';
  e.openChanged(c, c, meta(2020));
  assert.ok(e.indexed(c));
  assert.equal(e.closed(c), false);
  assert.equal(e.get(c), undefined);
  assert.equal(e.indexed(c), undefined);
  assert.equal(e.closed(c), false, 'closing twice is harmless');
});

test('deleted while open: the text stays until closed; closed after the delete: gone', () => {
  const e = entries();
  const c = `${W}/a.yaml`;
  onDisk(e, c, 2020);
  e.openChanged(c, client(c), meta(2020));
  e.leftDisk(c);
  assert.equal(e.get(c)?.onDisk, false);
  assert.equal(e.indexed(c)?.identity?.year, 2020, 'still indexed from the open text');
  assert.deepEqual(e.diskUnder(W), []);
  assert.equal(e.closed(c), false, 'not on disk any more: nothing to re-read');
  assert.equal(e.get(c), undefined);
  assert.equal(e.indexed(c), undefined);
});

test('deleted while closed: out of the index, and the open report that paired with it is noted', () => {
  const e = entries();
  const prev = `${W}/2020.yaml`;
  const cur = `${W}/2021.yaml`;
  onDisk(e, prev, 2020);
  e.openChanged(cur, client(cur), meta(2021));
  e.takePending();
  e.leftDisk(prev);
  assert.equal(e.get(prev), undefined);
  assert.equal(e.previous(cur, id(2021), 2020), undefined);
  assert.deepEqual(e.takePending(), [client(cur)]);
  assert.deepEqual(e.takePending(), [], 'taken once');
});

test('a change of last year’s meta notes its dependents before and after; an unchanged block notes them too', () => {
  const e = entries();
  const prev = `${W}/2020.yaml`;
  const cur = `${W}/2021.yaml`;
  const other = `${W}/other-2021.yaml`;
  e.openChanged(prev, client(prev), meta(2020));
  e.openChanged(cur, client(cur), meta(2021));
  e.openChanged(other, client(other), meta(2021, '另一个局'));
  e.takePending();
  // Same block, other figures: next year's report re-checks (its X-CARRY compares figures).
  e.openChanged(prev, client(prev), meta(2020));
  assert.deepEqual(e.takePending(), [client(cur)]);
  // Another organ: the old dependent and the new one.
  e.openChanged(prev, client(prev), meta(2020, '另一个局'));
  assert.deepEqual(e.takePending().sort(), [client(cur), client(other)].sort());
  assert.equal(e.previous(cur, id(2021), 2020), undefined);
  assert.equal(e.previous(other, id(2021, '另一个局'), 2020)?.uri, prev);
  // From disk as well.
  const file = `${W}/disk-2020.yaml`;
  onDisk(e, file, 2020);
  assert.deepEqual(e.takePending(), [client(cur)]);
});

test('without a plain meta block the analysis supplies organ and year, re-indexed only when they move', () => {
  const e = entries();
  const c = `${W}/flow.yaml`;
  e.openChanged(c, client(c), undefined);
  assert.ok(e.indexed(c), 'indexed at once, without an identity yet');
  assert.equal(e.indexed(c)?.identity, undefined);
  const report = loadReport('{meta: {organ: 某县人民政府办公室, year: 2020}}');
  assert.equal(e.analysed(c, report), true);
  assert.equal(e.indexed(c)?.identity?.year, 2020);
  assert.equal(e.analysed(c, report), false, 'unchanged');
  // Documents with a plain block are indexed from it, not from their analysis.
  const plain = `${W}/plain.yaml`;
  e.openChanged(plain, client(plain), meta(2019));
  assert.equal(e.analysed(plain, report), false);
  assert.equal(e.indexed(plain)?.identity?.year, 2019);
  assert.equal(e.analysed(`${W}/not-open.yaml`, report), false);
  // The block comes back with other text than the analysis's: the block wins, the analysis no longer re-indexes.
  e.openChanged(c, client(c), meta(2021));
  assert.equal(e.indexed(c)?.identity?.year, 2021);
  e.takePending();
  assert.equal(e.analysed(c, loadReport(meta(2021))), false);
  e.openChanged(c, client(c), meta(2021));
  assert.equal(e.indexed(c)?.identity?.year, 2021);
});

test('claims: known files are not counted twice; the cap refuses new ones until a file goes', () => {
  const e = entries(2);
  assert.equal(e.claimDisk(`${W}/a`), 'new');
  assert.equal(e.claimDisk(`${W}/a`), 'known');
  assert.equal(e.claimDisk(`${W}/b`), 'new');
  assert.equal(e.claimDisk(`${W}/c`), 'full');
  assert.equal(e.get(`${W}/c`), undefined, 'a refused claim leaves no record');
  assert.equal(e.claimDisk(`${W}/b`), 'known', 'known even at the cap');
  // An open document that is not on disk does not count, and its delete does not free a slot.
  e.openChanged(`${W}/open`, client(`${W}/open`), meta(2020));
  e.leftDisk(`${W}/open`);
  assert.equal(e.claimDisk(`${W}/c`), 'full');
  e.leftDisk(`${W}/a`);
  assert.equal(e.claimDisk(`${W}/c`), 'new');
  assert.deepEqual(e.diskUnder(W).sort(), [`${W}/b`, `${W}/c`]);
  assert.deepEqual(e.diskUnder(`${W}/b`), [], 'strictly under');
});

test('stamps: a bump and a new record give a stamp never seen before', () => {
  const e = entries();
  const c = `${W}/a.yaml`;
  const seen = new Set<number>();
  const see = () => {
    const s = e.stamp(c)!;
    assert.ok(!seen.has(s), `stamp ${s} reused`);
    seen.add(s);
  };
  e.claimDisk(c);
  see();
  e.bump(c);
  see();
  e.diskRead(c, meta(2020));
  see();
  e.leftDisk(c);
  assert.equal(e.stamp(c), undefined);
  e.claimDisk(c);
  see();
  e.bump(`${W}/unknown`);
  assert.equal(e.get(`${W}/unknown`), undefined, 'bumping an unknown uri creates nothing');
});

test('kept reports: dropped by a bump, the oldest kept goes first, none kept for a forgotten file', () => {
  const e = entries(100, 2);
  const report = loadReport(meta(2020));
  for (const c of ['a', 'b', 'c']) {
    onDisk(e, `${W}/${c}`, 2020);
    e.cacheReport(`${W}/${c}`, report);
  }
  assert.equal(e.report(`${W}/a`), undefined, 'the oldest went');
  assert.equal(e.report(`${W}/b`), report);
  e.cacheReport(`${W}/b`, report); // kept again: now the newest
  onDisk(e, `${W}/d`, 2020);
  e.cacheReport(`${W}/d`, report);
  assert.equal(e.report(`${W}/c`), undefined);
  assert.equal(e.report(`${W}/b`), report);
  e.bump(`${W}/b`);
  assert.equal(e.report(`${W}/b`), undefined, 'a new version of the file');
  e.cacheReport(`${W}/gone`, report);
  assert.equal(e.get(`${W}/gone`), undefined, 'no record made for a cache entry');
  e.leftDisk(`${W}/d`);
  onDisk(e, `${W}/d`, 2020);
  assert.equal(e.report(`${W}/d`), undefined, 'forgotten with its record');
});

test('noteAllOpen notes every open document once, by its client uri', () => {
  const e = entries();
  onDisk(e, `${W}/disk.yaml`, 2020);
  e.openChanged(`${W}/a.yaml`, 'file:///W/a.yaml', meta(2020));
  e.openChanged('untitled:1', 'untitled:1', undefined);
  e.takePending();
  e.noteAllOpen();
  e.noteAllOpen();
  assert.deepEqual(e.takePending().sort(), ['file:///W/a.yaml', 'untitled:1']);
});

/**
 * A scripted person who has never seen YAML fills reports in the table editor with the keyboard
 * only (harness.ts: the real page and the real server): they write into each field, section and
 * cell in reading order and press Tab, follow the checker with F8 and Ctrl+. when it objects,
 * and press Ctrl+S. The saved text must pass `nianbao check` (no error, no warning). Printed: how
 * long it took and how many keys were pressed.
 *
 * 1. A blank 2021 report (the skeleton), filled with the figures and text of clean-2021.
 * 2. Seed 004 as published (2019 format, year 2020), transcribed from a blank report as printed:
 *    "137次", "1066730.5元", the blank cells left blank, the (七) 总计 row as printed (all 0);
 *    then the checker's objections handled from the grid.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { checkText, skeleton } from '../../core';
import type { TableModel } from '../../protocol/table';
import { example } from '../protocol/client';
import { Harness, playwright } from './harness';

const skip = playwright() ? false : 'playwright-core is not installed (scripts/setup-editors.sh)';

type Doc = Record<string, unknown>;
const at = (doc: Doc, path: string): unknown =>
  path.split('.').reduce<unknown>((cur, k) => (cur as Doc | null | undefined)?.[k], doc);

/** A person at the keyboard: counts what they press. */
class Person {
  keys = 0;
  constructor(private readonly h: Harness) {}

  async press(k: string): Promise<void> {
    this.keys++;
    await this.h.page.keyboard.press(k);
  }

  /** Types a value: keys for ASCII; CJK through an input method (into an editor opened with Backspace in a cell). */
  async type(text: string, inCell: boolean): Promise<void> {
    if (/^[\x20-\x7e]*$/.test(text)) {
      this.keys += text.length;
      await this.h.page.keyboard.type(text);
      return;
    }
    if (inCell) await this.press('Backspace');
    this.keys += [...text].length;
    await this.h.page.keyboard.insertText(text);
  }

  /** The element that has the focus: a field, a section or a cell, by path. */
  focused(): Promise<{ path: string; kind: 'field' | 'select' | 'narrative' | 'cell' } | undefined> {
    return this.h.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const path = el?.dataset.path;
      if (!el || !path) return undefined;
      const kind =
        el.tagName === 'SELECT' ? 'select' : el.tagName === 'TEXTAREA' ? 'narrative' : el.tagName === 'TD' ? 'cell' : 'field';
      return { path, kind };
    });
  }

  /** Chooses an option of a closed select by arrowing to it. */
  async choose(path: string, value: string): Promise<void> {
    const [current, options] = await this.h.page.evaluate((p: string) => {
      const s = document.querySelector(`select[data-path="${p}"]`) as HTMLSelectElement;
      return [s.selectedIndex, [...s.options].map((o) => o.value)] as const;
    }, path);
    const target = options.indexOf(value);
    for (let i = current; i !== target; i += target > current ? 1 : -1)
      await this.press(target > current ? 'ArrowDown' : 'ArrowUp');
  }

  /**
   * Walks the page in reading order from the focused element: enters `answer(path)` where it is
   * not undefined, then Tab; stops after the last element (Tab goes nowhere).
   */
  async fill(answer: (path: string) => string | undefined): Promise<void> {
    let last = '';
    for (let guard = 0; guard < 1000; guard++) {
      const f = await this.focused();
      if (!f || f.path === last) break;
      last = f.path;
      const v = answer(f.path);
      if (v !== undefined && v !== '') {
        if (f.kind === 'select') await this.choose(f.path, v);
        else if (f.kind === 'narrative') await this.type(v, false);
        else await this.type(v, f.kind === 'cell');
      }
      await this.press('Tab');
    }
  }

  /**
   * Goes from problem to problem with F8 and deals with each as a person would: takes the
   * preferred quick fix (Ctrl+., Enter); where there is none, does what the message asks of a
   * blank cell (types 0); for a section, writes what the message says it lacks (`addition`).
   */
  async followTheChecker(addition: Record<string, string>): Promise<{ fixes: number; zeros: number; sections: number }> {
    const done = { fixes: 0, zeros: 0, sections: 0 };
    for (let round = 0; round < 40; round++) {
      await this.h.settle();
      const m = this.h.model as TableModel;
      if (!m.findings.some((f) => f.severity !== 'info')) break;
      await this.press('F8');
      const f = await this.focused();
      if (!f) throw new Error('F8 went nowhere');
      if (f.kind === 'narrative') {
        const text = addition[f.path];
        if (!text) throw new Error(`stuck on section ${f.path}`);
        delete addition[f.path];
        await this.press('Control+End');
        await this.type(text, false);
        await this.press('Tab');
        done.sections++;
        continue;
      }
      if (f.kind !== 'cell') throw new Error(`stuck on ${f.path}`);
      await this.press('Control+.');
      const item = this.h.page.locator('.menu [role=menuitem]').first();
      await item.waitFor();
      if (/preferred/.test((await item.getAttribute('class')) ?? '')) {
        await this.press('Enter');
        done.fixes++;
        continue;
      }
      // No fix the server is sure of: do what the message says ("没有的请填 0") for a blank cell.
      const finding = m.findings.find((x) => x.marks.includes(f.path));
      if (!finding || !/填 0/.test(finding.message)) throw new Error(`stuck on ${f.path}: ${finding?.message}`);
      await this.press('Escape');
      await this.type('0', true);
      await this.press('Enter');
      done.zeros++;
    }
    return done;
  }
}

async function save(h: Harness, p: Person): Promise<string> {
  await h.settle();
  await p.press('Control+s');
  await h.settle();
  assert.ok(h.saved !== undefined, 'saved');
  return h.saved!;
}

function passes(name: string, text: string): void {
  const ds = checkText(text).diagnostics.filter((d) => d.severity !== 'info');
  assert.deepEqual(
    ds.map((d) => `${d.code} ${d.message['zh-CN']}`),
    [],
    `${name}: nianbao check finds nothing`,
  );
}

function report(t: { diagnostic(s: string): void }, line: string): void {
  t.diagnostic(line);
  console.log(`[table-person] ${line}`);
}

test('a person fills a whole blank 2021 report in the table, keyboard only, and saves a file nianbao check passes', {
  skip,
}, async (t) => {
  const target = parse(example('reports/clean-2021.nianbao.yaml')) as Doc;
  const blank = skeleton({ format: '2021', year: 2022, organ: '', organKind: 'department' });
  const h = await Harness.start({ text: blank, name: 'new-2021.nianbao.yaml' });
  try {
    const p = new Person(h);
    const t0 = performance.now();
    await p.fill((path) => {
      const v = at(target, path);
      if (v === null || v === undefined || typeof v === 'object') return undefined;
      return typeof v === 'string' ? v.replace(/\n$/, '') : String(v);
    });
    const text = await save(h, p);
    const ms = performance.now() - t0;
    passes('2021', text);
    const doc = parse(text) as Doc;
    for (const key of [
      'applications',
      'review_litigation',
      'active_disclosure',
      'meta',
      'overview',
      'problems',
      'fee_collection',
    ])
      assert.deepEqual(doc[key], target[key], key);
    report(
      t,
      `blank 2021 report filled: ${(ms / 1000).toFixed(1)} s, ${p.keys} keys (text typed counted per character), ${h.sent('edit').length} inputs written`,
    );
  } finally {
    await h.stop();
  }
});

test('a person transcribes seed 004 as published into the table, follows the checker, and saves a passing file', {
  skip,
}, async (t) => {
  const published = parse(example('reports/seed-004-shagou-2020.nianbao.yaml')) as Doc;
  const blank = skeleton({ format: '2019', year: 2020, organ: '', organKind: 'township_government' });
  const h = await Harness.start({ text: blank, name: 'seed-004.nianbao.yaml' });
  try {
    const p = new Person(h);
    const t0 = performance.now();
    // What the published report prints, cell by cell; its blank cells stay blank.
    await p.fill((path) => {
      const v = at(published, path);
      if (v === null || v === undefined || typeof v === 'object') return undefined;
      return typeof v === 'string' ? v.replace(/\n$/, '') : String(v);
    });
    await h.settle();
    const before = h.model!.counts;
    // The township government's overview must report on assessment, public review and
    // accountability (S1-GOV): the person adds the sentence when F8 brings them there.
    const handled = await p.followTheChecker({
      overview: '\n（四）工作考核、社会评议和责任追究结果情况：本年度未发生责任追究情形。',
    });
    const text = await save(h, p);
    const ms = performance.now() - t0;
    passes('seed 004', text);
    const doc = parse(text) as Doc;
    assert.deepEqual(at(doc, 'active_disclosure.art20_9.central_procurement'), {
      items: 137,
      amount: { value: 1066730.5, unit: '元' },
    });
    assert.deepEqual(at(doc, 'applications.total_processed'), {
      natural: 0,
      commercial: 0,
      research: 0,
      social: 0,
      legal: 0,
      other_org: 2,
      total: 2,
    });
    report(
      t,
      `seed 004 transcribed and made to pass: ${(ms / 1000).toFixed(1)} s, ${p.keys} keys; after transcription ${before.error} errors and ${before.warning} warnings; ${handled.fixes} quick fixes taken from the grid, ${handled.zeros} blanks typed as 0, ${handled.sections} sentence added`,
    );
  } finally {
    await h.stop();
  }
});

/**
 * The server's findings drawn on what they mark: a cell, a row label, a field or a section gets
 * the colour of its worst finding, `aria-invalid` for errors, the messages as its tooltip; every
 * total shows the sum of its operands (Σ), red when the total disagrees; the operands of the
 * active cell's relation are outlined. Findings on nothing on screen are listed at the top.
 */
import type { GridFinding, GridSeverity, GridSum, TableModel } from '../../protocol/table';
import { h } from './dom';
import { fill, type Words } from './text';
import type { Elements } from './view';

const ORDER: GridSeverity[] = ['error', 'warning', 'info'];
const MARK_CLASSES = ['m-error', 'm-warning', 'm-info', 'm-group'];

export interface Marks {
  /** Findings by the path they mark. */
  byPath: Map<string, GridFinding[]>;
  /** Sums by their total's path. */
  sums: Map<string, GridSum[]>;
  /** Findings on nothing that is on screen (or only on a whole section). */
  loose: GridFinding[];
}

/** The element that shows a path: a value cell, a row label, a field, a section. */
export function elementOf(els: Elements, path: string): HTMLElement | undefined {
  return (
    els.cells.get(path) ??
    els.heads.get(path) ??
    (els.fields.get(path)?.closest('label') as HTMLElement | null | undefined) ??
    els.narratives.get(path) ??
    els.sections.get(path)
  );
}

let marked = new Set<HTMLElement>();

export function applyMarks(els: Elements, m: TableModel, w: Words): Marks {
  for (const el of marked) {
    el.classList.remove(...MARK_CLASSES);
    el.removeAttribute('aria-invalid');
    el.removeAttribute('title');
    for (const b of el.querySelectorAll(':scope > .sum')) b.remove();
  }
  const now = new Set<HTMLElement>();
  const byPath = new Map<string, GridFinding[]>();
  const loose: GridFinding[] = [];
  for (const f of m.findings) {
    let shown = false;
    for (const p of f.marks) {
      byPath.set(p, [...(byPath.get(p) ?? []), f]);
      const el = elementOf(els, p);
      if (el && el.tagName !== 'SECTION') shown = true;
    }
    if (!shown) loose.push(f);
  }
  for (const [p, fs] of byPath) {
    const el = elementOf(els, p);
    if (!el) continue;
    const worst = ORDER.find((s) => fs.some((f) => f.severity === s))!;
    el.classList.add(`m-${worst}`);
    if (fs.some((f) => f.group)) el.classList.add('m-group');
    if (worst === 'error') el.setAttribute('aria-invalid', 'true');
    el.title = fs.map((f) => `${f.code} ${f.message}`).join('\n');
    now.add(el);
  }
  const sums = new Map<string, GridSum[]>();
  for (const s of m.sums) sums.set(s.path, [...(sums.get(s.path) ?? []), s]);
  for (const [p, ss] of sums) {
    const td = els.cells.get(p);
    if (!td) continue;
    td.append(sumBadge(ss, w));
    now.add(td);
  }
  marked = now;
  return { byPath, sums, loose };
}

/**
 * Σ of the operands beside a total: one value when its sums agree; when one disagrees with the
 * total, only the disagreeing ones, with their direction (→ the row, ↓ the column).
 */
function sumBadge(ss: GridSum[], w: Words): HTMLElement {
  const bad = ss.filter((s) => !s.ok);
  const shown = bad.length ? bad : ss;
  const values = [...new Set(shown.map((s) => s.computed))];
  const text =
    values.length === 1 && (!bad.length || bad.length === ss.length)
      ? `Σ ${values[0]}`
      : shown.map((s) => `${s.each === 'row' ? 'Σ→' : 'Σ↓'}${s.computed}`).join(' ');
  const blanks = Math.max(...shown.map((s) => s.blanks));
  return h(
    'span',
    { class: bad.length ? 'sum bad' : 'sum', 'aria-hidden': 'true', title: `${w.sum}${blanks ? fill(w.sumBlanks, blanks) : ''}` },
    text,
  );
}

/** Outlines the other cells of the relations the active path's findings are about. */
let involved: HTMLElement[] = [];
export function showInvolved(els: Elements, marks: Marks | undefined, path: string | undefined): void {
  for (const el of involved) el.classList.remove('m-involved');
  involved = [];
  if (!marks || !path) return;
  for (const f of marks.byPath.get(path) ?? [])
    for (const p of f.involved) {
      const el = els.cells.get(p);
      if (el) {
        el.classList.add('m-involved');
        involved.push(el);
      }
    }
}

/** The counts line, and the findings not shown on a cell in a list that opens when there are any. */
export function drawSummary(bar: HTMLElement, loose: HTMLDetailsElement, m: TableModel, marks: Marks, w: Words): void {
  const c = m.counts;
  const parts =
    c.error + c.warning + c.info === 0
      ? [h('span', { class: 'ok' }, w.noFindings)]
      : [
          h('span', { class: 'sev-error' }, `${c.error} ${w.errors}`),
          h('span', { class: 'sev-warning' }, `${c.warning} ${w.warnings}`),
          h('span', { class: 'sev-info' }, `${c.info} ${w.infos}`),
        ];
  bar.replaceChildren(h('strong', {}, `${w.findings}：`), ...parts);
  loose.hidden = marks.loose.length === 0;
  loose.replaceChildren(
    h('summary', {}, `${w.otherFindings}（${marks.loose.length}）`),
    h(
      'ul',
      {},
      ...marks.loose.map((f) => h('li', { class: `sev-${f.severity}`, 'data-finding': f.id }, `${f.code} ${f.message}`)),
    ),
  );
}

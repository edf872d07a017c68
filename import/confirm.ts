/**
 * What the table's column sums decide (T3-SUM-V, T3-BAL): between the readings of rows that
 * keep their own sums in several ways, whether rows placed by context are confirmed, and how
 * value lines a converter scattered are handed to the rows that lack them.
 */
import { text } from '../core/messages/define';
import { cellValue } from './normalize';
import { M } from './messages';
import { finding } from './notes';
import { columnEquations, keepsRow, MAX_READINGS, type RowValues, rowEquations } from './readings';
import { blankOnly, type Segment } from './segments';
import type { RowTemplate, TableTemplate } from './templates';
import { byPosition, type Reading } from './rowcells';
import { blankRow, type Ctx, filledRow, type ImportedRow, pathOf, sourceText, unplacedRow } from './rows';

/** Ways to hand loose value lines to rows at most (beyond: too many to judge, nothing assembled). */
const MAX_ASSEMBLIES = 5000;

/**
 * Text rows whose cells a converter scattered over several lines (pdftotext interleaves two
 * rows of a borderless table): value lines without a label, placed by their character columns,
 * are handed to the rows that lack exactly those columns — rows read blank by position beside
 * them, and template rows not found. Taken only when the loose values fill every gap exactly,
 * every way of handing them out gives each row the same values, and each row keeps its sums.
 */
export function assembleLoose(
  ctx: Ctx,
  rows: ImportedRow[],
  unmatched: Segment[],
  assigned: Set<number>,
  columnsAt: Map<number, number[]>,
): Set<Segment> {
  const none = new Set<Segment>();
  const t = ctx.t;
  const n = t.rows[0].columns.length;
  const at = columnsAt.get(n);
  if (!at || t.rows.some((r) => r.columns.length !== n)) return none;
  const loose: { seg: Segment; cols: number[] }[] = [];
  for (const seg of unmatched) {
    if (seg.labels.length || blankOnly(seg)) continue;
    const cells = seg.values.filter((v) => !v.merged);
    const cols = byPosition(cells, at);
    if (cols) loose.push({ seg, cols }); // a line whose values stand between columns stays loose (reported)
  }
  if (!loose.length) return none;
  const needy: { r: RowTemplate; gaps: number[]; row?: ImportedRow }[] = [
    ...rows.filter((x) => x.gaps?.length).map((x) => ({ r: x.template, gaps: x.gaps!, row: x })),
    ...t.rows
      .filter((r, j) => !assigned.has(j) && !rows.some((x) => x.template === r))
      .map((r) => ({ r, gaps: r.columns.map((_, k) => k) })),
  ];
  // The loose values must fill the gaps exactly, column by column.
  for (let c = 0; c < n; c++) {
    const have = loose.filter((l) => l.cols.includes(c)).length;
    const need = needy.filter((x) => x.gaps.includes(c)).length;
    if (have !== need) return none;
  }
  const results: string[] = [];
  let tried = 0;
  const fill: (string | undefined)[][] = needy.map(() => new Array(n).fill(undefined));
  const go = (k: number): boolean => {
    if (++tried > MAX_ASSEMBLIES) return false;
    if (k === loose.length) {
      results.push(JSON.stringify(fill));
      return new Set(results).size === 1;
    }
    const { seg, cols } = loose[k];
    const texts = seg.values.filter((v) => !v.merged).map((v) => v.text);
    for (let i = 0; i < needy.length; i++) {
      if (!cols.every((c) => needy[i].gaps.includes(c) && fill[i][c] === undefined)) continue;
      cols.forEach((c, m) => {
        fill[i][c] = texts[m];
      });
      const ok = go(k + 1);
      for (const c of cols) fill[i][c] = undefined;
      if (!ok) return false;
    }
    return true;
  };
  if (!go(0) || new Set(results).size !== 1) return none;
  const filled = JSON.parse(results[0]) as (string | null)[][];
  const eqs = rowEquations(
    t.spec,
    t.rows[0].columns.map((c) => c.key),
  );
  const merged = needy.map((x, i) => {
    const values = x.row ? x.row.values.slice() : new Array(n).fill(null);
    x.gaps.forEach((c) => {
      values[c] = filled[i][c] === null ? null : cellValue(filled[i][c]!).value;
    });
    return values;
  });
  if (!merged.every((v) => keepsRow(v, eqs))) return none;
  needy.forEach((x, i) => {
    const note = text(M.noteAssembled, { lines: loose.map((l) => l.seg.line).join('、') });
    if (x.row) {
      x.row.values = merged[i];
      x.row.read += x.gaps.length;
      x.row.notes.push(note);
      delete x.row.gaps;
      const paths = new Set(x.gaps.map((c) => `${pathOf(x.r)}.${x.r.columns[c].key}`));
      ctx.warnings.splice(0, ctx.warnings.length, ...ctx.warnings.filter((w) => !(w.path && paths.has(w.path))));
    } else {
      assigned.add(t.rows.indexOf(x.r));
      rows.push({ template: x.r, values: merged[i], line: loose[0].seg.line, notes: [note], read: n });
    }
  });
  return new Set(loose.map((l) => l.seg));
}

/** Rows with several readings that keep their own sums: the table's column sums choose, or nobody does. */
export function decideByColumns(
  ctx: Ctx,
  open: { j: number; s: Segment; label: string; choices: Reading[] }[],
  rows: ImportedRow[],
): void {
  if (!open.length) return;
  const t = ctx.t;
  const eqs = columnEquations(t.spec);
  const combos = open.reduce((n, o) => n * Math.max(1, o.choices.length), 1);
  const fixed = new Map<string, RowValues>();
  for (const r of rows) if (!r.unplaced) fixed.set(r.template.path.join('.'), r.values);
  let winners: number[][] = [];
  if (eqs.length && combos <= MAX_READINGS && open.every((o) => o.choices.length)) {
    const pick: number[] = new Array(open.length).fill(0);
    for (let c = 0; c < combos; c++) {
      let x = c;
      for (let k = 0; k < open.length; k++) {
        pick[k] = x % open[k].choices.length;
        x = Math.floor(x / open[k].choices.length);
      }
      const values = new Map(fixed);
      open.forEach((o, k) => {
        values.set(t.rows[o.j].path.join('.'), o.choices[pick[k]].values);
      });
      if (keepsColumns(t, eqs, values, open)) winners.push(pick.slice());
      if (winners.length > 1) break;
    }
  } else winners = [];
  if (winners.length === 1) {
    open.forEach((o, k) => {
      const reading = o.choices[winners[0][k]];
      reading.notes = [...reading.notes, text(M.noteByColumns)];
      rows.push(filledRow(ctx, t.rows[o.j], o.s, o.label, reading));
    });
    return;
  }
  for (const o of open) {
    unplacedRow(ctx, t.rows[o.j], o.s, 'ambiguous');
    rows.push(blankRow(t.rows[o.j], o.s, o.label, [text(M.noteNotPlaced, { text: sourceText(o.s.values) })]));
  }
}

/**
 * Rows placed by the text around them rather than by a label of their own: when a column sum
 * that involves them fails, an exchange of two such rows that makes every sum hold is taken
 * (the sums decide where the labels leave a choice); otherwise they are not placed — a sum
 * error can then only follow an import that said it was unsure.
 */
export function confirmBySums(ctx: Ctx, rows: ImportedRow[], byContext: Set<ImportedRow>): void {
  const t = ctx.t;
  const eqs = columnEquations(t.spec);
  const ctxRows = [...byContext].filter((r) => !r.unplaced);
  if (!eqs.length || !ctxRows.length || t.rows.some((r) => r.columns.length !== t.rows[0].columns.length)) return;
  const values = () => new Map(rows.filter((r) => !r.unplaced).map((r) => [r.template.path.join('.'), r.values] as const));
  const failing = failingTops(t, eqs, values());
  const involved = ctxRows.filter((r) => failing.has(r.template.path[1]));
  if (!involved.length) return;
  const fixes: [ImportedRow, ImportedRow][] = [];
  for (let i = 0; i < ctxRows.length; i++) {
    for (let j = i + 1; j < ctxRows.length; j++) {
      const [x, y] = [ctxRows[i], ctxRows[j]];
      [x.values, y.values] = [y.values, x.values];
      if (!failingTops(t, eqs, values()).size) fixes.push([x, y]);
      [x.values, y.values] = [y.values, x.values];
    }
  }
  if (fixes.length === 1 && failing.size) {
    const [x, y] = fixes[0];
    [x.values, y.values] = [y.values, x.values];
    for (const r of [x, y]) r.notes.push(text(M.noteExchanged));
    return;
  }
  for (const r of involved) {
    ctx.warnings.push(
      finding(
        'IMPORT-UNPLACED',
        M.contextUnconfirmed,
        { label: r.template.label, table: t.name },
        {
          line: r.line,
          path: pathOf(r.template),
          table: t.name,
          text: r.values.map((v) => (v === null ? '' : String(v))).join(' | '),
        },
      ),
    );
    r.notes.push(text(M.noteNotPlaced, { text: r.values.map((v) => (v === null ? '' : String(v))).join(' | ') }));
    r.values = r.values.map(() => null);
    r.read = 0;
    r.unplaced = true;
  }
}

/** One side of a column equality in column c: the sum of its rows (blank = 0), or undefined when a text or missing cell leaves it open. */
function columnSum(t: TableTemplate, values: Map<string, RowValues>, keys: string[], c: number): number | undefined {
  let sum = 0;
  for (const r of t.rows.filter((x) => keys.includes(x.path[1]))) {
    const v = values.get(r.path.join('.'));
    if (!v) return undefined;
    const x = v[c];
    if (typeof x === 'number') sum += x;
    else if (x !== null && x !== undefined) return undefined;
  }
  return sum;
}

/** The top-level rows (keys) of the column equalities that fail (blank = 0; a text or missing cell leaves one open). */
export function failingTops(
  t: TableTemplate,
  eqs: { left: string[]; right: string[] }[],
  values: Map<string, RowValues>,
): Set<string> {
  const out = new Set<string>();
  const n = t.rows[0].columns.length;
  for (const e of eqs) {
    for (let c = 0; c < n; c++) {
      const l = columnSum(t, values, e.left, c);
      const r = columnSum(t, values, e.right, c);
      if (l !== undefined && r !== undefined && Math.abs(l - r) > 1e-9) for (const k of [...e.left, ...e.right]) out.add(k);
    }
  }
  return out;
}

/** Do the column equalities that involve an open row hold (blank = 0; a text or missing cell leaves one open)? */
export function keepsColumns(
  t: TableTemplate,
  eqs: { left: string[]; right: string[] }[],
  values: Map<string, RowValues>,
  open: { j: number }[],
): boolean {
  const openTops = new Set(open.map((o) => t.rows[o.j].path[1]));
  const n = t.rows[0].columns.length;
  for (const e of eqs) {
    if (![...e.left, ...e.right].some((k) => openTops.has(k))) continue;
    for (let c = 0; c < n; c++) {
      const l = columnSum(t, values, e.left, c);
      const r = columnSum(t, values, e.right, c);
      if (l !== undefined && r !== undefined && Math.abs(l - r) > 1e-9) return false;
    }
  }
  return true;
}

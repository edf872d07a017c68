/**
 * Aligned segments → the rows of the imported table. Placement is never silent:
 *
 * - a row whose own label contradicts its slot is not placed (IMPORT-LABEL-MISMATCH);
 * - a row whose cells do not map one to one onto its columns is placed only when one reading
 *   remains after the row's sums (readings.ts), else it is left blank and IMPORT-UNPLACED says
 *   why; web page text's run-together digits likewise, with the table's column sums as a last
 *   judge;
 * - values that fit no row are IMPORT-UNPLACED; a labelled row the template does not have goes
 *   to extra_rows (the report's own structure: STRUCT-ROWS reports it); blank layout rows and
 *   header pieces are dropped with a message.
 *
 * One row's cells are read in rowcells.ts, rows are made in rows.ts, and what the column sums
 * decide is in confirm.ts.
 */
import { text } from '../core/messages/define';
import { cellValue, collapseWs, editDistance, stripWs } from './normalize';
import { ANCHOR_MIN, type Alignment, ownLabel, ownScore } from './align';
import { explained, type KnownTexts, stripGroups } from './known';
import { M } from './messages';
import { finding, note, type ImportWarning } from './notes';
import { keepsRow, positions, rowEquations, valuesOf } from './readings';
import { blankOnly, type Frag, labelNorm, labelText, type Segment } from './segments';
import type { RowTemplate, TableTemplate } from './templates';
import { assembleLoose, confirmBySums, decideByColumns } from './confirm';
import { columnPositions, direct, readRow, readRun, decide, type Outcome, type Reading } from './rowcells';
import {
  blankRow,
  type Ctx,
  type ExtraRow,
  filledRow,
  type ImportedRow,
  type ImportedTable,
  pathOf,
  sourceText,
  unplacedRow,
} from './rows';
export type { ImportedRow, ImportedTable } from './rows';

/** A cell's text longer than this is a note or prose, kept as a comment rather than as an extra row's label. */
const MAX_EXTRA_LABEL = 80;
/** Pieces of a wrapped label on each side of its values (PDF text wraps a long label over up to four lines). */
const LABEL_PIECES = 4;

/** A label scoring this well on another row than its slot is a contradiction worth stopping for. */
const MISMATCH_MIN = 0.6;
/** …when the slot scores at least this much less. */
const MISMATCH_MARGIN = 0.15;
/** An unplaced labelled row resembling a template row this much is that row, unread (not an extra row). */
const RESEMBLES = 0.6;

export function place(
  a: Alignment,
  known: KnownTexts,
  frags: Frag[],
  sourceCells: number,
): { table: ImportedTable; warnings: ImportWarning[] } {
  const t = a.template;
  const groups = [...new Set(t.rows.flatMap((r) => r.groupNorms))].sort((x, y) => y.length - x.length);
  const ctx: Ctx = { t, warnings: [], known, groups };
  const rows: ImportedRow[] = [];
  const extra: ExtraRow[] = [];
  const strays: { line: number; text: string }[] = [];
  const assigned = new Set<number>();
  const open: { j: number; s: Segment; label: string; choices: Reading[] }[] = [];
  const unmatched: Segment[] = [];
  const columnsAt = columnPositions(a);
  /** Rows placed by the fragments around their values (no label of their own): the column sums must confirm them. */
  const byContext = new Set<ImportedRow>();
  a.segs.forEach((s, i) => {
    const j = a.match.get(i);
    if (j === undefined) {
      unmatched.push(s);
      return;
    }
    for (const f of s.labels) f.used = true;
    if (j === -1) {
      placeRun(ctx, s, rows, assigned);
      return;
    }
    const r = t.rows[j];
    assigned.add(j);
    const label = publishedLabel(r, s, ctx.groups);
    const mismatch = contradicts(t, s, j, ctx.groups);
    if (mismatch) {
      ctx.warnings.push(
        finding(
          'IMPORT-LABEL-MISMATCH',
          M.labelMismatch,
          { table: t.name, label: labelText(s.labels), slot: r.label, best: mismatch.label },
          { line: s.line, path: pathOf(r), table: t.name, text: sourceText(s.values) },
        ),
      );
      rows.push(blankRow(r, s, label, [text(M.noteNotPlaced, { text: sourceText(s.values) })]));
      return;
    }
    const out = readRow(t, r, s.values, columnsAt.get(r.columns.length));
    if ('ok' in out) {
      // Blank columns of a row read by position, followed by loose values: those may be its cells.
      const next = a.segs[i + 1];
      if (out.ok.positional && next && !next.labels.length && !a.match.has(i + 1))
        out.ok.doubtful = out.ok.values.flatMap((v, k) => (v === null || v === undefined ? [k] : []));
      if (out.ok.positional) out.ok.loose = true;
      const row = filledRow(ctx, r, s, label, out.ok);
      if (!ownLabel(s, ctx.groups)) byContext.add(row);
      rows.push(row);
      return;
    }
    if ('choices' in out) {
      open.push({ j, s, label: label ?? r.label, choices: out.choices });
      return;
    }
    unplacedRow(ctx, r, s, out.why);
    rows.push(blankRow(r, s, label, [text(M.noteNotPlaced, { text: sourceText(s.values) })]));
  });
  decideByColumns(ctx, open, rows);
  const assembled = assembleLoose(ctx, rows, unmatched, assigned, columnsAt);
  unmatched.splice(0, unmatched.length, ...unmatched.filter((x) => !assembled.has(x)));
  confirmBySums(ctx, rows, byContext);
  for (const s of unmatched) leftOver(ctx, s, extra);
  blankRows(ctx, frags, assigned, rows);
  for (const f of frags) {
    if (f.used || explained(f.norm, known.joined)) continue;
    const text = collapseWs(f.text);
    if (!text) continue;
    if (f.fromRow && text.length <= MAX_EXTRA_LABEL) {
      extra.push({ table: t.name, label: text, values: [], line: f.line });
      ctx.warnings.push(note(M.extraRow, { label: text, table: t.name }, { line: f.line, table: t.name }));
    } else {
      strays.push({ line: f.line, text });
      ctx.warnings.push(note(M.strayText, { table: t.name }, { line: f.line, text, table: t.name }, 'warning'));
    }
  }
  const missing = t.rows.filter((_, j) => !assigned.has(j) && !rows.some((x) => x.template === t.rows[j]));
  // A row not found is not read: absent from the report (its defect) or unreadable; the reviewer tells which.
  for (const r of missing) {
    ctx.warnings.push(
      finding(
        'IMPORT-UNPLACED',
        M.rowNotFound,
        { label: r.label, table: t.name },
        { line: a.segs[0]?.line ?? 0, path: pathOf(r), table: t.name },
      ),
    );
  }
  rows.sort((x, y) => t.rows.indexOf(x.template) - t.rows.indexOf(y.template));
  const templateCells = t.rows.reduce((n, r) => n + r.columns.length, 0);
  const cells = rows.reduce((n, r) => n + r.read, 0);
  return {
    table: {
      key: t.key,
      name: t.name,
      format: t.format,
      rows,
      missing,
      extra,
      unplaced: strays,
      cells,
      templateCells,
      sourceCells,
    },
    warnings: ctx.warnings,
  };
}

/**
 * A template row whose label stands in the table with no value after it (a row left blank in
 * text, where blank cells vanish): the row, read as blank.
 */
function blankRows(ctx: Ctx, frags: Frag[], assigned: Set<number>, rows: ImportedRow[]): void {
  const t = ctx.t;
  for (let i = 0; i < frags.length; i++) {
    // A label wrapped over up to three lines: consecutive unused pieces.
    for (let k = i; k < Math.min(i + BLANK_ROW_PIECES, frags.length) && !frags[k].used; k++) {
      const pieces = frags.slice(i, k + 1);
      const own = stripGroups(labelNorm(pieces), ctx.groups);
      if (!own) continue;
      const scores = t.rows.map((r) => ownScore(r, own));
      let b = 0;
      scores.forEach((v, j) => {
        if (v > scores[b]) b = j;
      });
      if (scores[b] < ANCHOR_MIN || assigned.has(b) || rows.some((x) => x.template === t.rows[b])) continue;
      // Only a whole label: a piece of one (PDF text wraps labels) is not a row.
      if (own.length < t.rows[b].norm.length * BLANK_ROW_LABEL) continue;
      for (const f of pieces) f.used = true;
      assigned.add(b);
      const r = t.rows[b];
      rows.push({
        template: r,
        values: r.columns.map(() => null),
        line: frags[i].line,
        notes: [text(M.noteBlankRow)],
        read: r.columns.length,
      });
      break;
    }
  }
}

/** A label standing alone may be wrapped over this many lines. */
const BLANK_ROW_PIECES = 3;
/** A label standing alone must be this much of the row's label to be read as that row, blank. */
const BLANK_ROW_LABEL = 0.9;

/** Does the segment's own label name another row clearly better than its slot? */
function contradicts(t: TableTemplate, s: Segment, j: number, groups: string[]): RowTemplate | undefined {
  const own = ownLabel(s, groups);
  if (!own) return undefined;
  const scores = t.rows.map((r) => ownScore(r, own));
  let b = 0;
  scores.forEach((v, k) => {
    if (v > scores[b]) b = k;
  });
  if (b === j || scores[b] < MISMATCH_MIN || scores[j] >= scores[b] - MISMATCH_MARGIN) return undefined;
  return t.rows[b];
}

/** 表四 read as one run of values in template order (no row labels next to the values). */
function placeRun(ctx: Ctx, s: Segment, rows: ImportedRow[], assigned: Set<number>): void {
  const t = ctx.t;
  const per = t.rows[0].columns.length;
  const need = per * t.rows.length;
  // The run as one long row whose sums are each group's.
  const flat: RowTemplate = {
    ...t.rows[0],
    columns: t.rows.flatMap((r, k) => r.columns.map((c) => ({ ...c, key: `${k}.${c.key}` }))),
  };
  const eqs = t.rows.flatMap((r, k) =>
    rowEquations(
      t.spec,
      r.columns.map((c) => c.key),
    ).map((e) => ({ target: e.target + k * per, operands: e.operands.map((o) => o + k * per) })),
  );
  const cells = s.values.filter((v) => !v.merged);
  let out: Outcome;
  if (cells.some((c) => c.run)) out = readRun(cells, need, eqs);
  else if (cells.length === need) out = { ok: direct(flat, cells) };
  else {
    const texts = cells.map((c) => c.text);
    const fits =
      cells.length < need
        ? positions(cells.length, need).map((pos) => {
            const row: (string | undefined)[] = new Array(need).fill(undefined);
            pos.forEach((p, k) => {
              row[p] = texts[k];
            });
            return row;
          })
        : positions(need, cells.length).map((keep) => keep.map((k) => texts[k]));
    out = decide(
      fits
        .filter((row) => keepsRow(valuesOf(row), eqs))
        .map((row) => ({
          values: valuesOf(row),
          read: Math.min(need, cells.length),
          notes: [text(M.noteBySums, { count: cells.length, n: need })],
        })),
    );
  }
  for (let k = 0; k < t.rows.length; k++) assigned.add(k);
  if (!('ok' in out)) {
    ctx.warnings.push(
      finding(
        'IMPORT-UNPLACED',
        M.groupRunUnplaced,
        { table: t.name, need, count: cells.length },
        { line: s.line, path: t.key, table: t.name, text: sourceText(cells) },
      ),
    );
    for (const r of t.rows) rows.push(blankRow(r, s, undefined, [text(M.noteNotPlaced, { text: sourceText(cells) })]));
    return;
  }
  const reading = out.ok;
  t.rows.forEach((r, k) => {
    const values = reading.values.slice(k * per, (k + 1) * per).map((v) => v ?? null);
    rows.push({ template: r, values, line: s.line, notes: k === 0 ? reading.notes : [], read: per });
  });
}

/** A segment no row took: layout residue, values that fit nowhere, an unread template row, or a row the template lacks. */
function leftOver(ctx: Ctx, s: Segment, extra: ExtraRow[]): void {
  const t = ctx.t;
  const label = labelText(s.labels);
  const norm = labelNorm(s.labels);
  for (const f of s.labels) f.used = true;
  const blank = blankOnly(s);
  if (blank && (!label || explained(norm, ctx.known.joined))) {
    if (!label && s.values.filter((v) => !v.merged).length >= 2)
      ctx.warnings.push(note(M.layoutResidue, { count: s.values.length }, { line: s.line, table: t.name }));
    return;
  }
  const own = ownLabel(s, ctx.groups);
  const like = own ? t.rows.reduce((b, r) => (ownScore(r, own) > ownScore(b, own) ? r : b), t.rows[0]) : undefined;
  if (!label || (like && ownScore(like, own) >= Math.min(RESEMBLES, ANCHOR_MIN))) {
    if (blank) return;
    ctx.warnings.push(
      finding(
        'IMPORT-UNPLACED',
        label ? M.rowUnplaced : M.valuesUnlabelled,
        { label, table: t.name, like: like?.label ?? '' },
        { line: s.line, path: like && label ? pathOf(like) : t.key, table: t.name, text: sourceText(s.values) },
      ),
    );
    return;
  }
  const values = s.values.filter((v) => !v.merged).map((v) => cellValue(v.text).value);
  extra.push({ table: t.name, label, values, line: s.line });
  ctx.warnings.push(note(M.extraRow, { label, table: t.name }, { line: s.line, table: t.name, text: sourceText(s.values) }));
}

/**
 * The row label as printed: the fragments around the segment (and its own label cells) whose
 * concatenation is closest to the template label, skipping pieces of group labels
 * interleaved by PDF text. Marks the fragments used.
 */
function publishedLabel(r: RowTemplate, s: Segment, groups: string[]): string | undefined {
  const pre = s.pre.slice(-LABEL_PIECES);
  const post = s.post.slice(0, LABEL_PIECES);
  const F = [...pre, ...s.labels, ...post];
  if (!F.length) return undefined;
  const firstOwn = s.labels.length ? pre.length : -1;
  const lastOwn = s.labels.length ? pre.length + s.labels.length - 1 : -1;
  const isGroupPiece = (f: Frag) =>
    !r.norm.includes(f.norm) && (r.groupNorms.some((g) => g.includes(f.norm)) || groups.some((g) => g === f.norm));
  let best: { d: number; a: number; b: number; text: string } | undefined;
  for (let a0 = 0; a0 < F.length; a0++) {
    for (let b0 = a0; b0 < F.length; b0++) {
      if (firstOwn >= 0 && (a0 > firstOwn || b0 < lastOwn)) continue;
      const kept = F.slice(a0, b0 + 1).filter((f) => !isGroupPiece(f));
      if (!kept.length) continue;
      const norm = kept.map((f) => f.norm).join('');
      const d = editDistance(norm, r.norm);
      if (!best || d < best.d || (d === best.d && b0 - a0 < best.b - best.a))
        best = { d, a: a0, b: b0, text: kept.map((f) => stripWs(f.text)).join('') };
    }
  }
  if (!best) return undefined;
  // Only claim fragments outside the own cells when they bring the label closer.
  const ownNorm = s.labels
    .filter((f) => !isGroupPiece(f))
    .map((f) => f.norm)
    .join('');
  if (s.labels.length && editDistance(ownNorm, r.norm) <= best.d) {
    return (
      s.labels
        .filter((f) => !isGroupPiece(f))
        .map((f) => stripWs(f.text))
        .join('') || undefined
    );
  }
  for (const f of F.slice(best.a, best.b + 1)) f.used = true;
  return best.text;
}

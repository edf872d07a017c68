/**
 * The fix guarantees of SPEC.md §6 (fix policy) and the range rules, as one check of a report
 * text: core check, every quick fix and fix-all. `checkCase` throws a `Violation` naming the
 * first property that fails; the fuzz test, the fuzz script and the fixture replay share it.
 */
import { isDeepStrictEqual } from 'node:util';
import { Parser, parseDocument } from 'yaml';
import { commentsOf as commentTokensOf } from '../../core/parse/comments';
import { composeFast, YAML_OPTIONS } from '../../core/parse/compose';
import { scanDocument } from '../../core/parse/scan';
import { MAX_ALIAS_COUNT } from '../../core/parse/parse';
import { treeDifference } from './yamlTree';
import {
  applyEdits,
  checkText,
  fixAll,
  fixesFor,
  loadReport,
  type CheckResult,
  type Diagnostic,
  type Report,
  type TextEdit,
} from '../../core';
import { CellReader } from '../../core/model/cellReader';
import type { Cell } from '../../core/model/cells';
import { formatOfReport } from '../../core/model/meta';
import { leafRows } from '../../core/rules/tables/relations';
import { tablesOf } from '../../core/schema/tables';

/**
 * CPU time allowed for one case (check, quick fixes, fix-all twice; a case takes 20–300 ms).
 * CPU time, not wall time: on a shared machine a case may wait seconds for a core, but a loop
 * that does not end burns CPU.
 */
export const CASE_LIMIT_MS = 2000;

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export class Violation extends Error {
  constructor(
    readonly property: string,
    detail: string,
  ) {
    super(`${property}: ${detail}`);
  }
}

function must(ok: boolean, property: string, detail: () => string): asserts ok {
  if (!ok) throw new Violation(property, detail());
}

/** Line starts and lengths (without their CR/LF), computed here independently of core/text/lines.ts. */
function linesOf(text: string): { starts: number[]; lengths: number[] } {
  const starts = [0];
  const lengths: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') {
      lengths.push(i - starts[starts.length - 1]);
      if (c === '\r' && text[i + 1] === '\n') i++;
      starts.push(i + 1);
    }
  }
  lengths.push(text.length - starts[starts.length - 1]);
  return { starts, lengths };
}

function positionOf(lines: { starts: number[]; lengths: number[] }, offset: number): { line: number; character: number } {
  let line = 0;
  while (line + 1 < lines.starts.length && lines.starts[line + 1] <= offset) line++;
  return { line, character: Math.min(offset - lines.starts[line], lines.lengths[line]) };
}

type Ranged = { span: { start: number; end: number }; range: Diagnostic['range'] };

function checkRange(text: string, lines: ReturnType<typeof linesOf>, what: string, r: Ranged): void {
  const { span, range } = r;
  must(
    0 <= span.start && span.start <= span.end && span.end <= text.length,
    'span inside the document',
    () => `${what} ${JSON.stringify(span)}`,
  );
  for (const [end, p] of [
    ['start', range.start],
    ['end', range.end],
  ] as const) {
    must(p.line >= 0 && p.line < lines.starts.length, 'range inside the document', () => `${what} ${end} ${JSON.stringify(p)}`);
    must(
      p.character >= 0 && p.character <= lines.lengths[p.line],
      'range inside its line',
      () => `${what} ${end} ${JSON.stringify(p)}, line length ${lines.lengths[p.line]}`,
    );
  }
  const order = range.start.line - range.end.line || range.start.character - range.end.character;
  must(order <= 0, 'range start before end', () => `${what} ${JSON.stringify(range)}`);
  const s = positionOf(lines, span.start);
  must(
    s.line === range.start.line && s.character === range.start.character,
    'range matches span',
    () => `${what} span ${JSON.stringify(span)} starts at ${JSON.stringify(s)}, range ${JSON.stringify(range)}`,
  );
}

/** Every table cell of a report with an editable token, by the span an edit replaces. */
function cellsBySpan(report: Report): Map<string, Cell> {
  const out = new Map<string, Cell>();
  if (report.fatal) return out;
  const format = formatOfReport(report);
  if (!format) return out;
  const reader = new CellReader(report, format);
  for (const table of tablesOf(format))
    for (const row of leafRows(report, table))
      for (const col of row.columns) {
        const cell = reader.cell([...row.path, col.key]);
        if (cell.editSpan) out.set(`${cell.editSpan.start}:${cell.editSpan.end}`, cell);
      }
  return out;
}

/** The value an edit writes (without the `: ` or ` ` it may add after a key). */
const writtenValue = (e: TextEdit) => e.newText.replace(/^:? /, '');

/** An edit replaces one cell's value token with a value that cell may hold. */
function checkEdit(text: string, cells: Map<string, Cell>, what: string, e: TextEdit): void {
  must(
    e.span.start >= 0 && e.span.start <= e.span.end && e.span.end <= text.length,
    'edit inside the document',
    () => `${what} ${JSON.stringify(e.span)}`,
  );
  must(!/[\r\n]/.test(e.newText), 'edit stays on its line', () => `${what} ${JSON.stringify(e.newText)}`);
  const cell = cells.get(`${e.span.start}:${e.span.end}`);
  must(
    cell !== undefined,
    'edit replaces a cell value token',
    () => `${what} replaces ${JSON.stringify(text.slice(e.span.start, e.span.end))} at ${e.span.start}`,
  );
  const v = writtenValue(e);
  const n = Number(v);
  if (cell.kind === 'count')
    must(/^(0|[1-9]\d*)$/.test(v) && Number.isSafeInteger(n), 'count cells get safe non-negative integers', () => `${what} ${v}`);
  else if (cell.kind === 'signed')
    must(/^-?(0|[1-9]\d*)$/.test(v) && Number.isSafeInteger(n), 'signed cells get safe integers', () => `${what} ${v}`);
  else if (cell.kind === 'money_wan')
    must(/^\d+(\.\d+)?$/.test(v) && Number.isFinite(n), 'amounts get plain numbers', () => `${what} ${v}`);
  // A zero needs no unit (the cell rules accept a bare 0: nothing is ambiguous about it).
  else
    must(
      v === '0' || /^\{value: \d+(\.\d+)?, unit: 万?元\}$/.test(v),
      'amounts with a unit get {value, unit}',
      () => `${what} ${v}`,
    );
}

function overlapping(edits: readonly TextEdit[]): boolean {
  const s = [...edits].sort((a, b) => a.span.start - b.span.start);
  return s.some((e, i) => i > 0 && (e.span.start < s[i - 1].span.end || e.span.start === s[i - 1].span.start));
}

const errors = (r: CheckResult) => r.diagnostics.filter((d) => d.severity === 'error').length;
const editKey = (edits: readonly TextEdit[]) =>
  edits
    .map((e) => `${e.span.start}:${e.span.end}=${e.newText}`)
    .sort()
    .join('|');

/** The source of every comment token, in order (YAML's own reading, so `#` in strings is not one). */
export function commentsOf(text: string): string[] {
  const out: string[] = [];
  const visit = (t: unknown): void => {
    if (!t || typeof t !== 'object') return;
    const tok = t as { type?: string; source?: string };
    if (tok.type === 'comment' && typeof tok.source === 'string') out.push(tok.source);
    for (const v of Object.values(t)) {
      if (Array.isArray(v)) for (const x of v) visit(x);
      else if (v && typeof v === 'object') visit(v);
    }
  };
  // A lone CR is a line break to the checker (core/parse/parse.ts); YAML alone would read on.
  for (const tok of new Parser().parse(text.replace(/\r(?!\n)/g, '\n'))) visit(tok);
  return out;
}

function checkQuickFixes(text: string, result: CheckResult): void {
  let cells: Map<string, Cell> | undefined;
  for (const d of result.diagnostics) {
    const fixes = fixesFor(result, d);
    const seen = new Set<string>();
    for (const f of fixes) {
      const what = `quick fix "${f.title['zh-CN']}" for ${d.code} ${d.data.path}`;
      must(f.edits.length > 0, 'a quick fix edits something', () => what);
      must(!overlapping(f.edits), 'quick fix edits do not overlap', () => what);
      must(applyEdits(text, f.edits) !== text, 'every quick fix changes the text', () => what);
      cells ??= cellsBySpan(result.report);
      for (const e of f.edits) checkEdit(text, cells, what, e);
      const key = editKey(f.edits);
      must(!seen.has(key) && !seen.has(f.title['zh-CN']), 'no duplicate fixes', () => what);
      seen.add(key);
      seen.add(f.title['zh-CN']);
    }
  }
}

/** Replays fix-all round by round from what it reports: the reported edits must be the edits made. */
function checkFixAll(text: string, before: CheckResult, fixed: ReturnType<typeof fixAll>): void {
  must(errors(fixed.result) <= errors(before), 'fix-all never adds errors', () => `${errors(before)} → ${errors(fixed.result)}`);
  let current = text;
  const rounds = [...new Set(fixed.applied.map((a) => a.round))].sort((a, b) => a - b);
  for (const r of rounds) {
    const applied = fixed.applied.filter((a) => a.round === r);
    const edits = applied.flatMap((a) => a.edits);
    must(!overlapping(edits), 'fix-all edits do not overlap', () => `round ${r}: ${editKey(edits)}`);
    const cells = cellsBySpan(loadReport(current));
    for (const a of applied) {
      const what = `fix-all round ${r} "${a.title['zh-CN']}" for ${a.code}`;
      for (const e of a.edits) {
        checkEdit(current, cells, what, e);
        must(current.slice(e.span.start, e.span.end) !== e.newText, 'fix-all reports no no-op edit', () => what);
      }
    }
    current = applyEdits(current, edits);
  }
  must(current === fixed.text, 'fix-all reports exactly the edits it made', () => `${fixed.applied.length} reported edits`);
  if (!fixed.applied.length) return;
  must(
    JSON.stringify(commentsOf(text)) === JSON.stringify(commentsOf(fixed.text)),
    'fix-all keeps every comment',
    () => 'comments differ',
  );
  const again = fixAll(fixed.text);
  must(
    again.text === fixed.text && again.applied.length === 0,
    'fix-all is idempotent',
    () => `a second run applies ${again.applied.map((a) => a.title['zh-CN']).join('; ')}`,
  );
}

/** The report's plain value is the one the yaml library makes (core/parse/plainValue.ts makes it its own way). */
function checkValue(report: Report): void {
  if (!report.doc || report.value === undefined) return;
  let expected: unknown;
  try {
    expected = report.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return; // an alias bomb: the report has no value (a finding says why)
  }
  must(
    isDeepStrictEqual(report.value, expected),
    "the report's value is the yaml library's",
    () => `${JSON.stringify(report.value)?.slice(0, 300)} ≠ ${JSON.stringify(expected)?.slice(0, 300)}`,
  );
}

/**
 * The documents composed by the line scan (core/parse/scan.ts) and from the CST
 * (core/parse/compose.ts) are the library's: when either fast way takes a text, the library
 * reports nothing and makes the same nodes; the scan also gives the same document range and the
 * same comments.
 */
function checkComposition(src: string): void {
  const tokens = [...new Parser().parse(src)];
  const scanned = scanDocument(src);
  const composed = composeFast(tokens);
  if (!scanned && !composed) return;
  const lib = parseDocument(src, YAML_OPTIONS);
  const reported = [...lib.errors, ...lib.warnings].map((e) => e.code);
  must(reported.length === 0, 'the fast compositions take only what the library takes without a finding', () =>
    reported.join(', '),
  );
  if (composed) {
    const d = treeDifference(composed.contents, lib.contents);
    must(d === undefined, "the composition from the CST makes the library's nodes", () => d!);
  }
  if (scanned) {
    const d = treeDifference(scanned.doc.contents, lib.contents);
    must(d === undefined, "the line scan makes the library's nodes", () => d!);
    must(
      JSON.stringify(scanned.doc.range) === JSON.stringify(lib.range),
      "the line scan gives the library's document range",
      () => `${JSON.stringify(scanned.doc.range)} vs ${JSON.stringify(lib.range)}`,
    );
    const comments = JSON.stringify(commentTokensOf(tokens));
    must(
      JSON.stringify(scanned.comments) === comments,
      "the line scan finds the CST's comments",
      () => `${JSON.stringify(scanned.comments)} vs ${comments}`,
    );
  }
}

/** Checks one text against every property; returns the CPU milliseconds it took. */
export function checkCase(text: string, limitMs = CASE_LIMIT_MS): number {
  const t0 = cpuMs();
  let fixed: ReturnType<typeof fixAll>;
  let before: CheckResult;
  try {
    fixed = fixAll(text);
    // With nothing applied, fix-all's final check is the check of the text itself.
    before = fixed.applied.length ? checkText(text) : fixed.result;
  } catch (e) {
    throw new Violation('no exception', e instanceof Error ? (e.stack ?? e.message) : String(e));
  }
  const report = loadReport(text);
  checkValue(report);
  // The text as the core parses it (a lone CR read as LF).
  checkComposition(report.text);
  const lines = linesOf(text);
  for (const d of [...before.diagnostics, ...before.suppressed.map((s) => s.diagnostic)]) {
    checkRange(text, lines, `${d.code} ${d.data.path}`, d);
    for (const rel of d.related ?? []) if (!rel.uri && !rel.file) checkRange(text, lines, `${d.code} related ${rel.path}`, rel);
  }
  try {
    checkQuickFixes(text, before);
    checkFixAll(text, before, fixed);
  } catch (e) {
    if (e instanceof Violation) throw e;
    throw new Violation('no exception', e instanceof Error ? (e.stack ?? e.message) : String(e));
  }
  const ms = cpuMs() - t0;
  must(ms < limitMs, 'bounded time per case', () => `${ms.toFixed(0)} ms of CPU`);
  return ms;
}

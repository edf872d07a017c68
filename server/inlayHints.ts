/**
 * Inlay hints: the computed sum beside a total (setting inlayHints.sums: `mismatch` reads the
 * failing T3-SUM-H / T3-SUM-V / T4-SUM diagnostics' data; `always` reads every sum relation),
 * the Chinese column name before each value of a flow-map table row (inlayHints.columnNames),
 * and (unless inlayHints.sums is `off`) on a row too wide to read (表三's seven columns and its
 * label comment) the row's total before its values, so the 总计 at the far right is seen
 * without scrolling (kind Type; the sums are kind Parameter).
 */
import type { InlayHint, InlayHintParams, Position, Range } from 'vscode-languageserver/node';
import { InlayHintKind } from 'vscode-languageserver/node';
import { isMap, isPair, isSeq, type Node } from 'yaml';
import { say, UI, type Locale } from '../core';
import { CellReader } from '../core/model/cellReader';
import { leafRows } from '../core/rules/tables/relations';
import { cellSpecAt, tablesOf } from '../core/schema/tables';
import type { Analysis } from './documents';
import { keyText } from './position';
import { sumsOf } from './sums';

const before = (p: Position, q: Position) => p.line < q.line || (p.line === q.line && p.character < q.character);
const inRange = (p: Position, r: Range) => !before(p, r.start) && !before(r.end, p);

export function inlayHints(a: Analysis, params: InlayHintParams): InlayHint[] {
  const out: InlayHint[] = [];
  const { sums, columnNames } = a.settings.settings.inlayHints;
  const locale = a.settings.locale;
  if (sums === 'mismatch') out.push(...mismatchHints(a, locale));
  else if (sums === 'always') out.push(...alwaysHints(a, locale));
  if (columnNames) out.push(...columnHints(a));
  if (sums !== 'off') out.push(...wideRowHints(a, locale));
  return out
    .filter((h) => inRange(h.position, params.range))
    .sort((p, q) => (before(p.position, q.position) ? -1 : before(q.position, p.position) ? 1 : 0));
}

/** `列和 2`, or `列和 ≥2` when some operands are blank (the total can only be larger). */
const sumLabel = (row: boolean, value: number, blanks: number, locale: Locale) =>
  say(locale, row ? UI.hintSumRow : UI.hintSumColumn, { value: blanks ? `≥${value}` : String(value) });

function mismatchHints(a: Analysis, locale: Locale): InlayHint[] {
  return a.result.diagnostics.flatMap((d) => {
    if (d.code !== 'T3-SUM-H' && d.code !== 'T3-SUM-V' && d.code !== 'T4-SUM') return [];
    return [
      {
        position: d.range.end,
        label: sumLabel(d.data.row !== undefined, d.data.computed, d.data.unknown.length, locale),
        kind: InlayHintKind.Parameter,
        tooltip: d.message[locale],
        paddingLeft: true,
      },
    ];
  });
}

function alwaysHints(a: Analysis, locale: Locale): InlayHint[] {
  const report = a.result.report;
  const reader = new CellReader(report, a.format);
  const out: InlayHint[] = [];
  for (const infos of sumsOf(a).values()) {
    for (const s of infos) {
      const cell = reader.cell(s.target);
      if (cell.state === 'missing') continue;
      out.push({
        position: report.lines.position(cell.span.end),
        label: `${sumLabel(s.each === 'row', s.computed, s.blanks, locale)} ${s.ok ? '✓' : '✗'}`,
        kind: InlayHintKind.Parameter,
        paddingLeft: true,
      });
    }
  }
  return out;
}

/** A line longer than this (columns) has its total shown at its start: wider than an editor half of a laptop screen. */
const WIDE_LINE = 100;

/** `new_received: 总计 12 ▸ {natural: …, total: 12}` for flow-map rows on lines wider than WIDE_LINE. */
function wideRowHints(a: Analysis, locale: Locale): InlayHint[] {
  const report = a.result.report;
  if (report.fatal || !report.root) return [];
  const reader = new CellReader(report, a.format);
  const out: InlayHint[] = [];
  for (const table of tablesOf(a.format)) {
    for (const row of leafRows(report, table)) {
      const total = row.columns.find((c) => c.total);
      if (!total || row.columns.length < 2) continue;
      const cell = reader.cell([...row.path, total.key]);
      // A blank total says nothing yet: no hint (a new report's rows stay quiet).
      if (cell.state !== 'number') continue;
      const at = report.lines.position(cell.span.start);
      const line = report.lines.lineStart(at.line);
      const lineEnd = report.lines.lineEnd(at.line);
      if (lineEnd - line <= WIDE_LINE) continue;
      const open = a.text.indexOf('{', line);
      if (open < 0 || open > cell.span.start) continue; // not a one-line flow map
      const value = String(cell.value);
      out.push({
        position: report.lines.position(open),
        label: say(locale, UI.hintRowTotal, { label: total.label, value }),
        kind: InlayHintKind.Type,
        paddingRight: true,
      });
    }
  }
  return out;
}

/** `{natural: 0, …}` → `{natural: 自然人 0, …}` for every flow-map row of a table. */
function columnHints(a: Analysis): InlayHint[] {
  const report = a.result.report;
  const root = report.doc?.contents as Node | null | undefined;
  const out: InlayHint[] = [];
  const visit = (node: Node | null, path: string[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = keyText(pair.key);
        const value = pair.value as Node | null;
        const spec = node.flow ? cellSpecAt(a.format, [...path, key]) : undefined;
        if (spec) {
          const keyEnd = (pair.key as Node | null)?.range?.[1];
          const at =
            value?.range && value.range[1] > value.range[0]
              ? value.range[0]
              : keyEnd !== undefined
                ? colonAfter(report.text, keyEnd)
                : undefined;
          if (at !== undefined)
            out.push({
              position: report.lines.position(at),
              label: spec.label,
              kind: InlayHintKind.Parameter,
              paddingRight: true,
            });
        } else visit(value, [...path, key]);
      }
    } else if (isSeq(node))
      node.items.forEach((item, i) => {
        visit(item as Node | null, [...path, String(i)]);
      });
  };
  if (root) visit(root, []);
  return out;
}

function colonAfter(text: string, offset: number): number {
  const c = text.indexOf(':', offset);
  return c >= 0 ? c + 1 : offset;
}

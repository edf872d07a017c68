/**
 * Checks across years (SPEC.md §6): this year's report against the same organ's report for
 * the year before. Pure: the caller pairs the reports (core/crossyear: organ identity).
 *
 *   X-CARRY    表三 二、上年结转 (Y) = 四、结转下年度继续办理 (Y−1), column by column (warning)
 *   X-INFORCE  现行有效件数 (Y) = 现行有效件数 (Y−1) + 本年制发件数 (Y) − 本年废止件数 (Y),
 *              both years in the 2021 format (warning; info when the gap is within 本年制发件数,
 *              because 制发 may count amendments of documents already in force — SPEC.md §6, S15)
 *   X-ITEMS-19 上一年项目数量 (Y) = 上一年项目数量 (Y−1) + 本年增/减 (Y−1), both 2019 format (warning)
 *   X-19-CUM   对外公开总数量 (Y) ≥ 对外公开总数量 (Y−1), both 2019 format (info)
 *   X-REUSE    a narrative section repeats last year's beyond a threshold (reuse.ts)
 *
 * Every finding sits on this year's cell; `related` points at last year's cell (with the other
 * document's `uri`/`file`).
 */
import { assumedFormat } from '../../facts/formats';
import { text, type Message } from '../../messages/define';
import { known, type Cell } from '../../model/cells';
import { CellReader, pathKey } from '../../model/cellReader';
import { metaOf } from '../../model/meta';
import type { Report } from '../../model/report';
import { makeDiagnostic, type EmitOptions } from '../../diagnostic';
import { cellName, labelAt } from '../../schema/labels';
import { tableOf } from '../../schema/tables';
import type { Diagnostic, FormatId, RelatedInfo } from '../../types';
import type { CheckOptions } from '../options';
import type { RuleSpec } from '../spec';
import { checkReuse } from './reuse';
import { X_19_CUM, X_CARRY, X_INFORCE, X_ITEMS_19, messages, type CrossYearData } from './specs';

/** Where last year's report came from (for related information and quick fixes). */
export interface PreviousRef {
  uri?: string;
  file?: string;
}

/** The findings of one pair (this year, last year), before settings and suppressions. */
export function checkPair(
  current: Report,
  prev: Report,
  year: number,
  ref: PreviousRef,
  options: CheckOptions = {},
): Diagnostic[] {
  const pair = new Pair(current, prev, year, ref);
  pair.carry();
  pair.inForce();
  pair.items19();
  pair.cumulative19();
  return [...pair.out, ...checkReuse(current, prev, year, ref, options)];
}

class Pair {
  readonly out: Diagnostic[] = [];
  private readonly fmt: FormatId;
  private readonly lastFmt: FormatId;
  private readonly cur: CellReader;
  private readonly last: CellReader;

  constructor(
    readonly report: Report,
    readonly prev: Report,
    readonly year: number,
    readonly ref: PreviousRef,
  ) {
    this.fmt = assumedFormat({ format: report.format, year });
    this.lastFmt = assumedFormat({ format: prev.format, year: metaOf(prev).year ?? year - 1 });
    this.cur = new CellReader(report, this.fmt);
    this.last = new CellReader(prev, this.lastFmt);
  }

  /** Rows of a table (this year's format) that have all of `columns`. */
  private rowsWith(table: string, columns: string[]): string[][] {
    const t = tableOf(this.fmt, table);
    if (!t) return [];
    return t.rows.filter((r) => columns.every((c) => r.columns.some((col) => col.key === c))).map((r) => r.path);
  }

  private relatedLast(path: string[], cell: Cell): RelatedInfo {
    return {
      path: pathKey(path),
      span: cell.span,
      range: this.prev.lines.range(cell.span),
      message: text(messages.relatedLast, {
        year: this.year - 1,
        cell: cellName(this.lastFmt, path),
        path: path.join('.'),
        value: String(cell.value),
      }),
      ...(this.ref.uri !== undefined ? { uri: this.ref.uri } : {}),
      ...(this.ref.file !== undefined ? { file: this.ref.file } : {}),
    };
  }

  private relatedHere(path: string[], cell: Cell): RelatedInfo {
    return {
      path: pathKey(path),
      span: cell.span,
      range: this.report.lines.range(cell.span),
      message: text(messages.relatedHere, { cell: cellName(this.fmt, path), path: path.join('.'), value: String(cell.value) }),
    };
  }

  private emit<A extends Record<string, string | number | undefined>>(
    rule: RuleSpec<string, CrossYearData>,
    m: Message<A>,
    args: A,
    here: Cell,
    lastPath: string[],
    lastCell: Cell,
    expected: number | undefined,
    related: RelatedInfo[],
    opts: EmitOptions & { extra?: Partial<CrossYearData> } = {},
  ): void {
    const data: CrossYearData = {
      path: pathKey(here.path),
      lastPath: pathKey(lastPath),
      thisYear: here.value,
      lastYear: lastCell.value,
      year: this.year,
      previousYear: this.year - 1,
      lastFile: this.ref.file ?? this.ref.uri,
      lastUri: this.ref.uri,
      ...(expected !== undefined ? { expected } : {}),
      ...opts.extra,
    };
    this.out.push(makeDiagnostic(this.report.lines, rule, m, args, here.span, data, { severity: opts.severity, related }));
  }

  /** X-CARRY: 上年结转 = last year's 结转下年度继续办理, per column. */
  carry(): void {
    const row = tableOf(this.fmt, 'applications')?.rows.find((r) => r.rel.length === 1 && r.rel[0] === 'carried_over');
    const lastRow = tableOf(this.lastFmt, 'applications')?.rows.find((r) => r.rel.length === 1 && r.rel[0] === 'carry_forward');
    if (!row || !lastRow) return;
    for (const col of row.columns) {
      if (!lastRow.columns.some((c) => c.key === col.key)) continue;
      const here = this.cur.cell([...row.path, col.key]);
      const lastPath = [...lastRow.path, col.key];
      const there = this.last.cell(lastPath);
      if (!known(here) || !known(there) || here.value === there.value) continue;
      const args = {
        cell: cellName(this.fmt, here.path),
        value: here.value!,
        lastYear: this.year - 1,
        lastCell: cellName(this.lastFmt, lastPath),
        expected: there.value!,
      };
      this.emit(X_CARRY, messages.carry, args, here, lastPath, there, there.value, [this.relatedLast(lastPath, there)]);
    }
  }

  /** X-INFORCE: in force (Y) = in force (Y−1) + issued (Y) − repealed (Y); both 2021 format. */
  inForce(): void {
    if (this.fmt !== '2021' || this.lastFmt !== '2021') return;
    for (const row of this.rowsWith('active_disclosure', ['issued', 'repealed', 'in_force'])) {
      const here = this.cur.cell([...row, 'in_force']);
      const issued = this.cur.cell([...row, 'issued']);
      const repealed = this.cur.cell([...row, 'repealed']);
      const lastPath = [...row, 'in_force'];
      const there = this.last.cell(lastPath);
      if (![here, issued, repealed, there].every(known)) continue;
      const expected = there.value! + issued.value! - repealed.value!;
      if (here.value === expected || expected < 0) continue;
      // 制发 may count amendments of documents already in force: a shortfall up to 本年制发件数 is plausible.
      const soft = here.value! < expected && here.value! >= expected - issued.value!;
      this.emit(
        X_INFORCE,
        messages.inforce,
        {
          cell: cellName(this.fmt, here.path),
          value: here.value!,
          lastYear: this.year - 1,
          last: there.value!,
          issued: issued.value!,
          repealed: repealed.value!,
          expected,
          soft: soft ? 1 : undefined,
          issuedName: labelAt(this.fmt, issued.path),
          repealedName: labelAt(this.fmt, repealed.path),
        },
        here,
        lastPath,
        there,
        expected,
        [this.relatedLast(lastPath, there), this.relatedHere(issued.path, issued), this.relatedHere(repealed.path, repealed)],
        { severity: soft ? 'info' : undefined, extra: { soft } },
      );
    }
  }

  /** X-ITEMS-19: 上一年项目数量 (Y) = 上一年项目数量 (Y−1) + 本年增/减 (Y−1); both 2019 format. */
  items19(): void {
    if (this.fmt !== '2019' || this.lastFmt !== '2019') return;
    for (const row of this.rowsWith('active_disclosure', ['prev_items', 'delta'])) {
      const here = this.cur.cell([...row, 'prev_items']);
      const lastPath = [...row, 'prev_items'];
      const there = this.last.cell(lastPath);
      const delta = this.last.cell([...row, 'delta']);
      if (![here, there].every(known) || delta.state !== 'number' || !Number.isSafeInteger(delta.value)) continue;
      const expected = there.value! + delta.value!;
      if (here.value === expected || expected < 0) continue;
      this.emit(
        X_ITEMS_19,
        messages.items19,
        {
          cell: cellName(this.fmt, here.path),
          value: here.value!,
          lastYear: this.year - 1,
          last: there.value!,
          delta: delta.value!,
          expected,
          prevName: labelAt(this.lastFmt, lastPath),
          deltaName: labelAt(this.lastFmt, delta.path),
        },
        here,
        lastPath,
        there,
        expected,
        [this.relatedLast(lastPath, there), this.relatedLast(delta.path, delta)],
      );
    }
  }

  /** X-19-CUM: 对外公开总数量 never falls; both 2019 format. */
  cumulative19(): void {
    if (this.fmt !== '2019' || this.lastFmt !== '2019') return;
    for (const row of this.rowsWith('active_disclosure', ['total_public'])) {
      const path = [...row, 'total_public'];
      const here = this.cur.cell(path);
      const there = this.last.cell(path);
      if (![here, there].every(known) || here.value! >= there.value!) continue;
      this.emit(
        X_19_CUM,
        messages.cum19,
        {
          cell: cellName(this.fmt, here.path),
          value: here.value!,
          lastYear: this.year - 1,
          last: there.value!,
          column: labelAt(this.fmt, path),
        },
        here,
        path,
        there,
        undefined,
        [this.relatedLast(path, there)],
        { extra: { atLeast: there.value } },
      );
    }
  }
}

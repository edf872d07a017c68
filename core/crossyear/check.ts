/**
 * Checks across years (SPEC.md §6): this year's report against the same organ's report for
 * the year before. Pure: the caller supplies the previous report through `findPrevious`.
 *
 *   X-CARRY    表三 二、上年结转 (Y) = 四、结转下年度继续办理 (Y−1), column by column (warning)
 *   X-INFORCE  现行有效件数 (Y) = 现行有效件数 (Y−1) + 本年制发件数 (Y) − 本年废止件数 (Y),
 *              both years in the 2021 format (warning; info when the gap is within 本年制发件数,
 *              because 制发 may count amendments of documents already in force — SPEC.md §6, S15)
 *   X-ITEMS-19 上一年项目数量 (Y) = 上一年项目数量 (Y−1) + 本年增/减 (Y−1), both 2019 format (warning)
 *   X-19-CUM   对外公开总数量 (Y) ≥ 对外公开总数量 (Y−1), both 2019 format (info)
 *
 * Every diagnostic sits on this year's cell; `related` points at last year's cell (with the
 * other document's `uri`/`file`); `data` holds { path, lastPath, thisYear, lastYear, year,
 * previousYear, lastFile, lastUri, expected } — thisYear/lastYear are the two cell values,
 * `expected` the value this year's cell should have (absent for X-19-CUM), which the quick
 * fix in core/fix/crossyear.ts writes.
 */
import { finish } from '../checks/index';
import type { CheckOptions } from '../checks/options';
import { CellReader, pathKey } from '../checks/relations';
import { makeDiagnostic } from '../diagnostic';
import { known, type Cell } from '../model/cells';
import { loadReport, type Report } from '../model/report';
import { cellName, labelAt } from '../schema/labels';
import { tableOf } from '../schema/tables';
import type { Diagnostic, FormatId, RelatedInfo, Severity } from '../types';

/** What a resolver returns: where the previous report lives and its text or loaded report. */
export interface PreviousReport {
  uri?: string;
  file?: string;
  text?: string;
  report?: Report;
}

/** Finds the report of `organKey` (see organKey) for `year`; undefined when there is none. */
export type FindPrevious = (organKey: string, year: number) => PreviousReport | undefined | null;

export interface ReportIdentity {
  organ: string;
  key: string;
  year: number;
}

/** Pairing key of an organ: meta.organ without whitespace (exact otherwise). */
export function organKey(organ: string): string {
  return organ.replace(/\s+/g, '');
}

/** meta.organ and meta.year of a loaded report, when both are usable. */
export function identityOf(report: Report): ReportIdentity | undefined {
  if (report.fatal) return undefined;
  const meta = (report.value as { meta?: { organ?: unknown; year?: unknown } } | undefined)?.meta;
  if (!meta || typeof meta.organ !== 'string' || typeof meta.year !== 'number' || !Number.isInteger(meta.year)) return undefined;
  const key = organKey(meta.organ);
  return key ? { organ: meta.organ, key, year: meta.year } : undefined;
}

/** The format the single-document checks assume (declared or detected, else by year). */
function formatOf(report: Report, year: number): FormatId {
  return report.format ?? (year <= 2020 ? '2019' : '2021');
}

export function checkCrossYear(current: Report, findPrevious: FindPrevious, options: CheckOptions = {}): Diagnostic[] {
  const id = identityOf(current);
  if (!id) return [];
  const ref = findPrevious(id.key, id.year - 1);
  if (!ref) return [];
  const prev = ref.report ?? (ref.text !== undefined ? loadReport(ref.text) : undefined);
  if (!prev) return [];
  const pid = identityOf(prev);
  if (!pid || pid.key !== id.key || pid.year !== id.year - 1) return [];
  const pair = new Pair(current, prev, id.year, ref);
  pair.carry();
  pair.inForce();
  pair.items19();
  pair.cumulative19();
  return finish(current, pair.out, options);
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
    readonly ref: PreviousReport,
  ) {
    this.fmt = formatOf(report, year);
    this.lastFmt = formatOf(prev, year - 1);
    this.cur = new CellReader(report, this.fmt);
    this.last = new CellReader(prev, this.lastFmt);
  }

  /** Rows of a table (this year's format) that have all of `columns`. */
  private rowsWith(table: string, columns: string[], format: FormatId = this.fmt): string[][] {
    const t = tableOf(format, table);
    if (!t) return [];
    return t.rows.filter((r) => columns.every((c) => r.columns.some((col) => col.key === c))).map((r) => r.path);
  }

  private relatedLast(path: string[], cell: Cell): RelatedInfo {
    const name = cellName(this.lastFmt, path);
    return {
      path: pathKey(path),
      span: cell.span,
      range: this.prev.lines.range(cell.span),
      message: {
        'zh-CN': `${this.year - 1}年报告：${name} = ${cell.value}`,
        en: `${this.year - 1} report: ${path.join('.')} = ${cell.value}`,
      },
      ...(this.ref.uri !== undefined ? { uri: this.ref.uri } : {}),
      ...(this.ref.file !== undefined ? { file: this.ref.file } : {}),
    };
  }

  private relatedHere(path: string[], cell: Cell): RelatedInfo {
    return {
      path: pathKey(path),
      span: cell.span,
      range: this.report.lines.range(cell.span),
      message: { 'zh-CN': `${cellName(this.fmt, path)} = ${cell.value}`, en: `${path.join('.')} = ${cell.value}` },
    };
  }

  private emit(
    code: string,
    messageId: string,
    args: Record<string, string | number | undefined>,
    here: Cell,
    lastPath: string[],
    lastCell: Cell,
    expected: number | undefined,
    related: RelatedInfo[],
    severity?: Severity,
    extra: Record<string, unknown> = {},
  ): void {
    const data: Record<string, unknown> = {
      path: pathKey(here.path),
      lastPath: pathKey(lastPath),
      thisYear: here.value,
      lastYear: lastCell.value,
      year: this.year,
      previousYear: this.year - 1,
      lastFile: this.ref.file ?? this.ref.uri,
      lastUri: this.ref.uri,
      ...extra,
    };
    if (expected !== undefined) data.expected = expected;
    const d = makeDiagnostic(
      this.report.lines,
      code,
      messageId,
      { cell: cellName(this.fmt, here.path), value: here.value, lastYear: this.year - 1, ...args },
      here.span,
      data,
      severity,
    );
    d.related = related;
    this.out.push(d);
  }

  /** X-CARRY: 上年结转 = last year's 结转下年度继续办理, per column. */
  carry(): void {
    const t = tableOf(this.fmt, 'applications');
    const lt = tableOf(this.lastFmt, 'applications');
    const row = t?.rows.find((r) => r.rel.length === 1 && r.rel[0] === 'carried_over');
    const lastRow = lt?.rows.find((r) => r.rel.length === 1 && r.rel[0] === 'carry_forward');
    if (!row || !lastRow) return;
    for (const col of row.columns) {
      if (!lastRow.columns.some((c) => c.key === col.key)) continue;
      const here = this.cur.cell([...row.path, col.key]);
      const lastPath = [...lastRow.path, col.key];
      const there = this.last.cell(lastPath);
      if (!known(here) || !known(there) || here.value === there.value) continue;
      this.emit(
        'X-CARRY',
        'x.carry',
        { lastCell: cellName(this.lastFmt, lastPath), expected: there.value },
        here,
        lastPath,
        there,
        there.value,
        [this.relatedLast(lastPath, there)],
      );
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
        'X-INFORCE',
        'x.inforce',
        {
          last: there.value,
          issued: issued.value,
          repealed: repealed.value,
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
        soft ? 'info' : undefined,
        { soft },
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
      if (![here, there].every(known) || delta.state !== 'number' || !Number.isInteger(delta.value)) continue;
      const expected = there.value! + delta.value!;
      if (here.value === expected || expected < 0) continue;
      this.emit(
        'X-ITEMS-19',
        'x.items19',
        {
          last: there.value,
          delta: delta.value,
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
        'X-19-CUM',
        'x.cum19',
        { last: there.value, column: labelAt(this.fmt, path) },
        here,
        path,
        there,
        undefined,
        [this.relatedLast(path, there)],
        undefined,
        { atLeast: there.value },
      );
    }
  }
}

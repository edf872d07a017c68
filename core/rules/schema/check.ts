/**
 * Structure and types with ajv against the format's JSON Schema (compiled from schemas/ at
 * build time), each error mapped to the exact token. Errors on table cells are left to the cell
 * rules, which know blank/text semantics; errors caused by the other format's keys are left to
 * X-FORMAT; a missing section or row is STRUCT-SECTIONS / STRUCT-ROWS.
 */
import type { ErrorObject } from 'ajv';
import * as generated from '../../schema/validators.generated.js';
import { keySpanAt, locate, spanOf } from '../../model/report';
import { topValue } from '../../model/meta';
import { labelAt } from '../../schema/labels';
import { sectionsOf, tableOf } from '../../schema/tables';
import type { FormatId, Span } from '../../types';
import type { CheckContext } from '../context';
import { STRUCT_ROWS, STRUCT_SECTIONS, messages as structMessages } from '../structure/specs';
import { rootAnchor } from '../structure/check';
import { SCHEMA_ENUM, SCHEMA_FORMAT, SCHEMA_RANGE, SCHEMA_REQUIRED, SCHEMA_TYPE, SCHEMA_UNKNOWN, messages } from './specs';

/** Validators compiled from schemas/ at build time (scripts/compile-validators.mjs). */
export function validatorFor(format: FormatId): generated.GeneratedValidator {
  return format === '2019' ? generated.report2019 : generated.report2021;
}

const segs = (pointer: string): string[] =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

const TYPE_ZH: Record<string, string> = {
  integer: '整数',
  number: '数字',
  string: '文字',
  object: '映射（键: 值）',
  array: '列表',
  null: '空',
  boolean: '是/否',
};

function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Is `path` a table cell or inside one (cell rules own those)? */
function isCellPath(format: FormatId, path: string[]): boolean {
  const table = tableOf(format, path[0]);
  if (!table) return false;
  return table.rows.some((r) => r.path.length < path.length && r.path.every((k, i) => k === path[i]));
}

/** Does the node at `path` hold keys that belong only to the other format? */
function holdsForeign(ctx: CheckContext, path: string[], orIs = false): boolean {
  const other = ctx.format === '2019' ? '2021' : '2019';
  return ctx.report.detection.signatures[other].some(
    (sig) => (sig.length > path.length || (orIs && sig.length === path.length)) && path.every((k, i) => sig[i] === k),
  );
}

/** ajv's parameters, by keyword (only the ones read here). */
interface Params {
  missingProperty?: string;
  additionalProperty?: string;
  type?: string;
  allowedValues?: unknown[];
  limit?: unknown;
  pattern?: unknown;
}

export function checkSchema(ctx: CheckContext): void {
  const validate = validatorFor(ctx.format);
  validate(ctx.report.value);
  const seen = new Set<string>();
  for (const err of validate.errors ?? []) {
    const path = segs(err.instancePath);
    const params = err.params as Params;
    const key = `${err.instancePath}|${err.keyword}|${JSON.stringify(err.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (isCellPath(ctx.format, path) || isCellPath(ctx.format, [...path, String(params.missingProperty ?? '')])) {
      if (err.keyword !== 'required' && err.keyword !== 'additionalProperties') continue;
      if (isCellPath(ctx.format, path)) continue; // inside a money cell: the unit rule speaks
    }
    if (err.keyword === 'required' && holdsForeign(ctx, path)) continue;
    if (err.keyword === 'additionalProperties' && holdsForeign(ctx, [...path, String(params.additionalProperty)], true)) continue;
    if (path[0] === 'format' || (path.length === 0 && params.missingProperty === 'format')) continue; // X-FORMAT
    mapError(ctx, err, path, params);
  }
}

function mapError(ctx: CheckContext, err: ErrorObject, path: string[], params: Params): void {
  const { report, format } = ctx;
  const valueSpan = (): Span => spanOf(locate(report, path)?.value) ?? keySpanAt(report, path);
  const label = labelAt(format, path);
  const table = tableOf(format, path[0]);
  const where = path.join('.');
  switch (err.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const full = [...path, missing].join('.');
      const missingLabel = labelAt(format, [...path, missing]);
      const span = path.length ? keySpanAt(report, path) : rootAnchor(ctx);
      if (path.length === 0 && sectionsOf(format).some((s) => s.key === missing))
        ctx.emit(STRUCT_SECTIONS, structMessages.missingSection, { title: missingLabel, key: missing }, span, {
          path: full,
          missing: true,
        });
      else if (table)
        ctx.emit(STRUCT_ROWS, structMessages.missingRow, { table: table.name, label: missingLabel, key: missing }, span, {
          path: full,
          missing: true,
        });
      else
        ctx.emit(SCHEMA_REQUIRED, messages.required, { key: missing, label: missingLabel }, span, { path: full, missing: full });
      return;
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const full = [...path, extra];
      const span = keySpanAt(report, full);
      if (table)
        ctx.emit(
          STRUCT_ROWS,
          structMessages.unknownInTable,
          { table: table.name, key: extra },
          span,
          { path: full.join('.'), extra: true },
          { severity: 'warning' },
        );
      else
        ctx.emit(
          SCHEMA_UNKNOWN,
          messages.unknown,
          {
            key: extra,
            where: path.length ? label : `${format} 格式报告`,
            whereEn: path.length ? where : `a ${format}-format report`,
          },
          span,
          { path: full.join('.'), extra: full.join('.') },
        );
      return;
    }
    case 'type': {
      const expected = String(params.type)
        .split(',')
        .filter((t) => t !== 'null');
      const actual = typeName(valueAt(path, ctx));
      ctx.emit(
        SCHEMA_TYPE,
        messages.type,
        {
          label,
          expected: expected.map((t) => TYPE_ZH[t] ?? t).join('或'),
          expectedEn: expected.join(' or '),
          actual: TYPE_ZH[actual] ?? actual,
          actualEn: actual,
        },
        valueSpan(),
        { path: where, expected, actual },
      );
      return;
    }
    case 'enum': {
      const allowed = (params.allowedValues ?? []).map(String);
      ctx.emit(SCHEMA_ENUM, messages.enum, { label, allowed: [...new Set(allowed)].join(' / ') }, valueSpan(), {
        path: where,
        allowed,
      });
      return;
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const op = err.keyword.includes('inimum') ? ['不小于', 'at least'] : ['不大于', 'at most'];
      ctx.emit(SCHEMA_RANGE, messages.range, { label, op: op[0], opEn: op[1], limit: String(params.limit) }, valueSpan(), {
        path: where,
        limit: params.limit,
      });
      return;
    }
    case 'pattern':
      ctx.emit(SCHEMA_FORMAT, messages.format, { label, format: 'YYYY-MM-DD' }, valueSpan(), {
        path: where,
        pattern: params.pattern,
      });
      return;
    default:
      ctx.emit(SCHEMA_TYPE, messages.other, { label, detail: `${err.instancePath} ${err.message}` }, valueSpan(), {
        path: where,
        keyword: err.keyword,
      });
  }
}

function valueAt(path: string[], ctx: CheckContext): unknown {
  let cur: unknown = path.length ? topValue(ctx.report, path[0]) : ctx.report.value;
  for (const k of path.slice(1)) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined;
  return cur;
}

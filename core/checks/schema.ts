/**
 * Structure and types with ajv against the format's JSON Schema (compiled from schemas/ at build time), each error
 * mapped to the exact token. Errors on table cells are left to the cell rules, which know
 * blank/text semantics; errors caused by the other format's keys are left to X-FORMAT.
 */
import type { ErrorObject } from 'ajv';
import * as generated from '../schema/validators.generated.js';
import { makeDiagnostic } from '../diagnostic';
import { keySpanAt, locate, spanOf } from '../model/report';
import { labelAt } from '../schema/labels';
import { sectionsOf, tableOf } from '../schema/tables';
import type { FormatId, Span } from '../types';
import type { CheckContext } from './context';

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

export function checkSchema(ctx: CheckContext): void {
  const validate = validatorFor(ctx.format);
  validate(ctx.report.value);
  const seen = new Set<string>();
  for (const err of validate.errors ?? []) {
    const path = segs(err.instancePath);
    const key = `${err.instancePath}|${err.keyword}|${JSON.stringify(err.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (
      isCellPath(ctx.format, path) ||
      isCellPath(ctx.format, [...path, String((err.params as { missingProperty?: string }).missingProperty ?? '')])
    ) {
      if (err.keyword !== 'required' && err.keyword !== 'additionalProperties') continue;
      if (isCellPath(ctx.format, path)) continue; // inside a money cell: the unit rule speaks
    }
    if (err.keyword === 'required' && holdsForeign(ctx, path)) continue;
    if (
      err.keyword === 'additionalProperties' &&
      holdsForeign(ctx, [...path, String((err.params as { additionalProperty: string }).additionalProperty)], true)
    )
      continue;
    if (path[0] === 'format' || (path.length === 0 && (err.params as { missingProperty?: string }).missingProperty === 'format'))
      continue; // X-FORMAT
    mapError(ctx, err, path);
  }
}

function mapError(ctx: CheckContext, err: ErrorObject, path: string[]): void {
  const { report, format } = ctx;
  const lines = report.lines;
  const valueSpan = (): Span => spanOf(locate(report, path)?.value) ?? keySpanAt(report, path);
  const label = labelAt(format, path);
  const params = err.params as Record<string, unknown>;
  const inTable = !!tableOf(format, path[0]);
  switch (err.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const full = [...path, missing];
      const missingLabel = labelAt(format, full);
      const span = path.length ? keySpanAt(report, path) : rootAnchor(ctx);
      if (path.length === 0 && sectionsOf(format).some((s) => s.key === missing)) {
        ctx.out.push(
          makeDiagnostic(lines, 'STRUCT-SECTIONS', 'struct.missingSection', { title: missingLabel, key: missing }, span, {
            missing: full.join('.'),
          }),
        );
      } else if (inTable) {
        ctx.out.push(
          makeDiagnostic(
            lines,
            'STRUCT-ROWS',
            'struct.missingRow',
            { table: tableOf(format, path[0])!.name, label: missingLabel, key: missing },
            span,
            { missing: full.join('.') },
          ),
        );
      } else {
        ctx.out.push(
          makeDiagnostic(lines, 'SCHEMA-REQUIRED', 'schema.required', { key: missing, label: missingLabel }, span, {
            missing: full.join('.'),
          }),
        );
      }
      return;
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const full = [...path, extra];
      const span = keySpanAt(report, full);
      if (inTable) {
        ctx.out.push(
          makeDiagnostic(
            lines,
            'STRUCT-ROWS',
            'struct.unknownInTable',
            { table: tableOf(format, path[0])!.name, key: extra },
            span,
            { extra: full.join('.') },
            'warning',
          ),
        );
      } else {
        const where = path.length ? label : `${format} 格式报告`;
        ctx.out.push(
          makeDiagnostic(
            lines,
            'SCHEMA-UNKNOWN',
            'schema.unknown',
            { key: extra, where, whereEn: path.length ? path.join('.') : `a ${format}-format report` },
            span,
            { extra: full.join('.') },
          ),
        );
      }
      return;
    }
    case 'type': {
      const expected = String(params.type)
        .split(',')
        .filter((t) => t !== 'null');
      const actual = typeName(valueAt(report.value, path));
      ctx.out.push(
        makeDiagnostic(
          lines,
          'SCHEMA-TYPE',
          'schema.type',
          {
            label,
            expected: expected.map((t) => TYPE_ZH[t] ?? t).join('或'),
            expectedEn: expected.join(' or '),
            actual: TYPE_ZH[actual] ?? actual,
            actualEn: actual,
          },
          valueSpan(),
          { path: path.join('.'), expected, actual },
        ),
      );
      return;
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      ctx.out.push(
        makeDiagnostic(lines, 'SCHEMA-ENUM', 'schema.enum', { label, allowed: [...new Set(allowed)].join(' / ') }, valueSpan(), {
          path: path.join('.'),
          allowed,
        }),
      );
      return;
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const op = err.keyword.includes('inimum') ? ['不小于', 'at least'] : ['不大于', 'at most'];
      ctx.out.push(
        makeDiagnostic(
          lines,
          'SCHEMA-RANGE',
          'schema.range',
          { label, op: op[0], opEn: op[1], limit: String(params.limit) },
          valueSpan(),
          { path: path.join('.'), limit: params.limit },
        ),
      );
      return;
    }
    case 'pattern':
      ctx.out.push(
        makeDiagnostic(lines, 'SCHEMA-FORMAT', 'schema.format', { label, format: 'YYYY-MM-DD' }, valueSpan(), {
          path: path.join('.'),
          pattern: params.pattern,
        }),
      );
      return;
    default:
      ctx.out.push(
        makeDiagnostic(lines, 'SCHEMA-TYPE', 'yaml.syntax', { detail: `${err.instancePath} ${err.message}` }, valueSpan(), {
          path: path.join('.'),
          keyword: err.keyword,
        }),
      );
  }
}

/** For findings about the whole document: the first key's token. */
export function rootAnchor(ctx: CheckContext): Span {
  const first = ctx.report.root?.items[0]?.key as { range?: [number, number, number] } | undefined;
  return first?.range ? { start: first.range[0], end: first.range[1] } : { start: 0, end: 0 };
}

function valueAt(value: unknown, path: string[]): unknown {
  let cur = value;
  for (const k of path) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined;
  return cur;
}

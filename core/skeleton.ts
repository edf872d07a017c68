/**
 * A blank report for a format, generated from the schema: every section, table, row and
 * column, each row with its official label as a comment. Used by `nianbao skeleton`, the
 * New Report command, completion on an empty document and the snippets (with tab stops).
 */
import { defaultYear } from './facts/formats';
import { makeTitle } from './facts/title';
import { child, nodeAt, resolve, rootSchema, x, type Effective } from './schema/nodes';
import type { FormatId } from './types';

export interface SkeletonOptions {
  format: FormatId;
  year?: number;
  organ?: string;
  organKind?: string;
  /** Cells blank (`~`, the default: the checker lists what is still to fill) or 0. */
  fill?: 'blank' | 'zero';
  /** Produce a VS Code snippet body: tab stops for organ, year and kind; `$` escaped. */
  snippet?: boolean;
}

/** The organ kinds, in the schema's order (a snippet offers them as a choice). */
function organKinds(format: FormatId): string[] {
  return (nodeAt(format, ['meta', 'organ_kind'])?.node.enum ?? []).map(String);
}

export function skeleton(opts: SkeletonOptions): string {
  const root = resolve(rootSchema(opts.format), `report-${opts.format}.schema.json`);
  // Default: last year, within the format's years (2020 for the 2019 trial format).
  const year = opts.year ?? defaultYear(opts.format);
  const esc = (s: string) => (opts.snippet ? s.replace(/[$}\\]/g, (c) => `\\${c}`) : s);
  const organ = opts.snippet ? `\${1:${esc(opts.organ ?? '机关名称')}}` : (opts.organ ?? '');
  const y = opts.snippet ? `\${2:${year}}` : String(year);
  const kind = opts.snippet ? `\${3|${organKinds(opts.format).join(',')}|}` : (opts.organKind ?? 'department');
  const cell = opts.fill === 'zero' ? '0' : '~';
  const title = opts.organ || opts.snippet ? makeTitle(organ, y) : '';
  const L: string[] = [];
  L.push(`# ${esc(root.node.title ?? '')}`);
  L.push(`format: ${opts.format}`);
  L.push('meta:');
  L.push(`  title: ${quote(title, opts.snippet)}`);
  L.push(`  organ: ${quote(organ, opts.snippet)}`);
  L.push(`  organ_kind: ${kind}`);
  L.push('  # organ_id: ""   # 机关标识（如统一社会信用代码）：跨年度配对时优先于机关名称');
  L.push(`  year: ${y}`);
  L.push(`  period: {from: ${y}-01-01, to: ${y}-12-31}`);
  L.push(`  # published_on: YYYY-MM-DD   # 发布日期（用于检查法定期限）`);
  let stop = 4;
  for (const key of Object.keys(root.node.properties ?? {})) {
    if (key === 'format' || key === 'meta' || key === 'extra_rows') continue;
    const eff = child(root, key)!;
    L.push('');
    L.push(`# ${esc(eff.node.title ?? key)}`);
    if (x(eff).section) {
      L.push(opts.snippet ? `${key}: |\n  \${${stop++}}` : `${key}:`);
    } else if (x(eff).table) {
      L.push(`${key}:`);
      writeTable(L, eff, 1, cell, esc, true);
    } else {
      L.push(`${key}:`);
      writeObject(L, eff, 1, esc);
    }
  }
  return `${L.join('\n')}\n`;
}

function quote(s: string, snippet?: boolean): string {
  if (s === '') return '""';
  return snippet ? s : JSON.stringify(s).slice(1, -1) === s ? s : JSON.stringify(s);
}

function writeTable(L: string[], eff: Effective, depth: number, cell: string, esc: (s: string) => string, align: boolean): void {
  const pad = '  '.repeat(depth);
  const keys = Object.keys(eff.node.properties ?? {});
  const width = align ? Math.max(...keys.map((k) => k.length)) + 1 : 0;
  for (const key of keys) {
    const sub = child(eff, key)!;
    const label = esc(sub.node.title ?? key);
    if (x(sub).row) {
      const cols = Object.keys(sub.node.properties ?? {})
        .map((c) => `${c}: ${cell}`)
        .join(', ');
      L.push(`${pad}${(`${key}:`).padEnd(width)} {${cols}}  # ${label}`);
    } else {
      L.push(`${pad}${key}:  # ${label}`);
      writeTable(L, sub, depth + 1, cell, esc, align);
    }
  }
}

function writeObject(L: string[], eff: Effective, depth: number, esc: (s: string) => string): void {
  const pad = '  '.repeat(depth);
  for (const key of Object.keys(eff.node.properties ?? {})) {
    const sub = child(eff, key)!;
    L.push(`${pad}${key}: ~  # ${esc(sub.node.title ?? key)}`);
  }
}

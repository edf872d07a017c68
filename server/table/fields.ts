/**
 * The report's scalar fields beside its tables and sections — meta (title, organ, kind, year,
 * period, publication date, contact) and the 2021 fee figures — read from the schema: the printed
 * label, how the value is typed (text, number, date, one of an enum), and its value in the document.
 */
import { isScalar } from 'yaml';
import { locate, valueNode, type Report } from '../../core/model/report';
import { child, resolve, rootSchema, x, type Effective } from '../../core/schema/nodes';
import type { FormatId } from '../../core/types';
import type { FieldGroup, GridField } from '../../protocol/table';

export function fieldGroups(report: Report, format: FormatId): FieldGroup[] {
  const root = resolve(rootSchema(format), `report-${format}.schema.json`);
  const out: FieldGroup[] = [];
  for (const key of Object.keys(root.node.properties ?? {})) {
    const eff = child(root, key)!;
    const xn = x(eff);
    if (xn.table || xn.section || !isObject(eff)) continue;
    out.push({ key, title: eff.node.title ?? key, fields: leaves(report, eff, [key], []) });
  }
  return out;
}

/** A node with properties (a resolved `$ref` has an empty `properties` even for a scalar). */
const isObject = (eff: Effective) => Object.keys(eff.node.properties ?? {}).length > 0;

function leaves(report: Report, eff: Effective, path: string[], labels: string[]): GridField[] {
  const out: GridField[] = [];
  for (const key of Object.keys(eff.node.properties ?? {})) {
    const sub = child(eff, key)!;
    const p = [...path, key];
    const label = [...labels, sub.node.title ?? key];
    if (isObject(sub)) out.push(...leaves(report, sub, p, label));
    else out.push(field(report, sub, p, label.join('·')));
  }
  return out;
}

function field(report: Report, eff: Effective, path: string[], label: string): GridField {
  const node = eff.node;
  const types = [node.type ?? []].flat();
  const enumLabels = x(eff).enumLabels ?? {};
  const input: GridField['input'] = node.enum
    ? 'enum'
    : node.pattern
      ? 'date'
      : types.some((t) => t === 'integer' || t === 'number') && !types.includes('string')
        ? 'number'
        : 'text';
  const loc = locate(report, path);
  const v = loc ? valueNode(report, loc) : null;
  const value = isScalar(v) && v.value !== null && v.value !== undefined ? String(v.value) : '';
  const span = loc?.valueSpan ?? loc?.keySpan;
  return {
    path: path.join('.'),
    label,
    value,
    input,
    options: node.enum?.map((e) => ({ value: String(e), label: enumLabels[String(e)] ?? String(e) })),
    help: node.description,
    range: span ? report.lines.range(span) : undefined,
  };
}

/** Human labels and label paths, all read from the schemas' titles and x-nianbao annotations. */
import type { FormatId } from '../types';
import { groupLabels, nodeAt, x } from './nodes';
import { cellSpecAt, tableOf } from './tables';

/** The official label of the node at `path` (its schema title), or the key itself. */
export function labelAt(format: FormatId, path: readonly string[]): string {
  return nodeAt(format, path)?.node.title ?? path[path.length - 1] ?? '';
}

/**
 * Where a node sits, as printed in the report, e.g.
 * ['表三', '三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', '法人或其他组织', '商业企业'].
 */
export function labelPath(format: FormatId, path: readonly string[]): string[] {
  const out: string[] = [];
  const table = tableOf(format, path[0]);
  if (table) out.push(table.name);
  for (let i = 0; i < path.length; i++) {
    const eff = nodeAt(format, path.slice(0, i + 1));
    if (!eff) {
      out.push(path[i]);
      continue;
    }
    const xn = x(eff);
    if (i === 0 && table) {
      out.push(eff.node.title ?? path[i]);
      continue;
    }
    if (xn.rowGroup && !isInsideGroup(format, path.slice(0, i))) out.push(groupLabels[xn.rowGroup] ?? xn.rowGroup);
    if (xn.parentGroup) out.push(groupLabels[xn.parentGroup] ?? xn.parentGroup);
    if (xn.group) out.push(groupLabels[xn.group] ?? xn.group);
    out.push(eff.node.title ?? path[i]);
  }
  return out;
}

function isInsideGroup(format: FormatId, parent: readonly string[]): boolean {
  return parent.length > 1 && !!x(nodeAt(format, parent)).rowGroup;
}

/**
 * A short name for a table cell as used in messages: the row's own label and the column label,
 * e.g. （七）总计·总计 or 1.属于国家秘密·自然人. Long labels are cut at their parenthetical.
 */
export function cellName(format: FormatId, path: readonly string[]): string {
  const row = shortLabel(labelAt(format, path.slice(0, -1)));
  const col = labelAt(format, path);
  return `${row}·${col}`;
}

export function rowName(format: FormatId, rowPath: readonly string[]): string {
  return shortLabel(labelAt(format, rowPath));
}

/** A label as messages print it: without a trailing note in brackets, cut at 24 characters. */
export function shortLabel(label: string): string {
  const cut = label.search(/（[^）]*[，、][^）]*）$/);
  const s = cut > 0 ? label.slice(0, cut) : label;
  return s.length > 24 ? `${s.slice(0, 23)}…` : s;
}

/** The Chinese label of an enum value (e.g. organ_kind township_government → 乡（镇）人民政府). */
export function enumLabel(path: readonly string[], value: string): string {
  return x(nodeAt('2021', path)).enumLabels?.[value] ?? value;
}

/** A finding's subject in words: a cell's row·column, a section's or key's label; '' for the whole document. */
export function subjectName(format: FormatId, path: string): string {
  if (!path) return '';
  const segs = path.split('.');
  return cellSpecAt(format, segs) ? cellName(format, segs) : labelAt(format, segs);
}

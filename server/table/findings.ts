/**
 * The document's findings for the grid: each mapped to what it marks (the cells a blank group
 * holds; the cell, row, section or field its subject path names, else the nearest ancestor that is
 * on screen), the other cells of its relation, the computed value of a wrong total.
 */
import type { Diagnostic, Locale } from '../../core/types';
import type { GridFinding, GridSection, FieldGroup } from '../../protocol/table';

/** What is on screen, by path: value cells, row labels and captions, sections, fields and their groups. */
export function markablePaths(sections: GridSection[], fields: FieldGroup[]): Set<string> {
  const out = new Set<string>();
  for (const s of sections) {
    out.add(s.key);
    for (const t of s.tables) for (const c of [...t.head, ...t.body].flat()) if (c.path) out.add(c.path);
  }
  for (const g of fields) {
    out.add(g.key);
    for (const f of g.fields) out.add(f.path);
  }
  return out;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

export function gridFindings(diagnostics: readonly Diagnostic[], locale: Locale, onScreen: Set<string>): GridFinding[] {
  return diagnostics.map((d, id) => {
    const data = d.data as unknown as Record<string, unknown>;
    const path = typeof data.path === 'string' ? data.path : '';
    const cells = strings(data.cells);
    const marks = cells.length ? cells.filter((c) => onScreen.has(c)) : nearest(path, onScreen);
    const involved = [...strings(data.left), ...strings(data.right), ...strings(data.operands)].filter(
      (p) => !marks.includes(p) && onScreen.has(p),
    );
    const f: GridFinding = {
      id,
      code: d.code,
      severity: d.severity,
      message: d.message[locale],
      range: d.range,
      path,
      marks,
      involved: [...new Set(involved)],
    };
    if (typeof data.computed === 'number') f.computed = data.computed;
    if (cells.length && typeof data.scope === 'string') f.group = { scope: data.scope as 'table', count: cells.length };
    return f;
  });
}

/** The path itself when it is on screen, else its nearest ancestor that is; [] for the document. */
function nearest(path: string, onScreen: Set<string>): string[] {
  const keys = path ? path.split('.') : [];
  for (let n = keys.length; n > 0; n--) {
    const p = keys.slice(0, n).join('.');
    if (onScreen.has(p)) return [p];
  }
  return [];
}

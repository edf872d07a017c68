/** Reads table cells once per report (cached by path); the checks and fixes share one reader. */
import { cellSpecAt } from '../schema/tables';
import type { FormatId } from '../types';
import { readCell, type Cell } from './cells';
import type { Node } from 'yaml';
import { locate, locateIn, type Located, type Report } from './report';

export const pathKey = (p: readonly string[]): string => p.join('.');

/** A parent path that is not in the report. */
const MISSING = Symbol('missing');

export class CellReader {
  private readonly cache = new Map<string, Cell>();
  /** The rows (a cell's parent node) found so far, by path key: a row's cells are found from it. */
  private readonly parents = new Map<string, Node | null | typeof MISSING>();
  constructor(
    readonly report: Report,
    readonly format: FormatId,
  ) {}

  cell(path: readonly string[]): Cell {
    return this.cellAt(pathKey(path), path);
  }

  /** The cell at `path`, whose path key (`pathKey(path)`) the caller already has. */
  cellAt(key: string, path: readonly string[]): Cell {
    let c = this.cache.get(key);
    if (!c) {
      c = readCell(this.report, [...path], cellSpecAt(this.format, path)?.cell ?? 'count', this.locate(key, path));
      this.cache.set(key, c);
    }
    return c;
  }

  /** `locate(report, path)`, the parent found once for all its cells. */
  private locate(key: string, path: readonly string[]): Located | undefined {
    if (path.length < 2) return locate(this.report, path);
    const last = path[path.length - 1];
    // The parent's path key: `key` is pathKey(path), the parent's path joined the same way.
    const parentKey = key.slice(0, key.length - last.length - 1);
    let parent = this.parents.get(parentKey);
    if (parent === undefined) {
      const found = locate(this.report, path.slice(0, -1));
      parent = found ? found.value : MISSING;
      this.parents.set(parentKey, parent);
    }
    return parent === MISSING ? undefined : locateIn(this.report, parent, last);
  }
}

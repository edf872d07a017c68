/** Reads table cells once per report (cached by path); the checks and fixes share one reader. */
import { cellSpecAt } from '../schema/tables';
import type { FormatId } from '../types';
import { readCell, type Cell } from './cells';
import type { Report } from './report';

export const pathKey = (p: readonly string[]): string => p.join('.');

export class CellReader {
  private readonly cache = new Map<string, Cell>();
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
      c = readCell(this.report, [...path], cellSpecAt(this.format, path)?.cell ?? 'count');
      this.cache.set(key, c);
    }
    return c;
  }
}

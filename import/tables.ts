/**
 * Reads one table (表二, 表三 or 表四) from the blocks of its section: blocks → segments and
 * fragments (segments.ts); segments → template rows, once per format, the better alignment
 * deciding the table's format (align.ts); aligned segments → rows, with every value placed or
 * reported (place.ts, readings.ts).
 */
import type { FormatId } from '../core/types';
import { FORMATS } from '../core/schema/nodes';
import { align } from './align';
import { knownTexts } from './known';
import type { ImportWarning } from './notes';
import { place, type ImportedTable } from './place';
import { segmentsOf, sourceValueCount } from './segments';
import type { Block } from './source';
import { tableTemplate } from './templates';

export type { ImportedRow, ImportedTable } from './place';

/** Scores closer than this are a tie, which the format of the report's other tables breaks. */
const TIE = 1e-9;

export function extractTable(
  key: string,
  blocks: Block[],
  hint: FormatId,
): { table: ImportedTable; warnings: ImportWarning[] } | undefined {
  const known = knownTexts(key);
  const { segs, frags } = segmentsOf(blocks, known);
  if (!segs.length && !frags.some((f) => f.fromRow)) return undefined;
  const candidates = FORMATS.map((f) => {
    const t = tableTemplate(f, key)!;
    const groups = [...new Set(t.rows.flatMap((r) => r.groupNorms))].sort((a, b) => b.length - a.length);
    return { a: align(t, segs, groups, frags) };
  });
  const best = candidates.reduce((a, b) =>
    b.a.score > a.a.score + TIE || (Math.abs(b.a.score - a.a.score) <= TIE && b.a.template.format === hint) ? b : a,
  );
  return place(best.a, known, frags, sourceValueCount(segs));
}

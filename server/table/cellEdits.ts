/**
 * `nianbao/cellEdits`: a batch of inputs from the table editor (a cell typed, a block pasted, a
 * section or a field edited) as minimal text edits on the document's current version, computed by
 * the core (core/edit). The client applies them as one WorkspaceEdit, so a paste is one undo step.
 */
import { inputEdits } from '../../core/edit';
import type { CellEditsParams, CellEditsResult } from '../../protocol/table';
import type { AnalysisStore } from '../documents';

/** A paste larger than a whole report's cells is not a paste into this grid. */
const MAX_CHANGES = 2000;

export async function cellEditsRequest(store: AnalysisStore, p: CellEditsParams): Promise<CellEditsResult | null> {
  if (typeof p?.uri !== 'string' || !Array.isArray(p.changes)) return null;
  const a = await store.get(p.uri);
  if (!a) return null;
  const changes = p.changes
    .slice(0, MAX_CHANGES)
    .filter((c) => typeof c?.path === 'string')
    .map((c) => ({ path: c.path, input: typeof c.input === 'string' ? c.input : String(c.input ?? '') }));
  const r = inputEdits(a.result.report, a.format, changes);
  return {
    uri: a.uri,
    version: a.version,
    edits: r.edits.map((e) => ({ range: e.range, newText: e.newText })),
    outcomes: r.outcomes,
  };
}

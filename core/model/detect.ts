/**
 * Format detection from the keys a document uses (SPEC.md §2.2), for documents that declare
 * no format and for spotting mixed templates. Signature keys are read from the schemas:
 * a key path is a signature of a format when only that format's schema has it.
 */
import { FORMATS, nodeAt } from '../schema/nodes';
import { tablesOf } from '../schema/tables';
import type { FormatId } from '../types';

export interface Detection {
  format: FormatId | null;
  /** Key paths found in the document, per format whose schema alone has them. */
  signatures: Record<FormatId, string[][]>;
  mixed: boolean;
}

/** Key paths of table rows and cells, down to the cells, from both formats' schemas. */
function candidatePaths(): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const f of FORMATS) {
    for (const t of tablesOf(f)) {
      for (const r of t.rows) {
        for (const p of [r.path, ...r.columns.map((c) => [...r.path, c.key])]) {
          const k = p.join('.');
          if (!seen.has(k)) {
            seen.add(k);
            out.push(p);
          }
        }
      }
    }
  }
  return out;
}

let signatureCache: Record<FormatId, string[][]> | undefined;

function signaturePaths(): Record<FormatId, string[][]> {
  if (signatureCache) return signatureCache;
  const all = candidatePaths();
  const sig: Record<FormatId, string[][]> = { '2019': [], '2021': [] };
  for (const p of all) {
    const has = FORMATS.filter((f) => nodeAt(f, p) !== undefined);
    if (has.length === 1) sig[has[0]].push(p);
  }
  signatureCache = sig;
  return sig;
}

function has(value: unknown, path: string[]): boolean {
  let cur = value;
  for (const k of path) {
    if (!cur || typeof cur !== 'object' || !(k in (cur as object))) return false;
    cur = (cur as Record<string, unknown>)[k];
  }
  return true;
}

export function detectFormat(value: unknown): Detection {
  const sig = signaturePaths();
  const found: Record<FormatId, string[][]> = { '2019': [], '2021': [] };
  for (const f of FORMATS) found[f] = sig[f].filter((p) => has(value, p));
  const votes = FORMATS.filter((f) => found[f].length > 0);
  return { format: votes.length === 1 ? votes[0] : null, signatures: found, mixed: votes.length > 1 };
}

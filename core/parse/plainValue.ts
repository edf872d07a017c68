/**
 * A parsed document's plain JS value, as `Document#toJS` makes it, for the documents every report
 * is: no aliases, anchors or tags, scalar keys. `toJS` keeps an anchor table and a conversion
 * context per node; for these documents that is all overhead (a sixth of a batch's parse time).
 * Anything else is left to `toJS` (NOT_PLAIN), which also enforces the alias budget.
 */
import type { Node } from 'yaml';
import { isAlias, isMap, isScalar, isSeq } from './yamlNodes';

export const NOT_PLAIN = Symbol('not plain');

class NotPlain extends Error {}

export function plainValue(contents: unknown): unknown {
  try {
    return plain(contents);
  } catch (e) {
    if (e instanceof NotPlain) return NOT_PLAIN;
    throw e;
  }
}

function plain(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  const n = node as Node;
  if (isAlias(n) || n.anchor !== undefined || n.tag !== undefined) throw new NotPlain();
  if (isScalar(n)) {
    const v = n.value;
    // Strings, numbers, booleans and null only: a Date or bytes come from tags, handled by toJS.
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    throw new NotPlain();
  }
  if (isSeq(n)) return n.items.map(plain);
  if (isMap(n)) {
    const out: Record<string, unknown> = {};
    for (const { key, value } of n.items) {
      const k = keyOf(key);
      const v = plain(value);
      // As toJS does: a name the object already has (`__proto__`, `toString`) becomes an own property.
      if (k in out) Object.defineProperty(out, k, { value: v, writable: true, enumerable: true, configurable: true });
      else out[k] = v;
    }
    return out;
  }
  throw new NotPlain();
}

/** A key as toJS names it: a scalar's value as a string, null as ''. Collections as keys: toJS. */
function keyOf(key: unknown): string {
  if (key === null || key === undefined) return '';
  const k = key as Node;
  if (!isScalar(k) || k.anchor !== undefined || k.tag !== undefined) throw new NotPlain();
  const v = k.value;
  if (v === null) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new NotPlain();
}

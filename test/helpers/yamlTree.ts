/**
 * Compares two yaml node trees as the core reads them (core/parse/compose.ts promises these are
 * the library's): node classes, ranges, scalar values, types, sources and formats, collection
 * styles, tags and anchors. Comments are not compared (the fast composer does not attach them).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';

/** Where the trees first differ, or undefined when they agree. */
export function treeDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (a === null || b === null || a === undefined || b === undefined)
    return a === b || (a == null && b == null) ? undefined : `${path}: ${String(a)} vs ${String(b)}`;
  const x = a as Node;
  const y = b as Node;
  if (x.constructor !== y.constructor) return `${path}: ${x.constructor.name} vs ${y.constructor.name}`;
  if (JSON.stringify(x.range) !== JSON.stringify(y.range))
    return `${path}: range ${JSON.stringify(x.range)} vs ${JSON.stringify(y.range)}`;
  for (const f of ['tag', 'anchor'] as const) if (x[f] !== y[f]) return `${path}: ${f} ${String(x[f])} vs ${String(y[f])}`;
  if (isScalar(x) && isScalar(y)) {
    if (!Object.is(x.value, y.value)) return `${path}: value ${JSON.stringify(x.value)} vs ${JSON.stringify(y.value)}`;
    for (const f of ['type', 'source', 'format', 'minFractionDigits'] as const)
      if ((x as unknown as Record<string, unknown>)[f] !== (y as unknown as Record<string, unknown>)[f])
        return `${path}: ${f} ${String((x as unknown as Record<string, unknown>)[f])} vs ${String((y as unknown as Record<string, unknown>)[f])}`;
    return undefined;
  }
  if (isAlias(x) && isAlias(y)) return x.source === y.source ? undefined : `${path}: alias ${x.source} vs ${y.source}`;
  if ((isMap(x) && isMap(y)) || (isSeq(x) && isSeq(y))) {
    if (x.flow !== y.flow) return `${path}: flow ${String(x.flow)} vs ${String(y.flow)}`;
    if (x.items.length !== y.items.length) return `${path}: ${x.items.length} items vs ${y.items.length}`;
    for (let i = 0; i < x.items.length; i++) {
      const p = x.items[i];
      const q = y.items[i];
      if (isPair(p) && isPair(q)) {
        const d = treeDifference(p.key, q.key, `${path}[${i}].key`) ?? treeDifference(p.value, q.value, `${path}[${i}].value`);
        if (d) return d;
      } else if (isPair(p) || isPair(q)) return `${path}[${i}]: pair vs node`;
      else {
        const d = treeDifference(p, q, `${path}[${i}]`);
        if (d) return d;
      }
    }
    return undefined;
  }
  return `${path}: unexpected node ${x.constructor.name}`;
}

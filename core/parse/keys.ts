/**
 * Key lookup in a parsed YAML map in constant time: one index per map, built on first use and
 * kept beside the (never mutated) document in a WeakMap. A key that occurs twice resolves to its
 * last occurrence, as the document's plain value (`toJS`) does, so the model and the value agree.
 */
import type { Pair, YAMLMap } from 'yaml';
import { isScalar } from './yamlNodes';

const INDEX = new WeakMap<YAMLMap, Map<string, Pair>>();

/** The text of a key as lookups compare it (a scalar's value as a string). */
export function keyString(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

/** Key → pair for one map; the last pair wins when a key repeats. */
export function pairIndex(map: YAMLMap): Map<string, Pair> {
  let index = INDEX.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) index.set(keyString(p.key), p as Pair);
    INDEX.set(map, index);
  }
  return index;
}

/**
 * Key lookup in a parsed YAML map: a small map (most of a report's maps are table rows of a few
 * cells) is searched in place; a larger one through an index built on first use and kept beside
 * the (never mutated) document in a WeakMap, so a lookup stays constant-time in a map of many
 * keys. A key that occurs twice resolves to its last occurrence, as the document's plain value
 * (`toJS`) does, so the model and the value agree.
 */
import type { Pair, YAMLMap } from 'yaml';
import { isScalar } from './yamlNodes';

const INDEX = new WeakMap<YAMLMap, Map<string, Pair>>();

/** The text of a key as lookups compare it (a scalar's value as a string). */
export function keyString(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

/**
 * Maps of fewer pairs than this are searched in place: building and keeping an index for each
 * costs more than the few comparisons a lookup or a duplicate check makes in them.
 */
const SCAN_BELOW = 12;

/** The pair of `key` in a map: the last one when the key repeats. */
export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  const items = map.items;
  if (items.length >= SCAN_BELOW) return pairIndex(map).get(key);
  for (let i = items.length - 1; i >= 0; i--) if (keyString(items[i].key) === key) return items[i] as Pair;
  return undefined;
}

/** Does some key occur twice in the map? */
export function hasDuplicateKeys(map: YAMLMap): boolean {
  const items = map.items;
  if (items.length >= SCAN_BELOW) return pairIndex(map).size !== items.length;
  for (let i = 1; i < items.length; i++) {
    const k = keyString(items[i].key);
    for (let j = 0; j < i; j++) if (keyString(items[j].key) === k) return true;
  }
  return false;
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

/** Values made once per pair of keys, kept beside the first key's object (a report, a table). */

/**
 * `cache`'s value for `owner` and `key`, made by `make` on the first ask. At most `max` values are
 * kept per owner (the oldest all go when it is reached), so keys taken from documents cannot
 * grow a cache without bound.
 */
export function memo<O extends object, K, T>(cache: WeakMap<O, Map<K, T>>, owner: O, key: K, make: () => T, max = Infinity): T {
  let values = cache.get(owner);
  if (!values) {
    values = new Map();
    cache.set(owner, values);
  }
  if (values.has(key)) return values.get(key) as T;
  if (values.size >= max) values.clear();
  const value = make();
  values.set(key, value);
  return value;
}

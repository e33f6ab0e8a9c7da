/**
 * A per-node cache kept beside dockerfile-ast's tree, never on it: a WeakMap keyed by the node, so the
 * library's objects stay exactly as it built them and an entry dies with its version's tree. Each
 * version is parsed afresh, so a node (and what is cached for it) belongs to one version only.
 */
export interface NodeCache<K extends object, V> {
  /** The cached value for `node`, computed by `compute` on first use. */
  get(node: K, compute: (node: K) => V): V;
}

/** A new, empty per-node cache. */
export function nodeCache<K extends object, V>(): NodeCache<K, V> {
  const values = new WeakMap<K, V>();
  return {
    get(node, compute) {
      if (values.has(node)) {
        return values.get(node) as V;
      }
      const value = compute(node);
      values.set(node, value);
      return value;
    },
  };
}

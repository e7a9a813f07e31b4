/**
 * An immutable map from claim id to value for the annotations plugin's state: a change gives a
 * new map that shares the old one's entries through a small layer of changes, instead of copying
 * every entry. Copying a Map of 10,000 claims costs 2–4 ms of CPU, and the keystroke that draws a
 * new claim's highlight paid it (issue 8, item 16); a layer costs a copy of at most FLATTEN_AT
 * entries, and is merged into a fresh flat map once it holds that many.
 */

/** Changes a layer holds before it is merged (a 10,000-entry copy every 64 changes, not every one). */
const FLATTEN_AT = 64;

/** Immutable map of claim id → V. */
export class ClaimMap<V> {
  readonly #base: ReadonlyMap<string, V>;
  /** Changes over `base`: a value, or null for a removed id. */
  readonly #layer: ReadonlyMap<string, V | null>;
  /** Entries in all. */
  readonly size: number;

  private constructor(base: ReadonlyMap<string, V>, layer: ReadonlyMap<string, V | null>, size: number) {
    this.#base = base;
    this.#layer = layer;
    this.size = size;
  }

  /** A map of `entries` (later entries win on equal ids). */
  static of<V>(entries: Iterable<readonly [string, V]> = []): ClaimMap<V> {
    const base = new Map(entries);
    return new ClaimMap(base, new Map(), base.size);
  }

  get(id: string): V | undefined {
    const v = this.#layer.get(id);
    if (v !== undefined) return v ?? undefined;
    return this.#base.get(id);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** This map with `id` set to `value`. */
  set(id: string, value: V): ClaimMap<V> {
    return this.#change([[id, value]]);
  }

  /** This map without `ids` (unknown ids are ignored). */
  delete(ids: Iterable<string>): ClaimMap<V> {
    return this.#change([...ids].filter((id) => this.has(id)).map((id) => [id, null] as const));
  }

  /** Values, those of the first map in their order, then those added since. */
  *values(): IterableIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  /** [id, value] pairs, in the order of `values`. */
  *entries(): IterableIterator<[string, V]> {
    for (const [id, v] of this.#base) {
      const over = this.#layer.get(id);
      if (over === undefined) yield [id, v];
      else if (over !== null) yield [id, over];
    }
    for (const [id, v] of this.#layer) if (v !== null && !this.#base.has(id)) yield [id, v];
  }

  #change(changes: ReadonlyArray<readonly [string, V | null]>): ClaimMap<V> {
    if (!changes.length) return this;
    let size = this.size;
    const layer = new Map(this.#layer);
    for (const [id, v] of changes) {
      const had = this.has(id);
      size += (v !== null ? 1 : 0) - (had ? 1 : 0);
      layer.set(id, v);
    }
    if (layer.size < FLATTEN_AT) return new ClaimMap(this.#base, layer, size);
    const next = new ClaimMap(this.#base, layer, size);
    return ClaimMap.of(next.entries());
  }
}

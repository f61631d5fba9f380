// A Map with a size cap that evicts the least recently written keys first, a few at a time. In-memory
// counters keyed by attacker-chosen values (addresses, e-mails) need a cap, and clearing everything at
// the cap would hand the attacker a reset.
export class LruMap<V> {
  private readonly map = new Map<string, V>();

  constructor(readonly maxSize: number) {}

  get size() {
    return this.map.size;
  }

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  /** Stores the value as the newest entry, then drops the oldest entries over the cap. */
  set(key: string, value: V): void {
    this.map.delete(key); // re-inserting moves the key to the end of the iteration order
    this.map.set(key, value);
    for (const oldest of this.map.keys()) {
      if (this.map.size <= this.maxSize) break;
      this.map.delete(oldest);
    }
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  keys(): IterableIterator<string> {
    return this.map.keys();
  }
}

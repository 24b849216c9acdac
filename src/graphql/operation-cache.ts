/**
 * How many distinct operations keep their compiled code and limit verdicts. Clients send a handful of fixed
 * documents; the bound only stops a caller that varies its queries from growing memory without end.
 */
export const MAX_OPERATIONS = 1000;

/**
 * A Map that forgets its least recently used entry beyond `size` entries. A read only notes when the entry was
 * used (it is on every request's path); the search for the oldest is left to the rare insert into a full cache.
 */
export class Lru<V> {
  private readonly entries = new Map<string, { value: V; used: number }>();
  private clock = 0;

  constructor(private readonly size: number) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    entry.used = ++this.clock;
    return entry.value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  set(key: string, value: V): void {
    const known = this.entries.get(key);
    if (known) {
      known.value = value;
      known.used = ++this.clock;
      return;
    }
    if (this.entries.size >= this.size) {
      let oldest: string | undefined;
      let when = Infinity;
      for (const [k, e] of this.entries) {
        if (e.used < when) [oldest, when] = [k, e.used];
      }
      this.entries.delete(oldest!);
    }
    this.entries.set(key, { value, used: ++this.clock });
  }
}

/** One operation of one document: Apollo's hash of the query text and the operation asked for. */
export const operationKey = (queryHash: string, operationName: string | null | undefined) => `${operationName ?? ''}\n${queryHash}`;


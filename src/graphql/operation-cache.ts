/**
 * How many distinct operations keep their compiled code and limit verdicts. Clients send a handful of fixed
 * documents; the bound only stops a caller that varies its queries from growing memory without end.
 */
export const MAX_OPERATIONS = 1000;

/** A Map that forgets its least recently used entry beyond `size` entries. */
export class Lru<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly size: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
  }
}

/** One operation of one document: Apollo's hash of the query text and the operation asked for. */
export const operationKey = (queryHash: string, operationName: string | null | undefined) => `${operationName ?? ''}\n${queryHash}`;


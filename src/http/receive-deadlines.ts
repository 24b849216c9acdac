/** How often bodies still arriving are checked against their deadline: a late one is refused within this much. */
export const DEADLINE_CHECK_MS = 250;

interface Watch {
  due: number;
  late: () => void;
}

/**
 * Deadlines for request bodies still arriving. Node's own `requestTimeout` is one figure for every request; an
 * ADMIN's import may take minutes where anyone else's 1 MiB body has seconds. One timer checks every body still
 * arriving, rather than a timer made and cleared for each request: almost every body is whole before the first check.
 */
export class ReceiveDeadlines {
  private readonly watched = new Set<Watch>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  /** Calls `late` once when `ms` pass before the returned function is called. */
  watch(ms: number, late: () => void): () => void {
    const watch: Watch = { due: this.now() + ms, late };
    this.watched.add(watch);
    this.timer ??= setInterval(this.check, DEADLINE_CHECK_MS).unref();
    return () => {
      this.watched.delete(watch);
    };
  }

  private readonly check = (): void => {
    const now = this.now();
    for (const watch of this.watched) {
      if (watch.due > now) continue;
      this.watched.delete(watch);
      watch.late();
    }
    if (this.watched.size) return;
    clearInterval(this.timer);
    this.timer = undefined;
  };
}

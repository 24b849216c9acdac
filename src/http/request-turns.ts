import http from 'node:http';
import { isPromise } from 'node:util/types';
import { MaybePromise } from '../db/sync-reads';
import { untraced } from '../observability/request-trace';

/** How long a run of requests goes on before the server looks for new ones (and writes the answers of the run). */
export const SLICE_MS = 1;
/**
 * On SQLite, a slice waits to begin while requests are still arriving: until none has come for GATHER_QUIET_MS, or
 * until the first pass of the event loop GATHER_MAX_MS after the oldest waiting one came.
 */
export const GATHER_QUIET_MS = 0.05;
export const GATHER_MAX_MS = 0.5;
/**
 * At most this many requests of one connection wait for their turn at once. A waiting request writes nothing, so
 * Node's own brake on a pipelining client (it stops reading once the answers pile up unread) never comes into
 * play; refusing the surplus, which is an answer, brings it back.
 */
export const MAX_WAITING_PER_CONNECTION = 8;
/** At most this many requests wait in all; beyond, they are refused at once rather than held (with their bodies). */
export const MAX_WAITING = 4096;

/** A request asking for its turn. */
export interface TurnRequest {
  /** Its connection (the socket), whose waiting requests are counted. */
  connection: object;
  run(): MaybePromise<void>;
  /** A throw or a rejection of `run`. */
  failed(error: unknown): void;
  /** Whether nobody waits for the answer any more (the client has gone): the turn is then skipped. */
  abandoned(): boolean;
  /**
   * The request is not run: `busy` when too many wait (on its connection or in all), `late` when it waited longer
   * than the time limit.
   */
  refused(reason: 'busy' | 'late'): void;
}

/** The rhythm of the turns; other values than the defaults are for tests. */
export interface TurnRhythm {
  sliceMs: number;
  /** 0: a slice begins as soon as a request waits. */
  gatherQuietMs: number;
  gatherMaxMs: number;
}

/** Told when a slice begins and ends (the database's read batch: src/db/read-batch.ts). */
export interface SliceBoundary {
  begin(): void;
  end(): void;
}

interface Turn {
  request: TurnRequest;
  since: number;
  /** Its connection's count of waiting requests. */
  perConnection: { waiting: number };
}

/**
 * The order and the rhythm in which GraphQL requests are run and answered: in the order their bodies arrived, in
 * slices of about SLICE_MS, with the answers of a slice written together when it ends.
 *
 * Node answers every request that is ready when it polls before it polls again. Under load that is a whole round of
 * requests; one that arrives just after the poll waits for that round and then for its place in the next, so a few
 * requests in every round waited two (W1's p99 was 2–4× its p50 while the server spent the same 5–10 ms on each).
 * Here the server polls after each slice, so a request that arrives meanwhile queues behind the ones already
 * waiting, never behind a round that began without it.
 *
 * On SQLite, where reads are synchronous, a request keeps its turn while it only computes (what DataLoader defers
 * runs before anything else does); one that waits after all (for a transaction's turn) hands the turn on at the
 * next pass of the event loop. On PostgreSQL every request waits for the database: the next one starts at once,
 * and each finishes whenever its rows come.
 *
 * On SQLite a slice shuts out every request that arrives while it runs, and when many clients send their next
 * requests as their answers come (all the answers of a slice come at once), the last of them arrived just after the
 * slice began and waited for all of it and then for their own: W3's latencies fell in two groups, 1.1 and 2.2 ms.
 * So a slice of two or more waiting requests begins once they stop arriving (GATHER_QUIET_MS), or at the first
 * pass of the event loop GATHER_MAX_MS after the oldest of them came, whichever is sooner; requests carried over
 * from a slice that ran out of time have waited longer than that, and the next slice begins at once. A lone
 * request is run at once; on PostgreSQL a slice only starts requests, shuts nobody out for long, and begins at once.
 *
 * Answers are written together at the end of the slice that made them (answers made outside a slice, after I/O,
 * at the next pass of the event loop) rather than one by one between the work of the next requests: on this
 * machine, writing answers one by one about 90 µs apart woke the client on the other core for nearly every answer,
 * and that wake-up cost the server more than the whole request (README, HTTP figures).
 */
export class RequestTurns {
  private readonly waiting: Turn[] = [];
  private readonly answers: { res: http.ServerResponse; body: string }[] = [];
  private scheduled = false;
  /** When the running slice ends (performance.now()); -1 between slices. */
  private deadline = -1;
  /**
   * Per connection, how many of its requests wait. Each connection's counter is made once and then only changed: a
   * Map whose entries were set and deleted on every request was given new tables again and again (whenever deleted
   * entries filled it), allocated in the old generation; under W3 load they were about a quarter of what reached the
   * old generation, and full collections (2–6 ms pauses) came every 1.1 s instead of every 1.9 s (README, HTTP figures).
   */
  private readonly waitingBy = new WeakMap<object, { waiting: number }>();
  /** The rhythm in use: the defaults for the database, or the test's. */
  readonly rhythm: TurnRhythm;

  /**
   * `readsAreSynchronous`: the database answers reads at once (SQLite, src/db/sync-reads.ts). `waitLimitMs`: a
   * request that waited longer for its turn is refused instead of run (the request time limit).
   */
  constructor(
    private readonly readsAreSynchronous: boolean,
    private readonly waitLimitMs: number,
    rhythm: Partial<TurnRhythm> = {},
    private readonly boundary: SliceBoundary | null = null,
  ) {
    this.rhythm = {
      sliceMs: rhythm.sliceMs ?? SLICE_MS,
      gatherQuietMs: rhythm.gatherQuietMs ?? (readsAreSynchronous ? GATHER_QUIET_MS : 0),
      gatherMaxMs: rhythm.gatherMaxMs ?? GATHER_MAX_MS,
    };
    // A slice of no length would run nothing and be scheduled again for ever.
    if (!(this.rhythm.sliceMs > 0) || !(this.rhythm.gatherQuietMs >= 0) || !(this.rhythm.gatherMaxMs >= 0)) {
      throw new RangeError(`request turns: a slice must be longer than 0 ms and gathering times not negative (${JSON.stringify(this.rhythm)})`);
    }
  }

  /** Runs the request in its turn, or refuses it at once when too many wait. */
  take(request: TurnRequest): void {
    let perConnection = this.waitingBy.get(request.connection);
    if (this.waiting.length >= MAX_WAITING || (perConnection?.waiting ?? 0) >= MAX_WAITING_PER_CONNECTION) return report(() => request.refused('busy'));
    if (!perConnection) this.waitingBy.set(request.connection, (perConnection = { waiting: 0 }));
    perConnection.waiting++;
    this.waiting.push({ request, since: performance.now(), perConnection });
    this.schedule();
  }

  /** Ends `res` with `body` when the current slice ends. */
  answer(res: http.ServerResponse, body: string): void {
    this.answers.push({ res, body });
    if (this.deadline < 0) this.schedule();
  }

  /** Requests waiting for their turn and answers waiting to be written (for tests). */
  get pending(): { waiting: number; answers: number } {
    return { waiting: this.waiting.length, answers: this.answers.length };
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // The pass is nobody's request: each turn runs inside its own request's trace.
    untraced(() => setImmediate(this.pass));
  }

  private readonly pass = (): void => {
    this.scheduled = false;
    if (this.deadline >= 0) return;
    this.write();
    if (!this.waiting.length) return;
    if (this.stillArriving()) return this.schedule();
    this.slice();
  };

  private stillArriving(): boolean {
    const { gatherQuietMs, gatherMaxMs } = this.rhythm;
    if (this.waiting.length < 2 || !gatherQuietMs) return false;
    const now = performance.now();
    return now - this.waiting.at(-1)!.since < gatherQuietMs && now - this.waiting[0]!.since < gatherMaxMs;
  }

  private slice(): void {
    this.deadline = performance.now() + this.rhythm.sliceMs;
    this.boundary?.begin();
    this.runTurns();
  }

  private runTurns(): void {
    while (this.waiting.length && performance.now() < this.deadline) {
      const { request, since, perConnection } = this.waiting.shift()!;
      perConnection.waiting--;
      let done: MaybePromise<void>;
      try {
        if (request.abandoned()) continue;
        if (performance.now() - since > this.waitLimitMs) {
          report(() => request.refused('late'));
          continue;
        }
        done = request.run();
      } catch (error) {
        report(() => request.failed(error));
        continue;
      }
      if (!isPromise(done)) continue;
      if (!this.readsAreSynchronous) {
        done.catch((error: unknown) => report(() => request.failed(error)));
        continue;
      }
      // Computing only: it settles before the event loop moves on, and the slice goes on. Waiting for I/O: the next
      // pass of the event loop comes first, and a new slice begins there.
      let moved = false;
      const goOn = (nextPass: boolean) => {
        if (moved) return;
        moved = true;
        if (!nextPass) return this.runTurns();
        this.boundary?.end();
        this.write();
        this.slice();
      };
      done.then(
        () => goOn(false),
        (error: unknown) => {
          report(() => request.failed(error));
          goOn(false);
        },
      );
      untraced(() => setImmediate(() => goOn(true)));
      return;
    }
    this.deadline = -1;
    this.boundary?.end();
    this.write();
    if (this.waiting.length) this.schedule();
  }

  private write(): void {
    for (const { res, body } of this.answers.splice(0)) {
      try {
        res.end(body);
      } catch (error) {
        res.destroy(error as Error);
      }
    }
  }
}

/**
 * Calls a request's own handler of its failure or refusal. Should that throw too, the throw is raised on its own,
 * as an uncaught exception, and the turns go on: a throw inside a slice would otherwise leave it unfinished, and no
 * request would run again.
 */
function report(handler: () => void): void {
  try {
    handler();
  } catch (error) {
    process.nextTick(() => {
      throw error;
    });
  }
}

import http from 'node:http';
import { isPromise } from 'node:util/types';
import { MaybePromise } from '../db/sync-reads';
import { untraced } from '../observability/request-trace';

/** How long a run of requests goes on before the server looks for new ones (and writes the answers of the run). */
export const SLICE_MS = 1;

interface Turn {
  run: () => MaybePromise<void>;
  failed: (error: unknown) => void;
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

  /** `readsAreSynchronous`: the database answers reads at once (SQLite, src/db/sync-reads.ts). */
  constructor(private readonly readsAreSynchronous: boolean) {}

  /** Runs `run` in its turn; a throw or a rejection of it goes to `failed`. */
  take(run: () => MaybePromise<void>, failed: (error: unknown) => void): void {
    this.waiting.push({ run, failed });
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
    if (this.waiting.length) this.slice();
  };

  private slice(): void {
    this.deadline = performance.now() + SLICE_MS;
    this.runTurns();
  }

  private runTurns(): void {
    while (this.waiting.length && performance.now() < this.deadline) {
      const turn = this.waiting.shift()!;
      let done: MaybePromise<void>;
      try {
        done = turn.run();
      } catch (error) {
        turn.failed(error);
        continue;
      }
      if (!isPromise(done)) continue;
      if (!this.readsAreSynchronous) {
        done.catch(turn.failed);
        continue;
      }
      // Computing only: it settles before the event loop moves on, and the slice goes on. Waiting for I/O: the next
      // pass of the event loop comes first, and a new slice begins there.
      let moved = false;
      const goOn = (nextPass: boolean) => {
        if (moved) return;
        moved = true;
        if (!nextPass) return this.runTurns();
        this.write();
        this.slice();
      };
      done.then(
        () => goOn(false),
        (error: unknown) => {
          turn.failed(error);
          goOn(false);
        },
      );
      untraced(() => setImmediate(() => goOn(true)));
      return;
    }
    this.deadline = -1;
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

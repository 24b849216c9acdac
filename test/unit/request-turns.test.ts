import http from 'node:http';
import { RequestTurns, SLICE_MS } from '../../src/http/request-turns';

/** Keeps the thread busy for `ms`, as a request that computes does. */
function compute(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

/** A response that records when it was ended and with what. */
function response(log: string[], name: string, fail = false): http.ServerResponse & { destroyedWith?: Error } {
  const res = {
    end(body: string) {
      if (fail) throw new Error(`${name} cannot be written`);
      log.push(`${name} written: ${body}`);
    },
    destroy(error: Error) {
      res.destroyedWith = error;
    },
  } as unknown as http.ServerResponse & { destroyedWith?: Error };
  return res;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('request turns', () => {
  it('run in the order they were taken, and let the event loop take in new requests between slices', async () => {
    const turns = new RequestTurns(true);
    const log: string[] = [];
    const take = (name: string, ms: number) =>
      turns.take(() => {
        log.push(name);
        compute(ms);
      }, fail(log));
    // A arrives with B and C waiting behind it; D arrives (an I/O event) while A runs, E after D.
    take('A', 3 * SLICE_MS);
    take('B', 3 * SLICE_MS);
    take('C', 3 * SLICE_MS);
    setImmediate(() => {
      log.push('poll');
      take('D', 0);
      setImmediate(() => take('E', 0));
    });
    await settle();
    // Node's own order would answer everything ready before polling again, and a request arriving just after a
    // poll would wait for a whole round; here each slice is followed by a pass of the event loop, and a newcomer
    // queues behind the requests already waiting.
    expect(log).toEqual(['A', 'poll', 'B', 'C', 'D', 'E']);
    expect(turns.pending).toEqual({ waiting: 0, answers: 0 });
  });

  it('run short requests back to back within one slice, and write their answers together when the slice ends', async () => {
    const turns = new RequestTurns(true);
    const log: string[] = [];
    for (const name of ['A', 'B', 'C']) {
      turns.take(() => {
        log.push(`${name} runs`);
        turns.answer(response(log, name), `{"${name}":1}`);
      }, fail(log));
    }
    setImmediate(() => log.push('next pass'));
    await settle();
    expect(log).toEqual(['A runs', 'B runs', 'C runs', 'A written: {"A":1}', 'B written: {"B":1}', 'C written: {"C":1}', 'next pass']);
  });

  it('let a request keep its turn while it only computes across promises and ticks, as a DataLoader batch does', async () => {
    const turns = new RequestTurns(true);
    const log: string[] = [];
    const loaderLike = (name: string) => async () => {
      log.push(`${name} starts`);
      for (let level = 0; level < 3; level++) {
        await Promise.resolve();
        await new Promise<void>((resolve) => process.nextTick(resolve));
        log.push(`${name} level ${level}`);
      }
      turns.answer(response(log, name), name);
    };
    turns.take(loaderLike('A'), fail(log));
    turns.take(loaderLike('B'), fail(log));
    await settle();
    expect(log).toEqual([
      'A starts',
      'A level 0',
      'A level 1',
      'A level 2',
      'B starts',
      'B level 0',
      'B level 1',
      'B level 2',
      'A written: A',
      'B written: B',
    ]);
  });

  it('hand the turn on when a request waits for I/O, and write its answer at the next pass once it has one', async () => {
    const turns = new RequestTurns(true);
    const log: string[] = [];
    turns.take(async () => {
      log.push('A waits for the database');
      await new Promise((resolve) => setTimeout(resolve, 20));
      log.push('A has its rows');
      turns.answer(response(log, 'A'), 'A');
      expect(turns.pending.answers).toBe(1);
    }, fail(log));
    turns.take(() => {
      log.push('B runs');
      turns.answer(response(log, 'B'), 'B');
    }, fail(log));
    await settle();
    expect(log).toEqual(['A waits for the database', 'B runs', 'B written: B', 'A has its rows', 'A written: A']);
  });

  it('on a database whose reads wait (PostgreSQL), start the next request in the same slice while one waits', async () => {
    const turns = new RequestTurns(false);
    const log: string[] = [];
    turns.take(async () => {
      log.push('A sends its query');
      await new Promise((resolve) => setTimeout(resolve, 20));
      log.push('A has its rows');
      turns.answer(response(log, 'A'), 'A');
    }, fail(log));
    turns.take(async () => {
      log.push('B sends its query');
      await Promise.resolve();
      throw new Error('connection lost');
    }, fail(log, 'B'));
    turns.take(() => {
      log.push('C runs');
      turns.answer(response(log, 'C'), 'C');
    }, fail(log));
    setImmediate(() => log.push('next pass'));
    await settle();
    expect(log).toEqual(['A sends its query', 'B sends its query', 'C runs', 'C written: C', 'B failed: Error: connection lost', 'next pass', 'A has its rows', 'A written: A']);
  });

  it('report a request that throws or rejects to its own handler, and go on with the others', async () => {
    const turns = new RequestTurns(true);
    const log: string[] = [];
    turns.take(() => {
      throw new Error('thrown');
    }, fail(log, 'A'));
    turns.take(async () => {
      await Promise.resolve();
      throw new Error('rejected');
    }, fail(log, 'B'));
    turns.take(() => turns.answer(response(log, 'C'), 'C'), fail(log, 'C'));
    await settle();
    expect(log).toEqual(['A failed: Error: thrown', 'B failed: Error: rejected', 'C written: C']);
  });

  it('destroy a response whose write throws, and still write the others of the slice', async () => {
    const turns = new RequestTurns(true);
    const log: string[] = [];
    const broken = response(log, 'A', true);
    turns.take(() => {
      turns.answer(broken, 'A');
      turns.answer(response(log, 'B'), 'B');
    }, fail(log));
    await settle();
    expect(broken.destroyedWith?.message).toBe('A cannot be written');
    expect(log).toEqual(['B written: B']);
  });
});

function fail(log: string[], name?: string) {
  return (error: unknown) => log.push(name ? `${name} failed: ${error}` : `failed: ${error}`);
}

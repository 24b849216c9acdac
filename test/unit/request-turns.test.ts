import http from 'node:http';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { GATHER_MAX_MS, GATHER_QUIET_MS, MAX_WAITING, MAX_WAITING_PER_CONNECTION, RequestTurns, SLICE_MS, TurnRequest } from '../../src/http/request-turns';

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

/** Slices that begin as soon as a request waits, for the tests of what happens within and between slices. */
const NO_GATHERING = { gatherQuietMs: 0 };
/**
 * And long enough that a test about which requests share a slice does not depend on how busy the machine is (a
 * 1 ms slice can end after one request on a loaded CI runner).
 */
const LONG_SLICES = { sliceMs: 10_000, gatherQuietMs: 0 };

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/** Waits until every request asked has had its turn: thousands take many passes, and a loaded machine slows each. */
async function drained(turns: RequestTurns): Promise<void> {
  const until = Date.now() + 10_000;
  while ((turns.pending.waiting > 0 || turns.pending.answers > 0) && Date.now() < until) await settle();
}

/** Asks for a turn on a connection of its own, unless one is given. */
function ask(turns: RequestTurns, run: TurnRequest['run'], failed: TurnRequest['failed'], more: Partial<TurnRequest> = {}): void {
  turns.take({ connection: {}, run, failed, abandoned: () => false, refused: (reason) => failed(new Error(`refused: ${reason}`)), ...more });
}

describe('request turns', () => {
  it('run in the order they were taken, and let the event loop take in new requests between slices', async () => {
    const turns = new RequestTurns(true, 30_000, NO_GATHERING);
    const log: string[] = [];
    const take = (name: string, ms: number) =>
      ask(turns, () => {
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
    // Until all have run, not a fixed time: a CI run found only A and B done after 50 ms on a busy machine.
    await settle();
    await drained(turns);
    // Node's own order would answer everything ready before polling again, and a request arriving just after a
    // poll would wait for a whole round; here each slice is followed by a pass of the event loop, and a newcomer
    // queues behind the requests already waiting.
    expect(log).toEqual(['A', 'poll', 'B', 'C', 'D', 'E']);
    expect(turns.pending).toEqual({ waiting: 0, answers: 0 });
  });

  it('run short requests back to back within one slice, and write their answers together when the slice ends', async () => {
    const turns = new RequestTurns(true, 30_000, LONG_SLICES);
    const log: string[] = [];
    for (const name of ['A', 'B', 'C']) {
      ask(turns, () => {
        log.push(`${name} runs`);
        turns.answer(response(log, name), `{"${name}":1}`);
      }, fail(log));
    }
    setImmediate(() => log.push('next pass'));
    await settle();
    expect(log).toEqual(['A runs', 'B runs', 'C runs', 'A written: {"A":1}', 'B written: {"B":1}', 'C written: {"C":1}', 'next pass']);
  });

  it('let a request keep its turn while it only computes across promises and ticks, as a DataLoader batch does', async () => {
    const turns = new RequestTurns(true, 30_000, LONG_SLICES);
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
    ask(turns, loaderLike('A'), fail(log));
    ask(turns, loaderLike('B'), fail(log));
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
    const turns = new RequestTurns(true, 30_000, NO_GATHERING);
    const log: string[] = [];
    ask(turns, async () => {
      log.push('A waits for the database');
      await new Promise((resolve) => setTimeout(resolve, 20));
      log.push('A has its rows');
      turns.answer(response(log, 'A'), 'A');
      expect(turns.pending.answers).toBe(1);
    }, fail(log));
    ask(turns, () => {
      log.push('B runs');
      turns.answer(response(log, 'B'), 'B');
    }, fail(log));
    await settle();
    expect(log).toEqual(['A waits for the database', 'B runs', 'B written: B', 'A has its rows', 'A written: A']);
  });

  it("tell the database's read batch where each slice begins and ends, also when a request's wait for I/O ends the slice", async () => {
    const log: string[] = [];
    const turns = new RequestTurns(true, 30_000, LONG_SLICES, { begin: () => log.push('slice begins'), end: () => log.push('slice ends') });
    ask(turns, async () => {
      log.push('A reads, then waits for I/O');
      await new Promise((resolve) => setTimeout(resolve, 20));
      turns.answer(response(log, 'A'), 'A');
    }, fail(log));
    ask(turns, async () => {
      await Promise.resolve();
      log.push('B computes across a promise');
      turns.answer(response(log, 'B'), 'B');
    }, fail(log));
    ask(turns, () => {
      log.push('C runs');
      turns.answer(response(log, 'C'), 'C');
    }, fail(log));
    await settle();
    expect(log).toEqual([
      'slice begins',
      'A reads, then waits for I/O',
      'slice ends',
      'slice begins',
      'B computes across a promise',
      'C runs',
      'slice ends',
      'B written: B',
      'C written: C',
      'A written: A',
    ]);
  });

  it('on SQLite, begin a slice once requests stop arriving, so that the ones arriving meanwhile share it', async () => {
    // The quiet time counts from the newest request: C and D come 30 and 60 ms after A, each within the quiet time
    // of the one before, so a slice that began the quiet time after the first request would leave D out.
    const quietMs = 100;
    const turns = new RequestTurns(true, 30_000, { sliceMs: 10_000, gatherQuietMs: quietMs, gatherMaxMs: 10_000 });
    const log: string[] = [];
    const ran = new Map<string, number>();
    const taken = new Map<string, number>();
    const take = (name: string) => {
      taken.set(name, performance.now());
      ask(turns, () => {
        ran.set(name, performance.now());
        log.push(`${name} runs`);
        turns.answer(response(log, name), name);
      }, fail(log));
    };
    take('A');
    take('B');
    setTimeout(() => take('C'), 30);
    setTimeout(() => take('D'), 60);
    await new Promise((resolve) => setTimeout(resolve, 60 + 3 * quietMs));
    // Without the gathering, A and B would have run and been written before C arrived.
    expect(log).toEqual(['A runs', 'B runs', 'C runs', 'D runs', 'A written: A', 'B written: B', 'C written: C', 'D written: D']);
    expect(ran.get('A')! - taken.get('D')!).toBeGreaterThanOrEqual(quietMs);
  });

  it('gather by default on SQLite and not on PostgreSQL, and refuse a rhythm that could never run a request', () => {
    expect(new RequestTurns(true, 30_000).rhythm).toEqual({ sliceMs: SLICE_MS, gatherQuietMs: GATHER_QUIET_MS, gatherMaxMs: GATHER_MAX_MS });
    expect(new RequestTurns(false, 30_000).rhythm).toEqual({ sliceMs: SLICE_MS, gatherQuietMs: 0, gatherMaxMs: GATHER_MAX_MS });
    expect(GATHER_QUIET_MS).toBeGreaterThan(0);
    // A request carried over from a slice that ran out of time has waited a whole slice: it must not gather again.
    expect(GATHER_MAX_MS).toBeLessThan(SLICE_MS);
    // A field given as undefined takes its default rather than leaving the slice without a length.
    expect(new RequestTurns(true, 30_000, { sliceMs: undefined }).rhythm.sliceMs).toBe(SLICE_MS);
    expect(() => new RequestTurns(true, 30_000, { sliceMs: 0 })).toThrow(RangeError);
    expect(() => new RequestTurns(true, 30_000, { gatherMaxMs: -1 })).toThrow(RangeError);
  });

  it('on SQLite, begin a slice at most the gathering limit after its first request came, even while more keep coming', async () => {
    const turns = new RequestTurns(true, 30_000, { gatherQuietMs: 10_000, gatherMaxMs: 20 });
    const firstTaken = performance.now();
    let firstRan = -1;
    ask(turns, () => void (firstRan = performance.now()), fail([]));
    ask(turns, () => undefined, fail([]));
    // Another request every millisecond for 300 ms.
    let firstRanWhileStreaming = false;
    const stream = setInterval(() => {
      if (firstRan >= 0) firstRanWhileStreaming = true;
      ask(turns, () => undefined, fail([]));
    }, 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    clearInterval(stream);
    await settle();
    expect(firstRanWhileStreaming).toBe(true);
    expect(firstRan - firstTaken).toBeGreaterThanOrEqual(20 - 1);
    expect(turns.pending).toEqual({ waiting: 0, answers: 0 });
  });

  it('run a lone request at once, without gathering', async () => {
    const turns = new RequestTurns(true, 30_000, { gatherQuietMs: 10_000, gatherMaxMs: 10_000 });
    const log: string[] = [];
    ask(turns, () => {
      log.push('A runs');
      turns.answer(response(log, 'A'), 'A');
    }, fail(log));
    setImmediate(() => log.push('next pass'));
    await settle();
    expect(log).toEqual(['A runs', 'A written: A', 'next pass']);
  });

  it('on a database whose reads wait (PostgreSQL), start the next request in the same slice while one waits', async () => {
    const turns = new RequestTurns(false, 30_000, LONG_SLICES);
    const log: string[] = [];
    ask(turns, async () => {
      log.push('A sends its query');
      await new Promise((resolve) => setTimeout(resolve, 20));
      log.push('A has its rows');
      turns.answer(response(log, 'A'), 'A');
    }, fail(log));
    ask(turns, async () => {
      log.push('B sends its query');
      await Promise.resolve();
      throw new Error('connection lost');
    }, fail(log, 'B'));
    ask(turns, () => {
      log.push('C runs');
      turns.answer(response(log, 'C'), 'C');
    }, fail(log));
    setImmediate(() => log.push('next pass'));
    await settle();
    expect(log).toEqual(['A sends its query', 'B sends its query', 'C runs', 'C written: C', 'B failed: Error: connection lost', 'next pass', 'A has its rows', 'A written: A']);
  });

  it('report a request that throws or rejects to its own handler, and go on with the others', async () => {
    const turns = new RequestTurns(true, 30_000);
    const log: string[] = [];
    ask(turns, () => {
      throw new Error('thrown');
    }, fail(log, 'A'));
    ask(turns, async () => {
      await Promise.resolve();
      throw new Error('rejected');
    }, fail(log, 'B'));
    ask(turns, () => turns.answer(response(log, 'C'), 'C'), fail(log, 'C'));
    await settle();
    expect(log).toEqual(['A failed: Error: thrown', 'B failed: Error: rejected', 'C written: C']);
  });

  it('refuse the requests of a connection beyond its share of waiting ones, and any beyond the total, at once', async () => {
    const turns = new RequestTurns(true, 30_000);
    const log: string[] = [];
    const pipelining = {};
    const onPipeline = (i: number) => ask(turns, () => void log.push(`ran ${i}`), fail(log, `pipelined ${i}`), { connection: pipelining });
    for (let i = 0; i < MAX_WAITING_PER_CONNECTION + 2; i++) onPipeline(i);
    ask(turns, () => void log.push('another connection ran'), fail(log));
    // The surplus is refused before anything runs: a refusal is an answer, so Node's brake on unread answers applies.
    expect(log).toEqual([`pipelined ${MAX_WAITING_PER_CONNECTION} failed: Error: refused: busy`, `pipelined ${MAX_WAITING_PER_CONNECTION + 1} failed: Error: refused: busy`]);
    await settle();
    expect(log.slice(2)).toEqual([...Array.from({ length: MAX_WAITING_PER_CONNECTION }, (_, i) => `ran ${i}`), 'another connection ran']);
    // Its whole share is free again once its requests have had their turn, and again after that, and no more than it.
    for (const round of [100, 200]) {
      for (let i = 0; i <= MAX_WAITING_PER_CONNECTION; i++) onPipeline(round + i);
      expect(log.at(-1)).toBe(`pipelined ${round + MAX_WAITING_PER_CONNECTION} failed: Error: refused: busy`);
      await settle();
      expect(log.slice(-MAX_WAITING_PER_CONNECTION)).toEqual(Array.from({ length: MAX_WAITING_PER_CONNECTION }, (_, i) => `ran ${round + i}`));
    }
    expect(log.filter((line) => line.includes('failed'))).toHaveLength(4);

    const refused: string[] = [];
    for (let i = 0; i <= MAX_WAITING; i++) ask(turns, () => undefined, (error) => refused.push(`${i}: ${error}`));
    expect(refused).toEqual([`${MAX_WAITING}: Error: refused: busy`]);
    await drained(turns);
    expect(turns.pending).toEqual({ waiting: 0, answers: 0 });
  });

  it('refuse a request that waited longer than the time limit instead of running it, and skip one whose client has gone', async () => {
    const turns = new RequestTurns(true, 5);
    const log: string[] = [];
    const connection = {};
    ask(turns, () => compute(20), fail(log, 'A'));
    ask(turns, () => void log.push('B ran'), fail(log, 'B'), { connection });
    ask(turns, () => void log.push('C ran'), fail(log, 'C'), { connection, abandoned: () => true });
    await settle();
    expect(log).toEqual(['B failed: Error: refused: late']);
    // Neither still counts against its connection's share of waiting requests, nor frees more than its own place:
    // of a full share and one more, only the one more is refused at once. (Whether they then run in time under the
    // 5 ms limit depends on the machine, so only the refusal is checked.)
    for (let i = 0; i <= MAX_WAITING_PER_CONNECTION; i++) ask(turns, () => undefined, fail(log, `then ${i}`), { connection });
    expect(log.slice(1)).toEqual([`then ${MAX_WAITING_PER_CONNECTION} failed: Error: refused: busy`]);
    await drained(turns);
  });

  it("free a connection's place once its request has had its turn, whether it threw, rejected, waited for I/O or was abandoned, on either database", async () => {
    for (const readsAreSynchronous of [true, false]) {
      const turns = new RequestTurns(readsAreSynchronous, 30_000);
      const log: string[] = [];
      const connection = {};
      const endings: TurnRequest['run'][] = [
        () => {
          throw new Error('thrown');
        },
        () => Promise.reject(new Error('rejected')),
        () => new Promise<void>((resolve) => setTimeout(resolve, 5)),
      ];
      for (const [i, run] of endings.entries()) ask(turns, run, fail(log, `ending ${i}`), { connection });
      ask(turns, () => void log.push('abandoned ran'), fail(log, 'abandoned'), { connection, abandoned: () => true });
      await settle();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(log).toEqual(['ending 0 failed: Error: thrown', 'ending 1 failed: Error: rejected']);
      for (let i = 0; i <= MAX_WAITING_PER_CONNECTION; i++) ask(turns, () => void log.push(`ran ${i}`), fail(log, `then ${i}`), { connection });
      expect(log.at(-1)).toBe(`then ${MAX_WAITING_PER_CONNECTION} failed: Error: refused: busy`);
      await settle();
      expect(log.slice(3)).toEqual(Array.from({ length: MAX_WAITING_PER_CONNECTION }, (_, i) => `ran ${i}`));
    }
  });

  it('go on with the others when a request\'s own failure handler throws, and raise that throw on its own', () => {
    // In a child process, where the uncaught exception can be watched without failing this test (on the build of
    // this source, which `npm test` makes first).
    const module = path.join(__dirname, '..', '..', 'dist', 'src', 'http', 'request-turns.js');
    const script = `
      const { RequestTurns } = require(${JSON.stringify(module)});
      const turns = new RequestTurns(true, 30000);
      const log = [];
      process.on('uncaughtException', (error) => log.push('uncaught: ' + error.message));
      const ask = (run, failed) => turns.take({ connection: {}, run, failed, abandoned: () => false, refused: () => {} });
      ask(() => { throw new Error('run broke'); }, () => { throw new Error('handler broke'); });
      ask(async () => { throw new Error('async run broke'); }, () => { throw new Error('async handler broke'); });
      ask(() => log.push('the next one ran'), () => {});
      setTimeout(() => console.log(JSON.stringify(log)), 50);`;
    const output = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    // The first throw is raised before the next request runs; the rejection's, whenever the promise settles.
    const log = JSON.parse(output) as string[];
    expect(log[0]).toBe('uncaught: handler broke');
    expect([...log].sort()).toEqual(['the next one ran', 'uncaught: async handler broke', 'uncaught: handler broke']);
  });

  it('destroy a response whose write throws, and still write the others of the slice', async () => {
    const turns = new RequestTurns(true, 30_000);
    const log: string[] = [];
    const broken = response(log, 'A', true);
    ask(turns, () => {
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

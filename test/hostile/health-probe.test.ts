import { startTestServer, TestServer } from '../helpers/server';
import { timed, underAttack, HEALTH_BOUND_MS } from '../helpers/hostile';

/** The probe every hostile suite relies on to tell an attack that blocks the server from one that does not. */
describe('the /healthz probe of the hostile suites', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  /** Keeps the event loop busy until the process has used `ms` of CPU (on a loaded machine that takes longer). */
  const busy = (ms: number) => {
    const start = process.cpuUsage();
    for (;;) {
      const used = process.cpuUsage(start);
      if ((used.user + used.system) / 1000 >= ms) return;
    }
  };

  it('reports a block in the middle of an attack', async () => {
    const { slowestHealthMs } = await underAttack(server, async () => {
      await sleep(30);
      busy(3 * HEALTH_BOUND_MS);
      await sleep(30);
    });
    expect(slowestHealthMs).toBeGreaterThanOrEqual(HEALTH_BOUND_MS);
  });

  it('reports a block at the very end of an attack', async () => {
    const { result, slowestHealthMs } = await underAttack(server, async () => {
      await sleep(30);
      busy(3 * HEALTH_BOUND_MS);
      return 'done';
    });
    expect(result).toBe('done');
    expect(slowestHealthMs).toBeGreaterThanOrEqual(HEALTH_BOUND_MS);
  });

  it('reports an attack that leaves the server free as quick', async () => {
    const { slowestHealthMs } = await underAttack(server, () => sleep(200));
    expect(slowestHealthMs).toBeLessThan(HEALTH_BOUND_MS);
  });

  it('ends its probe with a failed attack, and a failed attack fails the test', async () => {
    await expect(underAttack(server, () => sleep(50).then(() => Promise.reject(new Error('attack failed'))))).rejects.toThrow('attack failed');
  });

  it('does not count a wait that uses no CPU, as when the machine gives the process no time', async () => {
    const { slowestHealthMs } = await underAttack(server, async () => {
      await sleep(30);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3 * HEALTH_BOUND_MS);
      await sleep(30);
    });
    expect(slowestHealthMs).toBeLessThan(HEALTH_BOUND_MS);
  });

  it('times a request by the work it costs: CPU time used counts, a wait that uses none does not', async () => {
    const working = await timed(async () => {
      busy(150);
      return 'worked';
    });
    expect(working.res).toBe('worked');
    // At most the wall time, which the process's other threads can make shorter than the CPU time it used.
    expect(working.ms).toBeGreaterThanOrEqual(100);
    const waiting = await timed(async () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300));
    expect(waiting.res).toBe('timed-out');
    expect(waiting.ms).toBeLessThan(100);
  });
});

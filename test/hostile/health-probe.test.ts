import { startTestServer, TestServer } from '../helpers/server';
import { underAttack, HEALTH_BOUND_MS } from '../helpers/hostile';

/** The probe every hostile suite relies on: its repeat of a slow attempt must not hide an attack that blocks. */
describe('the /healthz probe of the hostile suites', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('reports an attack that blocks the event loop on every attempt as blocked, after three attempts', async () => {
    let attempts = 0;
    const { result, slowestHealthMs } = await underAttack(server, async () => {
      attempts += 1;
      await sleep(30);
      const until = performance.now() + 3 * HEALTH_BOUND_MS;
      while (performance.now() < until);
      await sleep(30);
      return attempts;
    });
    expect(slowestHealthMs).toBeGreaterThanOrEqual(HEALTH_BOUND_MS);
    expect([attempts, result]).toEqual([3, expect.any(Number)]);
  });

  it('runs an attack that leaves the server free once', async () => {
    let attempts = 0;
    const { slowestHealthMs } = await underAttack(server, async () => {
      attempts += 1;
      await sleep(60);
    });
    expect(attempts).toBe(1);
    expect(slowestHealthMs).toBeLessThan(HEALTH_BOUND_MS);
  });
});

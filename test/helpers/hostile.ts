import { TestServer } from './server';

/** The longest a /healthz answer may take while an attack runs (the refusal must not block the server). */
export const HEALTH_BOUND_MS = 100;

/**
 * Runs an attack while asking /healthz every 20 ms, and reports the slowest answer. The test server shares the
 * test's process, so an attack that blocks the event loop delays these answers by as long as it blocks. Each answer
 * is timed from when its ask was due, not from when it went out (a loop blocked while the probe waits for its next
 * turn delays the ask itself), and counts at most the CPU time the process used meanwhile: a block keeps the process
 * busy, while a machine that gives the whole process no time (other test workers, PostgreSQL, Chromium on two cores)
 * does not make it late by its own doing. A block that uses no CPU (a synchronous sleep, such as better-sqlite3
 * waiting for a lock another process holds) goes unseen (test/hostile/health-probe.test.ts shows both), and a block
 * is seen to within the 20 ms between asks.
 */
export async function underAttack<T>(server: TestServer, attack: () => Promise<T>): Promise<{ result: T; slowestHealthMs: number }> {
  const health = new URL('/healthz', server.url).toString();
  let slowest = 0;
  let running = true;
  // Untimed: the first fetch of a process loads and compiles its HTTP client.
  await (await fetch(health)).text();
  const probe = async () => {
    let due = performance.now();
    let cpu = process.cpuUsage();
    for (;;) {
      const res = await fetchOnce(health);
      await res.text();
      const used = process.cpuUsage(cpu);
      slowest = Math.max(slowest, Math.min(performance.now() - due, (used.user + used.system) / 1000));
      if (!running) return;
      due = performance.now() + 20;
      cpu = process.cpuUsage();
      // Asked once more after the wait even if the attack has ended meanwhile: it was due while the attack ran.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const probing = probe();
  let result: T;
  try {
    result = await attack();
  } finally {
    // Also when the attack fails: the probe's last ask must not outlive the test's server.
    running = false;
    await probing;
  }
  // Read after the probe's last ask: it may be the one that waited through a block at the attack's very end.
  return { result, slowestHealthMs: slowest };
}

/**
 * A fetch that asks once more when its pooled connection was reset. The test server shares the test's event loop:
 * after a block longer than the server's keep-alive timeout (5 s, seen on a loaded CI machine), the probe's wait
 * and the server's idle-connection timer fall due together, the probe writes on the pooled connection first, and
 * the server then closes it. That is the connection's timing, not an answer of the server's.
 */
async function fetchOnce(url: string): Promise<Response> {
  try {
    return await fetch(url);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
    return fetch(url);
  }
}

/**
 * How long a request took the server: its wall time, but at most the CPU time the whole process used meanwhile (the
 * test server shares the test's process). An attack that makes the server work shows in both; a machine that gives
 * the process no time (other test workers, PostgreSQL, Chromium on two cores) lengthens only the wall time.
 */
export async function timed<T>(send: () => Promise<T>): Promise<{ res: T; ms: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const res = await send();
  const used = process.cpuUsage(cpu);
  return { res, ms: Math.min(performance.now() - started, (used.user + used.system) / 1000) };
}

/** A raw POST to /graphql: for bodies and headers the GraphQL helpers cannot send. */
export async function postRaw(server: TestServer, body: string, headers: Record<string, string> = {}): Promise<{ status: number; json: any; text: string }> {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, json, text };
}

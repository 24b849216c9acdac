import { TestServer } from './server';

/**
 * Runs an attack while asking /healthz every 20 ms, and reports the slowest answer. The test server shares the
 * test's process, so an attack that blocks the event loop delays these answers by as long as it blocks.
 */
export async function underAttack<T>(server: TestServer, attack: () => Promise<T>): Promise<{ result: T; slowestHealthMs: number }> {
  const health = new URL('/healthz', server.url).toString();
  let slowest = 0;
  let running = true;
  const probe = async () => {
    while (running) {
      const started = performance.now();
      const res = await fetch(health);
      await res.text();
      slowest = Math.max(slowest, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const probing = probe();
  try {
    const result = await attack();
    return { result, slowestHealthMs: slowest };
  } finally {
    running = false;
    await probing;
  }
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

import { execFile, execFileSync, spawn } from 'node:child_process';
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DEV_REGISTRY, dropTestDatabases, testDatabaseUrl } from '../helpers/server';

const ROOT = path.join(__dirname, '..', '..');

describe('graceful shutdown', () => {
  it('on SIGTERM stops accepting, finishes the request in flight, closes the database and exits 0', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-shutdown-'));
    const databaseUrl = testDatabaseUrl(dir);
    // As deployed: under NODE_ENV=test Apollo would leave the signals alone whatever the server asks of it.
    const env = { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', REGISTRY_SEED: 'off' };
    try {
      await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin', 'registry.js'), 'import', DEV_REGISTRY], { env });
      const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'src', 'main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /at (http:\/\/\S+\/graphql)/.exec(out);
          if (match) resolve(match[1]!);
        });
        child.on('exit', () => reject(new Error(`server exited early: ${out}`)));
      });
      // The first overlap report builds the analysis (hundreds of milliseconds): it is in flight when SIGTERM comes.
      const inFlight = fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ overlapReport { totalCount } }"}' });
      await new Promise((resolve) => setTimeout(resolve, 50));
      child.kill('SIGTERM');
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(((await response.json()) as { data: { overlapReport: { totalCount: number } } }).data.overlapReport.totalCount).toBe(849);
      expect(await exited).toBe(0);
      // Log lines are written asynchronously; none is lost at a graceful exit, the last one included.
      const lines = out.trim().split('\n').map((line) => JSON.parse(line) as { msg: string; operation?: string; status?: number });
      expect(lines.find((l) => l.msg === 'request' && l.status === 200)).toBeDefined();
      expect(lines.at(-1)!.msg).toBe('stopped');
      await expect(fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ topics { totalCount } }"}' })).rejects.toThrow();
    } finally {
      await dropTestDatabases([databaseUrl]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('on SIGTERM exits within a few seconds even when nothing reads its stdout any more', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-stuck-'));
    const databaseUrl = testDatabaseUrl(dir);
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const env = { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', REGISTRY_SEED: 'off' };
    // stdout is a pipe (a FIFO, blocking as a shell's pipe is) whose reader never reads: it fills after 64 KiB.
    const fifo = path.join(dir, 'stdout');
    execFileSync('mkfifo', [fifo]);
    const reader = fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const writer = fs.openSync(fifo, 'w');
    try {
      const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'src', 'main.js')], { env, stdio: ['ignore', writer, 'pipe'] });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const url = `http://127.0.0.1:${port}/graphql`;
      for (let tries = 0; ; tries++) {
        const up = await fetch(url.replace('/graphql', '/healthz')).then((r) => r.ok, () => false);
        if (up) break;
        if (tries > 200) throw new Error('the server did not start');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // About 300 bytes of log line each: 600 requests are three times what the pipe holds.
      for (let i = 0; i < 600; i++) await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' })).text();
      const stopping = performance.now();
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      // The server waits 3 s for its last lines, then gives them up.
      expect(performance.now() - stopping).toBeLessThan(6000);
    } finally {
      fs.closeSync(writer);
      fs.closeSync(reader);
      await dropTestDatabases([databaseUrl]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

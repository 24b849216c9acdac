import { execFile, spawn } from 'node:child_process';
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
});

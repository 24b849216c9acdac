import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startTestServer, TestServer } from '../helpers/server';
import { underAttack, HEALTH_BOUND_MS } from '../helpers/hostile';

/** GET a path exactly as written (no URL normalisation by the client), as a browser asking for a page would. */
function getRaw(server: TestServer, rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port: server.port, path: rawPath, method: 'GET', headers: { accept: 'text/html,*/*' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('path traversal against the web app files', () => {
  let server: TestServer;
  let webDir: string;

  beforeAll(async () => {
    // A web folder inside a parent that holds a secret: nothing outside the folder may be served.
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'web-root-'));
    webDir = path.join(parent, 'web');
    fs.mkdirSync(path.join(webDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>app</title>');
    fs.writeFileSync(path.join(webDir, '.env'), 'SECRET=in-web-dir');
    fs.writeFileSync(path.join(parent, 'secret.txt'), 'SECRET=outside');
    server = await startTestServer({ config: { webDir } });
  });

  afterAll(async () => {
    await server.close();
    fs.rmSync(path.dirname(webDir), { recursive: true, force: true });
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e%5c%2e%2e%5csecret.txt',
    '/..%252fsecret.txt',
    '/.env',
    '/assets/%00index.html',
    '/%E0%A4%A',
  ])('refuses %s with 404 NOT_FOUND and serves nothing from outside', async (attack) => {
    const { result, slowestHealthMs } = await underAttack(server, () => getRaw(server, attack));
    expect(result.status).toBe(404);
    expect(JSON.parse(result.body)).toEqual({ errors: [{ message: expect.stringMatching(/^Nothing at .*; the API is at \/graphql$/), extensions: { code: 'NOT_FOUND' } }] });
    expect(result.body).not.toContain('SECRET');
    expect(slowestHealthMs).toBeLessThan(HEALTH_BOUND_MS);
  });
});

import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { APP_CSP } from '../../src/http/static-files';
import { startTestServer, TestServer } from '../helpers/server';

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(server: TestServer, rawPath: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port: server.port, path: rawPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('web app serving (src/http/static-files.ts)', () => {
  let server: TestServer;
  let bare: TestServer;
  let webDir: string;
  const script = `console.log(${JSON.stringify('x'.repeat(5000))});`;

  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'web-app-'));
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>app</title><script type="module" src="/assets/index-abc123.js"></script>');
    fs.writeFileSync(path.join(webDir, 'assets', 'index-abc123.js'), script);
    fs.writeFileSync(path.join(webDir, 'assets', 'style-abc123.css'), 'body{}');
    [server, bare] = await Promise.all([startTestServer({ config: { webDir } }), startTestServer({ config: { webDir: path.join(webDir, 'missing') } })]);
  });

  afterAll(async () => {
    await Promise.all([server.close(), bare.close()]);
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('serves index.html at / with the Content-Security-Policy and no caching', async () => {
    const res = await get(server, '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(APP_CSP);
    expect(APP_CSP).toContain("script-src 'self'");
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body.toString()).toContain('<title>app</title>');
  });

  it('answers the app routes a browser asks for as pages with index.html, and API clients with the JSON 404', async () => {
    const page = await get(server, '/units/bydel-alna', { accept: 'text/html,application/xhtml+xml' });
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('<title>app</title>');
    const api = await get(server, '/units/bydel-alna', { accept: 'application/json' });
    expect(api.status).toBe(404);
    expect(JSON.parse(api.body.toString()).errors[0].extensions.code).toBe('NOT_FOUND');
    const missingAsset = await get(server, '/assets/gone-123.js', { accept: 'text/html' });
    expect(missingAsset.status).toBe(404);
  });

  it('serves hashed assets with their type, a year of caching, and brotli or gzip as accepted', async () => {
    const br = await get(server, '/assets/index-abc123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-security-policy']).toBeUndefined();
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(script);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(script.length / 10);

    const gzip = await get(server, '/assets/index-abc123.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(script);

    const plain = await get(server, '/assets/index-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);

    const css = await get(server, '/assets/style-abc123.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');

    const again = await get(server, '/assets/index-abc123.js', { 'if-none-match': br.headers.etag! });
    expect(again.status).toBe(304);
  });

  it('keeps the GraphQL endpoint, the IDE and health checks where they were', async () => {
    expect((await server.gql('{ topics { totalCount } }')).data).toEqual({ topics: { totalCount: 0 } });
    expect((await get(server, '/graphql', { accept: 'text/html' })).body.toString()).toContain('GraphiQL');
    expect((await get(server, '/healthz')).status).toBe(200);
  });

  it('redirects / to the IDE when the app has not been built', async () => {
    const res = await get(bare, '/');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/graphql');
  });
});

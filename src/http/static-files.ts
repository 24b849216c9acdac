import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.map']);

/**
 * The app's pages may run only its own scripts and talk only to this server. Styles may be inline because
 * Cytoscape.js and Chart.js write style attributes on the elements they create; an injected style cannot run code.
 */
export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

interface Prepared {
  type: string;
  raw: Buffer;
  gzip?: Buffer;
  br?: Buffer;
  etag: string;
}

/**
 * Serves a built single-page app from `root`: files under it (never outside: `..`, encoded or not, is refused),
 * compressed once per file with brotli or gzip as the client accepts, hashed assets cached for a year, and
 * index.html for `/` and for any extension-less path a browser asks for as a page (the app's own routes).
 */
export class StaticFiles {
  private readonly root: string;
  private readonly cache = new Map<string, Prepared>();

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  get available(): boolean {
    return fs.existsSync(path.join(this.root, 'index.html'));
  }

  /** Answers the request and returns true, or returns false when there is no such file or page. */
  serve(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const file = this.resolve(pathname, req.headers.accept ?? '');
    if (!file) return false;
    const prepared = this.prepare(file);
    const isIndex = path.basename(file) === 'index.html';
    const headers: Record<string, string> = {
      'content-type': prepared.type,
      etag: prepared.etag,
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
      // Vite names built assets by content hash, so they never change under the same name.
      'cache-control': pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (isIndex) {
      headers['content-security-policy'] = APP_CSP;
      headers['referrer-policy'] = 'same-origin';
    }
    if (req.headers['if-none-match'] === prepared.etag) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    const accepted = String(req.headers['accept-encoding'] ?? '');
    let body = prepared.raw;
    if (prepared.br && /\bbr\b/.test(accepted)) {
      body = prepared.br;
      headers['content-encoding'] = 'br';
    } else if (prepared.gzip && /\bgzip\b/.test(accepted)) {
      body = prepared.gzip;
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = String(body.length);
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }

  /** The file for a URL path, or null: nothing outside root, no dot-files, index.html for app routes. */
  private resolve(pathname: string, accept: string): string | null {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return null;
    }
    if (decoded.includes('\0') || decoded.split(/[\\/]/).some((part) => part === '..' || part.startsWith('.'))) return null;
    const candidate = path.resolve(this.root, `.${decoded}`);
    if (candidate !== this.root && !candidate.startsWith(this.root + path.sep)) return null;
    if (candidate !== this.root && fs.statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
    const isPageRoute = path.extname(decoded) === '' && (decoded === '/' || accept.includes('text/html'));
    const index = path.join(this.root, 'index.html');
    return isPageRoute && fs.existsSync(index) ? index : null;
  }

  /** The file with its compressed forms, made once per version of the file (a rebuild is picked up at once). */
  private prepare(file: string): Prepared {
    const stat = fs.statSync(file);
    const etag = `"${stat.size.toString(36)}-${stat.mtimeMs.toString(36)}"`;
    const known = this.cache.get(file);
    if (known?.etag === etag) return known;
    const raw = fs.readFileSync(file);
    const ext = path.extname(file);
    const prepared: Prepared = { type: TYPES[ext] ?? 'application/octet-stream', raw, etag };
    if (COMPRESSIBLE.has(ext) && raw.length > 1024) {
      prepared.gzip = zlib.gzipSync(raw, { level: 9 });
      prepared.br = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
    }
    this.cache.set(file, prepared);
    return prepared;
  }
}

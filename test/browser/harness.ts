import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const root = path.join(__dirname, '..', '..');
const webDir = path.join(root, 'dist', 'web');
export const SCREENSHOTS = path.join(root, 'test-output', 'screenshots');

/**
 * Browser tests run where Chromium is installed, and always in CI (where .ci/run installs it): a missing browser
 * there is a failure, not a skip.
 */
export function browserTestsEnabled(): boolean {
  if (fs.existsSync(CHROMIUM) || process.env.CI) return true;
  console.log(`Browser tests skipped: ${CHROMIUM} is absent (apt-get install -y chromium); with CI set they run and fail without it.`);
  return false;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** `npm ci` builds the app (prepare); a checkout edited since, or never built, is built here once. */
export function ensureWebBuild(): void {
  const index = path.join(webDir, 'index.html');
  const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sources = Math.max(newestMtime(path.join(root, 'web', 'src')), fs.statSync(path.join(root, 'web', 'index.html')).mtimeMs, fs.statSync(path.join(root, 'web', 'vite.config.mts')).mtimeMs);
  if (builtAt >= sources) return;
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', path.join(root, 'web', 'vite.config.mts'), '--logLevel', 'warn'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
}

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Requests that tried to leave the machine (aborted). */
  external: string[];
  /** POST /graphql requests made so far. */
  graphqlRequests(): number;
  close(): Promise<void>;
}

/** A fresh context and page that records console errors and refuses (and records) any request not to 127.0.0.1. */
export async function openPage(browser: Browser, options: { width?: number; token?: string; lang?: 'nb' | 'en' } = {}): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, acceptDownloads: true });
  // Scripts as text: they run in the page, which the Node-side type checker knows nothing of.
  if (options.token) await context.addInitScript({ content: `sessionStorage.setItem('registry.token', ${JSON.stringify(options.token)});` });
  if (options.lang) await context.addInitScript({ content: `localStorage.setItem('registry.lang', ${JSON.stringify(options.lang)});` });
  const errors: string[] = [];
  const external: string[] = [];
  let graphql = 0;
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    external.push(url.href);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') graphql++;
  });
  return { context, page, errors, external, graphqlRequests: () => graphql, close: () => context.close() };
}

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it is now (id: the elements concerned). */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((result) =>
    result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))`)) as {
    id: string;
    impact: string | null;
    targets: string[];
  }[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.targets.join(', ')}`);
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** Polls until `read` returns `expected` (or the time is up, then returns the last value for the assertion). */
export async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (value !== expected && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

/**
 * Milliseconds from a click's event to the end of the first frame in which `ready` (an expression evaluated in the
 * page) holds, once that frame's work on the page's thread (scripts, style, layout, paint) is done and it goes to
 * the screen: what the user waits, measured in the page. Playwright's own steps around a click (scrolling, waiting for
 * the target to be still, polling for the answer) take longer on a loaded machine and are not counted. `probe` is
 * evaluated right after that frame, before any later one.
 */
export async function clickToPaint(page: Page, target: Locator, ready: string, probe = 'null'): Promise<{ ms: number; probe: unknown }> {
  await target.scrollIntoViewIfNeeded();
  await page.evaluate(`window.__clickToPaint = new Promise((resolve, reject) => {
    document.addEventListener('click', (event) => {
      const clicked = event.timeStamp;
      const giveUp = setTimeout(() => reject(new Error('not ready 10 s after the click: ' + ${JSON.stringify(ready)})), 10000);
      // A task queued from a frame's callbacks runs once the frame's work on the page's thread is done.
      const painted = () => {
        clearTimeout(giveUp);
        resolve({ ms: performance.now() - clicked, probe: ${probe} });
      };
      const check = () => requestAnimationFrame(() => (${ready} ? setTimeout(painted, 0) : check()));
      check();
    }, { capture: true, once: true });
  }); undefined`);
  await target.click();
  const { ms, probe: probed } = (await page.evaluate('window.__clickToPaint')) as { ms: number; probe: unknown };
  return { ms: Math.round(ms), probe: probed };
}

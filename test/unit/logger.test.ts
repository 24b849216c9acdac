import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createLogger, logDestination, writeLine } from '../../src/observability/logger';

describe('the logger', () => {
  it('stamps every line with its own ISO time, many lines in one millisecond and a line after them alike', async () => {
    const lines: { time: string; msg: string }[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line)) });
    const before = Date.now();
    for (let i = 0; i < 200; i++) logger.info(`line ${i}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    logger.info('later');
    const after = Date.now();
    expect(lines).toHaveLength(201);
    for (const line of lines) {
      expect(new Date(line.time).toISOString()).toBe(line.time);
      expect(Date.parse(line.time)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(line.time)).toBeLessThanOrEqual(after);
    }
    expect(Date.parse(lines[200]!.time) - Date.parse(lines[0]!.time)).toBeGreaterThanOrEqual(5);
  });

  type Destination = ReturnType<typeof logDestination> & { flush(cb: (error?: Error) => void): void; end(): void };
  const flushed = (destination: Destination) => new Promise<void>((resolve, reject) => destination.flush((error) => (error ? reject(error) : resolve())));
  const numbers = (file: string) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { n: number }).n);
  /** The numbers of the lines in `file` once the destination says every line handed to it is written. */
  const written = async (file: string, destination: Destination) => {
    await flushed(destination);
    return numbers(file);
  };
  const LOGGER_JS = JSON.stringify(path.join(__dirname, '..', '..', 'dist', 'src', 'observability', 'logger.js'));

  it('writes to its default kind of destination without losing or reordering lines', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'logger-')), 'log.jsonl');
    const destination = logDestination(fs.openSync(file, 'w')) as Destination;
    const logger = createLogger('info', destination);
    for (let i = 0; i < 1000; i++) logger.info({ n: i }, 'counted');
    expect(await written(file, destination)).toEqual([...Array(1000).keys()]);
    destination.end();
  });

  it('writes a few lines after 10 ms and nothing while idle, many in writes of at most 16 KiB, all in order', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'logger-')), 'log.jsonl');
    const fd = fs.openSync(file, 'w');
    const writes: { bytes: number; lines: number }[] = [];
    const write = fs.write;
    const spy = jest.spyOn(fs, 'write').mockImplementation(((...args: unknown[]) => {
      if (args[0] === fd) writes.push({ bytes: (args[1] as Buffer).length, lines: (args[1] as Buffer).toString().split('\n').length - 1 });
      return (write as (...a: unknown[]) => void)(...args);
    }) as typeof fs.write);
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick'] });
    try {
      const destination = logDestination(fd) as Destination;
      const logger = createLogger('info', destination);
      for (let i = 0; i < 20; i++) logger.info({ n: i }, 'counted');
      jest.advanceTimersByTime(9);
      expect(writes).toEqual([]);
      jest.advanceTimersByTime(1);
      expect(writes.map((w) => w.lines)).toEqual([20]);
      expect(await written(file, destination)).toEqual([...Array(20).keys()]);
      jest.advanceTimersByTime(1000);
      expect(writes).toHaveLength(1);
      jest.useRealTimers();
      for (let i = 20; i < 1000; i++) logger.info({ n: i }, 'counted');
      expect(await written(file, destination)).toEqual([...Array(1000).keys()]);
      expect(writes.reduce((sum, w) => sum + w.lines, 0)).toBe(1000);
      expect(Math.max(...writes.map((w) => w.bytes))).toBeLessThanOrEqual(16 * 1024);
      destination.end();
    } finally {
      jest.useRealTimers();
      spy.mockRestore();
    }
  });

  it('gives up on lines whose write fails (a full disk), tells stderr once and the flush the error, and retries nothing', async () => {
    const fd = fs.openSync('/dev/full', 'w');
    let writes = 0;
    const write = fs.write;
    const spy = jest.spyOn(fs, 'write').mockImplementation(((...args: unknown[]) => {
      if (args[0] === fd) writes += 1;
      return (write as (...a: unknown[]) => void)(...args);
    }) as typeof fs.write);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const destination = logDestination(fd) as Destination;
      const logger = createLogger('info', destination);
      for (let i = 0; i < 100; i++) logger.info({ n: i }, 'counted');
      await expect(flushed(destination)).rejects.toMatchObject({ code: 'ENOSPC' });
      const after = writes;
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(writes).toBe(after);
      expect(stderr.mock.calls.map(([text]) => String(text))).toEqual([expect.stringMatching(/^log lines cannot be written: ENOSPC.*they are dropped/)]);
      await expect(flushed(destination)).resolves.toBeUndefined();
    } finally {
      stderr.mockRestore();
      spy.mockRestore();
    }
  });

  it('writes the lines still waiting when the process exits at once', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'logger-')), 'log.jsonl');
    const script = `
      const fs = require('node:fs');
      const { createLogger, logDestination } = require(${LOGGER_JS});
      const logger = createLogger('info', logDestination(fs.openSync(${JSON.stringify(file)}, 'w')));
      for (let i = 0; i < 300; i++) logger.info({ n: i }, 'counted');
      process.exit(3);`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect([run.status, run.stderr]).toEqual([3, '']);
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { n: number });
    expect(lines.map((l) => l.n)).toEqual([...Array(300).keys()]);
  });

  // stdout as a pipe whose reader starts late, made non-blocking by opening stderr on the same pipe (2>&1): what
  // `registry serve | collector` meets when the collector falls behind.
  it.each([
    ['exits at once', `process.exit(0);`],
    ['logs its last line once stdout is backed up and exits once the logger is flushed, as registry serve does', `setTimeout(() => { logger.info('stopped'); logger.flush(() => process.exit(0)); }, 200);`],
  ])('loses, cuts and splices no line on a slow pipe when the process %s', (_, end) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'logger-'));
    const script = path.join(dir, 'log.js');
    fs.writeFileSync(
      script,
      `console.error('starting');
      const { createLogger, logDestination } = require(${LOGGER_JS});
      const logger = createLogger('info', logDestination());
      for (let i = 0; i < 3000; i++) logger.info({ n: i, pad: 'x'.repeat(200) }, 'counted');
      ${end}`,
    );
    const run = spawnSync('sh', ['-c', `"${process.execPath}" "${script}" 2>&1 | (sleep 1; cat)`], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    const [first, ...rest] = run.stdout.trimEnd().split('\n');
    expect(first).toBe('starting');
    const lines = rest.map((l) => JSON.parse(l) as { n?: number; msg: string });
    expect(lines.filter((l) => l.msg === 'counted').map((l) => l.n)).toEqual([...Array(3000).keys()]);
    if (end.includes('stopped')) expect(lines.at(-1)!.msg).toBe('stopped');
  });

  it('writes the request line exactly as pino writes the same fields, bindings included, and not below its level', () => {
    const texts: string[] = [];
    const root = createLogger('info', { write: (line: string) => void texts.push(line) });
    const fields = { requestId: 'r-1', method: 'POST', path: '/graphql?q="x"\\\u0001æ', status: 200, durationMs: 1.25, none: undefined, errors: ['A', 'B'], nested: { a: [1, null] } };
    for (const logger of [root, root.child({ component: 'http' })]) {
      writeLine(logger, 'info', fields, 'request');
      logger.info(fields, 'request');
      writeLine(logger, 'info', {}, 'empty "one"');
      logger.info({}, 'empty "one"');
      writeLine(logger, 'debug', fields, 'not written');
    }
    const timeless = texts.map((t) => t.replace(/"time":"[^"]+"/, '"time":"T"'));
    expect(timeless).toHaveLength(8);
    for (let i = 0; i < 8; i += 2) expect(timeless[i]).toBe(timeless[i + 1]);
    expect(JSON.parse(texts[0]!)).toEqual({ level: 'info', time: expect.any(String), service: 'collaboration-registry', ...fields, none: undefined, msg: 'request' });
    expect(JSON.parse(texts[4]!)).toMatchObject({ component: 'http', requestId: 'r-1' });
  });
});

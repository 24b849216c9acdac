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

  it('writes to its default kind of destination without losing or reordering lines', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'logger-')), 'log.jsonl');
    const destination = logDestination(fs.openSync(file, 'w')) as ReturnType<typeof logDestination> & { flushSync(): void; end(): void };
    const logger = createLogger('info', destination);
    for (let i = 0; i < 1000; i++) logger.info({ n: i }, 'counted');
    destination.flushSync();
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { n: number });
    expect(lines.map((l) => l.n)).toEqual([...Array(1000).keys()]);
    destination.end();
  });

  it('writes the lines of a few milliseconds in one write, after them, and in order', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'logger-')), 'log.jsonl');
    const fd = fs.openSync(file, 'w');
    const writes: number[] = [];
    const write = fs.write;
    const spy = jest.spyOn(fs, 'write').mockImplementation(((...args: unknown[]) => {
      if (args[0] === fd) writes.push(String(args[1]).split('\n').length - 1);
      return (write as (...a: unknown[]) => void)(...args);
    }) as typeof fs.write);
    try {
      const destination = logDestination(fd) as ReturnType<typeof logDestination> & { flush(cb: () => void): void; end(): void };
      const logger = createLogger('info', destination);
      jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick'] });
      for (let i = 0; i < 25; i++) logger.info({ n: i }, 'counted');
      await new Promise((resolve) => setImmediate(resolve));
      for (let i = 25; i < 50; i++) logger.info({ n: i }, 'counted');
      jest.advanceTimersByTime(9);
      expect(writes).toEqual([]);
      jest.advanceTimersByTime(1);
      expect(writes).toEqual([50]);
      jest.useRealTimers();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { n: number });
      expect(lines.map((l) => l.n)).toEqual([...Array(50).keys()]);
      destination.end();
    } finally {
      jest.useRealTimers();
      spy.mockRestore();
    }
  });

  it('writes the lines still gathered when the process exits at once', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'logger-')), 'log.jsonl');
    const script = `
      const fs = require('node:fs');
      const { createLogger, logDestination } = require(${JSON.stringify(path.join(__dirname, '..', '..', 'dist', 'src', 'observability', 'logger.js'))});
      const logger = createLogger('info', logDestination(fs.openSync(${JSON.stringify(file)}, 'w')));
      for (let i = 0; i < 300; i++) logger.info({ n: i }, 'counted');
      process.exit(3);`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect([run.status, run.stderr]).toEqual([3, '']);
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { n: number });
    expect(lines.map((l) => l.n)).toEqual([...Array(300).keys()]);
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

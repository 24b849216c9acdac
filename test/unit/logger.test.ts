import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { createLogger, logDestination } from '../../src/observability/logger';

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

  it('writes to its default kind of destination without losing or reordering lines', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'logger-')), 'log.jsonl');
    const destination = logDestination(file) as ReturnType<typeof logDestination> & { flushSync(): void; end(): void };
    await once(destination as unknown as NodeJS.EventEmitter, 'ready');
    const logger = createLogger('info', destination);
    for (let i = 0; i < 1000; i++) logger.info({ n: i }, 'counted');
    destination.flushSync();
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { n: number });
    expect(lines.map((l) => l.n)).toEqual([...Array(1000).keys()]);
    destination.end();
  });
});

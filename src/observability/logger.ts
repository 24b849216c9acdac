import fs from 'node:fs';
import pino, { DestinationStream, Logger } from 'pino';
import { currentTrace } from './request-trace';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The id of the request being served, if any (for error responses a caller can quote). */
export function currentRequestId(): string | undefined {
  return currentTrace()?.requestId;
}

/**
 * Where the server's log lines go: stdout (or `fd`), written asynchronously. A line is added to a buffer and the
 * server goes on; the buffer is written while it serves, in one write per batch under load, instead of a system call
 * per line (README, HTTP figures). On any exit, what is still waiting is written synchronously first; lines are lost
 * only if the process is killed outright (SIGKILL, out of memory). When whatever reads stdout stops reading, the buffer holds at most MAX_BUFFERED_LOG_BYTES and newer lines
 * are dropped, rather than the server stopping with its reader or growing without bound.
 */
export function logDestination(fd = 1): DestinationStream {
  const batch = new LineBatch(fd, pino.destination({ dest: fd, sync: false, maxLength: MAX_BUFFERED_LOG_BYTES, contentMode: 'buffer' }));
  if (!writesAtExit) process.once('exit', () => openBatches.forEach((b) => b.drainSync()));
  writesAtExit = true;
  openBatches.add(batch);
  return batch;
}

type SonicBoom = ReturnType<typeof pino.destination>;

/** Every destination made in this process (one per server), so lines still waiting are written at exit too. */
const openBatches = new Set<LineBatch>();
let writesAtExit = false;

/**
 * Lines gathered for BATCH_MS, handed to pino's writer (sonic-boom) as one Buffer. Line by line, in its text mode,
 * sonic-boom measured the UTF-8 length of its whole pending chunk (up to 16 KiB) on every write and encoded each
 * chunk a second time once written: that cost more per request than making the line. Gathering for a few
 * milliseconds rather than one turn of the event loop makes one write, on a thread of libuv's pool, per a few hundred
 * lines under load instead of one per few lines: on two cores those writes took time from serving (README, HTTP
 * figures). A log line reaches stdout at most BATCH_MS late.
 */
const BATCH_MS = 10;

class LineBatch implements DestinationStream {
  private lines: string[] = [];

  constructor(
    private readonly fd: number,
    private readonly sink: SonicBoom,
  ) {}

  write(line: string): void {
    if (this.lines.push(line) === 1) setTimeout(this.drain, BATCH_MS);
  }

  flush(callback: (error?: Error) => void): void {
    this.drain();
    this.sink.flush(callback);
  }

  /** Writes what sonic-boom holds, then the lines gathered, before returning (not a write sonic-boom has in flight). */
  flushSync(): void {
    this.sink.flushSync();
    const pending = this.take();
    if (pending) fs.writeSync(this.fd, pending);
  }

  end(): void {
    this.drain();
    openBatches.delete(this);
    this.sink.end();
  }

  drainSync(): void {
    try {
      this.flushSync();
    } catch {
      // A writer already ended, or whose reader has gone (EPIPE), has nowhere to write: at exit there is no one to tell.
    }
  }

  private readonly drain = (): void => {
    const pending = this.take();
    // Its buffer mode takes Buffers; its type declares the text mode's write only.
    if (pending) this.sink.write(Buffer.from(pending) as unknown as string);
  };

  private take(): string {
    const pending = this.lines.length === 1 ? this.lines[0]! : this.lines.join('');
    this.lines = [];
    return pending;
  }
}

export const MAX_BUFFERED_LOG_BYTES = 16 * 2 ** 20;

let timeOfMs = 0;
let timeField = '';

/**
 * pino's ISO time field, made once per millisecond: under load many lines fall in the same millisecond, and
 * formatting the date was the largest single cost of a line.
 */
function isoTime(): string {
  const now = Date.now();
  if (now !== timeOfMs) {
    timeOfMs = now;
    timeField = `,"time":"${new Date(now).toISOString()}"`;
  }
  return timeField;
}

const { streamSym, chindingsSym } = pino.symbols;

/**
 * Writes one line exactly as `logger[level](fields, msg)` would (the same keys in the same order: level, time, the
 * logger's bindings, the fields, msg), with the fields made by one native JSON.stringify: pino's own loop over each
 * field and each character of its text was a sixth of a W3 request's CPU with logging on (README, HTTP figures).
 * For the line every request writes; every other line goes through pino. No mixin: the request line names its
 * request itself.
 */
export function writeLine(logger: Logger, level: 'info' | 'debug', fields: Record<string, unknown>, msg: string): void {
  if (!logger.isLevelEnabled(level)) return;
  const internals = logger as unknown as Record<symbol, unknown>;
  const json = JSON.stringify(fields);
  const body = json.length > 2 ? `,${json.slice(1, -1)}` : '';
  (internals[streamSym] as DestinationStream).write(`{"level":"${level}"${isoTime()}${internals[chindingsSym] as string}${body},"msg":${JSON.stringify(msg)}}\n`);
}

/**
 * JSON lines on stdout (or `destination`), one object per event, with ISO times and level names, so a log
 * collector can index them without parsing text. Lines written while serving a request (inside its trace) carry its id.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'collaboration-registry' },
      timestamp: isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const trace = currentTrace();
        return trace ? { requestId: trace.requestId } : {};
      },
    },
    // A silent logger writes nothing: it needs no buffer of its own on stdout.
    destination ?? (level === 'silent' ? undefined : logDestination()),
  );
}

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
 * Where the server's log lines go: stdout (or `fd`), written asynchronously by pino's writer (sonic-boom). A line is
 * added to its buffer and the server goes on; lines go out once WRITE_AT_BYTES have gathered or WRITE_AFTER_MS have
 * passed, in writes of up to 16 KiB, instead of a system call per line (README, HTTP figures). `logger.flush` calls
 * back once every line handed over has been written. When whatever reads stdout stops reading, the buffer holds at
 * most MAX_BUFFERED_LOG_BYTES and newer lines are dropped, rather than the server stopping with its reader or growing
 * without bound. At exit pino writes what is left synchronously, retrying for as long as stdout stays stuck; a write
 * sonic-boom is still retrying then is lost. `registry serve` flushes before it exits, and abandons the lines when
 * stdout has not taken them in time (abandonLogLines).
 */
export function logDestination(fd = 1): DestinationStream {
  // Node opens stdout as a libuv pipe on first use, which makes a pipe non-blocking: a write to a stuck reader then
  // waits and retries instead of blocking a thread of libuv's pool, which an exit would wait for without end.
  if (fd === 1) void process.stdout;
  return new LinesAsBuffers(pino.destination({ dest: fd, sync: false, contentMode: 'buffer', minLength: WRITE_AT_BYTES, maxLength: MAX_BUFFERED_LOG_BYTES }));
}

const WRITE_AT_BYTES = 8 * 1024;
const WRITE_AFTER_MS = 10;
const MAX_BUFFERED_LOG_BYTES = 16 * 2 ** 20;

type SonicBoom = ReturnType<typeof pino.destination>;

const { streamSym, chindingsSym } = pino.symbols;

/** A logger's part that pino exports the symbol of (its destination, its bindings as JSON) but declares no type for. */
const internalOf = (logger: Logger, symbol: symbol): unknown => (logger as unknown as Record<symbol, unknown>)[symbol];

/**
 * Hands each line to sonic-boom as a Buffer, for its buffer mode: in its text mode it measured the UTF-8 length of
 * its whole pending chunk (up to 16 KiB) on every line and encoded each chunk a second time once written, which cost
 * more per request than making the line (README, HTTP figures). It counts the bytes handed over and written, so lines
 * below the threshold are written WRITE_AFTER_MS later (a timer only while some wait: an idle server writes nothing),
 * and a flush waits for all of them (sonic-boom's own calls back once less than its threshold is left).
 */
class LinesAsBuffers implements DestinationStream {
  private handed = 0;
  private written = 0;
  private timer: NodeJS.Timeout | undefined;
  private failing = false;
  private readonly flushes: ((error?: Error) => void)[] = [];

  constructor(private readonly sink: SonicBoom) {
    sink.on('write', (bytes: number) => {
      this.written += bytes;
      this.failing = false;
      if (this.waiting() <= 0) this.settle();
    });
    // A line dropped past MAX_BUFFERED_LOG_BYTES will never be written: it waits no more.
    sink.on('drop', (data: Buffer) => (this.written += data.length));
    // A write failed for good (sonic-boom retries EAGAIN itself; pino stops writing on EPIPE, the reader gone): what
    // waits is given up, instead of retrying the failing write every WRITE_AFTER_MS, and a flush hears of it.
    sink.on('error', (error: NodeJS.ErrnoException) => {
      if (!this.failing && error.code !== 'EPIPE') process.stderr.write(`log lines cannot be written: ${error.message}; they are dropped until a write succeeds\n`);
      this.failing = true;
      this.giveUp();
      this.settle(error);
    });
  }

  write(line: string): void {
    const buffer = Buffer.from(line);
    this.handed += buffer.length;
    // Its buffer mode takes Buffers; its type declares the text mode's write only.
    this.sink.write(buffer as unknown as string);
    this.timer ??= setTimeout(this.writeWaiting, WRITE_AFTER_MS).unref();
  }

  flush(callback: (error?: Error) => void): void {
    if (this.waiting() <= 0) return callback();
    this.flushes.push(callback);
    this.sink.flush();
  }

  end(): void {
    this.stopTimer();
    this.sink.end();
  }

  /** Drops what waits and closes the writer, so that an exit does not wait for a stdout that takes nothing. */
  abandon(): void {
    this.giveUp();
    this.sink.destroy();
  }

  /** Bytes handed over and neither written nor dropped. */
  private waiting(): number {
    return this.handed - this.written;
  }

  private giveUp(): void {
    this.written = this.handed;
    this.stopTimer();
  }

  private stopTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Calls the flushes back outside sonic-boom's event, so that a callback's throw cannot leave it half-updated. */
  private settle(error?: Error): void {
    const callbacks = this.flushes.splice(0);
    if (callbacks.length) process.nextTick(() => callbacks.forEach((callback) => callback(error)));
  }

  private readonly writeWaiting = (): void => {
    this.timer = undefined;
    if (this.waiting() <= 0) return;
    this.sink.flush();
    this.timer = setTimeout(this.writeWaiting, WRITE_AFTER_MS).unref();
  };
}

/**
 * Gives up on the log lines still waiting (stdout has stopped taking them, or fails), so that an exit does not wait
 * for them: pino's exit handler would otherwise retry them for as long as stdout stays stuck.
 */
export function abandonLogLines(logger: Logger): void {
  const destination = internalOf(logger, streamSym);
  if (destination instanceof LinesAsBuffers) destination.abandon();
}

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

/**
 * Writes one line exactly as `logger[level](fields, msg)` would (the same keys in the same order: level, time, the
 * logger's bindings, the fields, msg), with the fields made by one native JSON.stringify: pino's own loop over each
 * field and each character of its text was about 3 % of the server's CPU under W3 load (README, HTTP figures).
 * For the line every request writes; every other line goes through pino. No mixin (the request line names its
 * request itself), no serializers (its fields are text, numbers and lists of codes); a lone surrogate in a text is
 * written escaped, where pino writes it raw.
 */
export function writeLine(logger: Logger, level: 'info' | 'debug', fields: Record<string, unknown>, msg: string): void {
  if (!logger.isLevelEnabled(level)) return;
  const json = JSON.stringify(fields);
  const body = json.length > 2 ? `,${json.slice(1, -1)}` : '';
  (internalOf(logger, streamSym) as DestinationStream).write(`{"level":"${level}"${isoTime()}${internalOf(logger, chindingsSym) as string}${body},"msg":${JSON.stringify(msg)}}\n`);
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

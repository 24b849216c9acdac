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
 * Where the server's log lines go: stdout (or `dest`, a descriptor or a path), written asynchronously. A line is
 * added to a buffer and the server goes on; the buffer is written while it serves, in one write per batch under
 * load, instead of a system call per line (README, HTTP figures: W3 with the log line went from 0.71× to 0.75× of
 * the reference server). At exit, `registry serve` waits for the buffer to be written (logger.flush); lines still
 * in it are lost only if the process is killed outright (SIGKILL, out of memory). When whatever reads stdout stops
 * reading, the buffer holds at most MAX_BUFFERED_LOG_BYTES and newer lines are dropped, rather than the server
 * stopping with its reader or growing without bound.
 */
export function logDestination(dest: number | string = 1): DestinationStream {
  return pino.destination({ dest, sync: false, maxLength: MAX_BUFFERED_LOG_BYTES });
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

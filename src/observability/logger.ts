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
 * load (a synchronous write of every line cost the one-record lookup W3 about a quarter of its throughput, see the
 * README's HTTP figures), and is flushed when the process exits. Lines still in the buffer are lost only if the
 * process is killed outright (SIGKILL, out of memory).
 */
export function logDestination(dest: number | string = 1): DestinationStream {
  return pino.destination({ dest, sync: false });
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
 * JSON lines on stdout (or `destination`), one object per event, with ISO times and level names, so a log
 * collector can index them without parsing text. Lines written while serving a request (inside its trace) carry its id.
 */
export function createLogger(level: LogLevel, destination: DestinationStream = logDestination()): Logger {
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
    destination,
  );
}

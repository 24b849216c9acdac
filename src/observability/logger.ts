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
 * JSON lines on stdout (or `destination`), one object per event, with ISO times and level names, so a log
 * collector can index them without parsing text. Lines written while serving a request (inside its trace) carry its id.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'collaboration-registry' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const trace = currentTrace();
        return trace ? { requestId: trace.requestId } : {};
      },
    },
    destination,
  );
}

import { isPromise } from 'node:util/types';

/**
 * A value at once, or a promise of it. Reads on SQLite (better-sqlite3) are synchronous: a lookup that hands its
 * row straight back lets a whole request be answered without creating a promise, and every promise costs (more so
 * while the async context stores of src/observability/request-trace.ts are active).
 */
export type MaybePromise<T> = T | Promise<T>;

/** `fn` of the value: at once when it is there, after it when it is a promise. */
export function andThen<T, R>(value: MaybePromise<T>, fn: (value: T) => MaybePromise<R>): MaybePromise<R> {
  return isPromise(value) ? (value as Promise<T>).then(fn) : fn(value as T);
}

import http from 'node:http';
import { DataSource } from 'typeorm';
import { Logger } from '../observability/logger';
import { addressKey } from './connection-guard';

export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Token buckets: each key may burst up to `perMinute` requests and refills at `perMinute` per minute. A request
 * takes one token from each of its keys (address, token) and is refused when any of them is empty.
 */
export interface RateLimiter {
  take(keys: string[]): Promise<Verdict>;
  close(): Promise<void>;
}

function verdict(results: { tokensBefore: number }[], ratePerMs: number): Verdict {
  const short = results.filter((r) => r.tokensBefore < 1);
  if (!short.length) return { allowed: true };
  const waitMs = Math.max(...short.map((r) => (1 - r.tokensBefore) / ratePerMs));
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

/** Buckets in this process's memory: exact for one server, but each replica counts only what it sees. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly ratePerMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.ratePerMs = perMinute / 60_000;
  }

  async take(keys: string[]): Promise<Verdict> {
    const now = this.now();
    const results = keys.map((key) => {
      const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
      const tokensBefore = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.ratePerMs);
      bucket.tokens = tokensBefore >= 1 ? tokensBefore - 1 : tokensBefore;
      bucket.at = now;
      this.buckets.set(key, bucket);
      return { tokensBefore };
    });
    if (this.buckets.size > 50_000) this.forgetFull(now);
    return verdict(results, this.ratePerMs);
  }

  async close(): Promise<void> {}

  /** Full buckets hold no information: dropping them bounds memory without changing any answer. */
  private forgetFull(now: number): void {
    for (const [key, b] of this.buckets) if (b.tokens + (now - b.at) * this.ratePerMs >= this.perMinute) this.buckets.delete(key);
  }
}

/**
 * Buckets in PostgreSQL (the unlogged table `rate_limit_bucket`), shared by every replica on the database: one
 * atomic statement per request refills and takes, timed by the database's clock so replicas' clocks do not
 * matter. When the database cannot be asked the request is let through (and logged): the limiter guards the API,
 * it must not become a reason for the API to fail.
 */
export class PostgresRateLimiter implements RateLimiter {
  private readonly ratePerMs: number;
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly ds: DataSource,
    private readonly perMinute: number,
    private readonly logger: Logger,
  ) {
    this.ratePerMs = perMinute / 60_000;
    this.sweeper = setInterval(() => void this.forgetFull(), 60_000).unref();
  }

  async take(keys: string[]): Promise<Verdict> {
    const refilled = `LEAST($2::float8, b.tokens + (EXCLUDED.updated_at - b.updated_at) * $3::float8)`;
    try {
      const rows: { tokens_before: number }[] = await this.ds.query(
        `INSERT INTO rate_limit_bucket AS b (key, tokens, updated_at, tokens_before)
           SELECT k, $2::float8 - 1, extract(epoch FROM clock_timestamp()) * 1000, $2::float8 FROM unnest($1::text[]) AS k
         ON CONFLICT (key) DO UPDATE SET
           tokens = CASE WHEN ${refilled} >= 1 THEN ${refilled} - 1 ELSE ${refilled} END,
           tokens_before = ${refilled},
           updated_at = EXCLUDED.updated_at
         RETURNING tokens_before`,
        [keys, this.perMinute, this.ratePerMs],
      );
      return verdict(rows.map((r) => ({ tokensBefore: Number(r.tokens_before) })), this.ratePerMs);
    } catch (error) {
      this.logger.warn({ err: error }, 'rate limiter: database not reachable, request let through');
      return { allowed: true };
    }
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
  }

  private async forgetFull(): Promise<void> {
    await this.ds
      .query(`DELETE FROM rate_limit_bucket WHERE tokens + (extract(epoch FROM clock_timestamp()) * 1000 - updated_at) * $1::float8 >= $2::float8`, [this.ratePerMs, this.perMinute])
      .catch((error: unknown) => this.logger.warn({ err: error }, 'rate limiter: could not drop full buckets'));
  }
}

/**
 * The address a request came from (an IPv6 address as its /64, addressKey). Behind `hops` proxies (load balancers) that each append to X-Forwarded-For,
 * the client is the entry the outermost of them added; entries before it are the client's own claims and are
 * not trusted.
 */
export function clientAddress(req: http.IncomingMessage, hops: number): string {
  const socket = req.socket.remoteAddress ?? '?';
  const header = req.headers['x-forwarded-for'];
  if (hops === 0 || typeof header !== 'string') return addressKey(socket);
  const chain = header.split(',').map((a) => a.trim()).filter(Boolean);
  return addressKey(chain[Math.max(0, chain.length - hops)] ?? socket);
}

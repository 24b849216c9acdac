import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Change, ChangeFeed } from './change-feed';
import { Logger } from '../observability/logger';

/** One channel per schema, so registries sharing a database server do not hear each other. */
function channelOf(schema: string | undefined): string {
  return `registry_changes_${schema ?? 'public'}`;
}

/**
 * Sends every change made in this process to the replicas listening on the database. Used by each server and by
 * the CLI (an import or restore run beside live servers). The returned function waits for notices still in flight.
 */
export function sendChanges(ds: DataSource, schema: string | undefined, feed: ChangeFeed, logger: Logger, origin: string = randomUUID()): () => Promise<void> {
  const inFlight = new Set<Promise<unknown>>();
  feed.relayTo((change) => {
    const sent = ds
      .query('SELECT pg_notify($1, $2)', [channelOf(schema), JSON.stringify({ origin, change })])
      .catch((error: unknown) => logger.error({ err: error, change }, 'could not tell other replicas of a change'))
      .finally(() => inFlight.delete(sent));
    inFlight.add(sent);
  });
  return async () => {
    await Promise.all([...inFlight]);
  };
}

/**
 * Carries change notices between replicas sharing one PostgreSQL database (LISTEN/NOTIFY): each replica keeps its
 * own overlap analysis in memory and patches or rebuilds it from the database when another replica reports a
 * write. Notices are sent after the writing transaction has committed, so the receiver reads the new data.
 */
export async function startChangeRelay(url: string, schema: string | undefined, ds: DataSource, feed: ChangeFeed, logger: Logger): Promise<() => Promise<void>> {
  const origin = randomUUID();
  const listener = new Client({ connectionString: url });
  await listener.connect();
  await listener.query(`LISTEN "${channelOf(schema)}"`);
  listener.on('notification', (message) => {
    const notice = JSON.parse(message.payload ?? '{}') as { origin?: string; change?: Change };
    if (notice.origin !== origin && notice.change) feed.deliver(notice.change);
  });
  const flush = sendChanges(ds, schema, feed, logger, origin);
  return async () => {
    await flush();
    await listener.end();
  };
}

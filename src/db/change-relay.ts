import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Change, ChangeFeed } from '../common/changes';
import { Logger } from '../observability/logger';

/**
 * Carries change notices between replicas sharing one PostgreSQL database (LISTEN/NOTIFY): each replica keeps its
 * own overlap analysis in memory and patches or rebuilds it from the database when another replica reports a
 * write. Notices are sent after the writing transaction has committed, so the receiver reads the new data.
 */
export async function startChangeRelay(url: string, schema: string | undefined, ds: DataSource, feed: ChangeFeed, logger: Logger): Promise<() => Promise<void>> {
  // One channel per schema, so registries sharing a database server do not hear each other.
  const channel = `registry_changes_${schema ?? 'public'}`;
  const origin = randomUUID();
  const listener = new Client({ connectionString: url });
  await listener.connect();
  await listener.query(`LISTEN "${channel}"`);
  listener.on('notification', (message) => {
    const notice = JSON.parse(message.payload ?? '{}') as { origin?: string; change?: Change };
    if (notice.origin !== origin && notice.change) feed.deliver(notice.change);
  });
  feed.relayTo((change) => {
    ds.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify({ origin, change })]).catch((error: unknown) => logger.error({ err: error, change }, 'could not tell other replicas of a change'));
  });
  return () => listener.end();
}

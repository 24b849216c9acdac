import fs from 'node:fs';
import path from 'node:path';
import { registry } from '../helpers/cli';
import { DEV_LABELS, dropTestDatabases, startTestServer, testDatabaseUrl, TestServer } from '../helpers/server';

/**
 * The dev registry imported into SQLite and into PostgreSQL must give the same answers: overlap pairs (with
 * scores and reasons), coordination gaps, whoWorksWith and free-text search. PostgreSQL project only.
 */
const labels: { whoWorksWith: { unit: string; topic: string }[] } = JSON.parse(fs.readFileSync(DEV_LABELS, 'utf8'));

let sqlite: TestServer;
let postgres: TestServer;
beforeAll(async () => {
  [sqlite, postgres] = await Promise.all([startTestServer({ dev: true, database: 'sqlite' }), startTestServer({ dev: true, database: 'postgres' })]);
});
afterAll(async () => {
  await Promise.all([sqlite?.close(), postgres?.close()]);
});

/** Every node of a connection, page by page. */
async function all(server: TestServer, field: string, selection: string, args = ''): Promise<unknown[]> {
  const nodes: unknown[] = [];
  let after: string | null = null;
  for (;;) {
    const res: any = await server.gql(`query($after: String) { ${field}(first: 100, after: $after${args}) { nodes { ${selection} } pageInfo { hasNextPage endCursor } } }`, { after });
    expect(res.errors).toBeUndefined();
    nodes.push(...res.data[field].nodes);
    if (!res.data[field].pageInfo.hasNextPage) return nodes;
    after = res.data[field].pageInfo.endCursor;
  }
}

const both = async <T>(ask: (server: TestServer) => Promise<T>): Promise<[T, T]> => [await ask(sqlite), await ask(postgres)];

describe('the same registry on SQLite and PostgreSQL', () => {
  it('finds the same overlap pairs, with the same scores, reasons and order', async () => {
    const [onSqlite, onPostgres] = await both((s) => all(s, 'overlapReport', 'a { key } b { key } score reasons { code message } subject { key } sharedUnits { key } sharedTopics { key } periodStart periodEnd'));
    expect(onSqlite.length).toBeGreaterThan(800);
    expect(onPostgres).toEqual(onSqlite);
  });

  it('finds the same coordination gaps', async () => {
    const [onSqlite, onPostgres] = await both((s) => all(s, 'coordinationGaps', 'collaboration { key } codes messages'));
    expect(onSqlite.length).toBeGreaterThan(0);
    expect(onPostgres).toEqual(onSqlite);
  });

  it('answers every whoWorksWith question of the labels the same way', async () => {
    for (const q of labels.whoWorksWith) {
      const query = `{ whoWorksWith(unit: "${q.unit}", topic: "${q.topic}") { collaborations { collaboration { key } score reasons } people { person { key } score roles collaborations { key } } units { unit { key } score } } }`;
      const [onSqlite, onPostgres] = await both((s) => s.gql(query));
      expect(onSqlite.errors).toBeUndefined();
      expect(onPostgres.data).toEqual(onSqlite.data);
    }
  });

  it('finds the same collaborations by free text, whole words and word starts alike', async () => {
    const titles = (await sqlite.dataSource.query('SELECT title FROM collaboration ORDER BY id LIMIT 40')) as { title: string }[];
    const words = [...new Set(titles.flatMap((t) => t.title.split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 4))].slice(0, 25);
    const queries = [...words, ...words.slice(0, 10).map((w) => w.slice(0, 4)), ...words.slice(0, 5).map((w, i) => `${w} ${words[i + 5]}`), words[0]!.toUpperCase()];
    for (const text of queries) {
      const [onSqlite, onPostgres] = await both((s) => all(s, 'collaborations', 'key', `, filter: { text: ${JSON.stringify(text)} }`));
      expect({ text, keys: onPostgres }).toEqual({ text, keys: onSqlite });
      // Each word comes from a title, so it must find at least that collaboration.
      if (words.includes(text)) expect(onSqlite.length).toBeGreaterThan(0);
    }
  });

  it('moves between the databases by backup and restore without a row changing', async () => {
    const dir = sqlite.dir;
    const fromSqlite = path.join(dir, 'from-sqlite.ndjson');
    const fromPostgres = path.join(dir, 'from-postgres.ndjson');
    const target = testDatabaseUrl(dir, 'moved', 'postgres');
    try {
      expect((await registry(['backup', fromSqlite], sqlite.databaseUrl)).code).toBe(0);
      expect((await registry(['restore', fromSqlite], target)).code).toBe(0);
      expect((await registry(['backup', fromPostgres], target)).code).toBe(0);
      // After the header (time, source database), without the signature that covers it.
      const body = (file: string) => fs.readFileSync(file, 'utf8').split('\n').slice(1).map((line) => line.replace(/,"mac":"[0-9a-f]{64}"/, ''));
      expect(body(fromPostgres)).toEqual(body(fromSqlite));
    } finally {
      await dropTestDatabases([target]);
    }
  });
});

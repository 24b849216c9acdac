import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { loadConfig } from '../../src/config';
import { RunningServer, startServer } from '../../src/app/server';
import { registry } from '../helpers/cli';
import { dropTestDatabases, startTestServer, testDatabaseUrl, TestServer } from '../helpers/server';

/** A backup's lines after the header (which holds the time it was made and the database type), without the signature (which covers the header). */
function bodyOf(file: string): string[] {
  const raw = fs.readFileSync(file);
  return (file.endsWith('.gz') ? zlib.gunzipSync(raw) : raw)
    .toString('utf8')
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((line) => line.replace(/,"mac":"[0-9a-f]{64}"/, ''));
}

async function post(url: string, token: string, query: string): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
  return res.json();
}

describe('registry backup and restore', () => {
  let server: TestServer;
  let restored: RunningServer | undefined;
  let backupFile: string;
  let restoredUrl: string;
  let deletedTopicId: string;

  beforeAll(async () => {
    server = await startTestServer({ dev: true });
    // Give the registry what a snapshot export leaves out: history, a deleted record, a review, a token, and a
    // parent with a larger id than its child.
    const c = (await server.gql(`{ collaboration(key: "c-000005") { id version } }`)).data.collaboration;
    await server.gql(`mutation { collaborationUpdate(input: { id: "${c.id}", version: ${c.version}, summary: "Endret før sikkerhetskopi" }) { userErrors { message } } }`);
    const topic = (await server.gql(`mutation { topicCreate(input: { key: "short-lived", label: "Kortvarig" }) { topic { id version } } }`)).data.topicCreate.topic;
    deletedTopicId = (await server.gql(`mutation { topicDelete(input: { id: "${topic.id}", version: ${topic.version} }) { deletedId } }`)).data.topicDelete.deletedId;
    await server.gql(`mutation { unitCreate(input: { key: "late-parent", name: "Senere overordnet", kind: OTHER }) { userErrors { message } } }`);
    const child = (await server.gql(`{ unit(key: "bydel-alna") { id version } }`)).data.unit;
    const moved = await server.gql(`mutation { unitUpdate(input: { id: "${child.id}", version: ${child.version}, parent: "late-parent" }) { userErrors { message } } }`);
    expect(moved.data.unitUpdate.userErrors).toEqual([]);
    const review = await server.gql(`mutation { overlapReview(input: { a: "c-000002", b: "c-001636", decision: CONFIRMED, note: "sjekket" }) { userErrors { message } } }`);
    expect(review.data.overlapReview.userErrors).toEqual([]);
    backupFile = path.join(server.dir, 'registry-backup.ndjson.gz');
    restoredUrl = testDatabaseUrl(server.dir, 'restored');
  });

  afterAll(async () => {
    await restored?.stop();
    await dropTestDatabases([restoredUrl]);
    await server.close();
  });

  it('writes a backup while the server runs and restores it into an empty database row for row', async () => {
    const made = await registry(['backup', backupFile], server.databaseUrl);
    expect(made.stderr).toBe('');
    expect(made.stdout).toMatch(/^wrote .*registry-backup\.ndjson\.gz: .*\b2000 collaboration\b.*\b1 overlap_review\b/);
    const lines = bodyOf(backupFile);
    expect(JSON.parse(lines[0]!).snapshot.collaborations).toHaveLength(2000);
    expect(JSON.parse(lines[lines.length - 1]!).end.rows).toMatchObject({ collaboration: 2000, topic: 27, overlap_review: 1, api_token: 1 });

    const nowhere = await registry(['backup', path.join(server.dir, 'no-such-folder', 'b.ndjson')], server.databaseUrl);
    expect([nowhere.code, nowhere.stderr]).toEqual([1, expect.stringMatching(/b\.ndjson: the folder .*no-such-folder does not exist/)]);
    expect(fs.readdirSync(server.dir).filter((f) => f.endsWith('.partial'))).toEqual([]);

    const restore = await registry(['restore', backupFile], restoredUrl);
    expect(restore.stdout).toContain('the registry exports exactly the backup');
    expect(restore.code).toBe(0);
    const again = path.join(server.dir, 'again.ndjson');
    await registry(['backup', again], restoredUrl);
    expect(bodyOf(again)).toEqual(lines);
  });

  it('gives back the same registry: ids, history, deleted records, reviews, tokens', async () => {
    restored = await startServer(loadConfig({ DATABASE_URL: restoredUrl }, { port: 0, host: '127.0.0.1', seedOnStart: false, rateLimitPerMinute: 0, logLevel: 'silent' }));
    const both = async (query: string) => [await post(server.url, server.adminToken, query), await post(restored!.url, server.adminToken, query)];

    const [before, after] = await both(`{ collaboration(key: "c-000005") { id version summary history(first: 10) { nodes { actor action changes { field before after } at } } } }`);
    expect(after).toEqual(before);
    expect(after.data.collaboration.history.nodes[0].changes).toEqual([expect.objectContaining({ field: 'summary', after: 'Endret før sikkerhetskopi' })]);
    const [unitBefore, unitAfter] = await both(`{ unit(key: "bydel-alna") { id parent { key } } }`);
    expect(unitAfter).toEqual(unitBefore);
    expect(unitAfter.data.unit.parent.key).toBe('late-parent');
    const [reviewsBefore, reviewsAfter] = await both(`{ overlapReport(first: 100, filter: { includeReviewed: true }) { totalCount nodes { a { key } b { key } review { decision note reviewedBy reviewedAt } } } }`);
    expect(reviewsAfter).toEqual(reviewsBefore);
    expect(reviewsAfter.data.overlapReport.nodes.filter((n: any) => n.review)).toHaveLength(1);

    // The deleted topic is still deleted there, and can be brought back under its old id.
    const back = await post(restored.url, server.adminToken, `mutation { recordRestore(input: { id: "${deletedTopicId}" }) { userErrors { message } } }`);
    expect(back.data.recordRestore.userErrors).toEqual([]);
    expect((await post(restored.url, server.adminToken, `{ topic(key: "short-lived") { id } }`)).data.topic.id).toBe(deletedTopicId);
    // New records get fresh ids, never one a restored record holds.
    const fresh = await post(restored.url, server.adminToken, `mutation { topicCreate(input: { key: "after-restore", label: "Etter" }) { topic { id } userErrors { message } } }`);
    expect(fresh.data.topicCreate.userErrors).toEqual([]);
    expect(fresh.data.topicCreate.topic.id).not.toBe(deletedTopicId);
  });

  it('refuses a database that has data unless told to replace it, and then replaces everything', async () => {
    const refused = await registry(['restore', backupFile], server.databaseUrl);
    expect([refused.code, refused.stderr.trim()]).toEqual([1, 'the registry already has data: restore into an empty database, or pass --replace to replace everything in it']);

    await server.gql(`mutation { topicCreate(input: { key: "made-after-backup", label: "Etterpå" }) { userErrors { message } } }`);
    const replaced = await registry(['restore', '--replace', backupFile], server.databaseUrl);
    expect(replaced.code).toBe(0);
    const check = path.join(server.dir, 'check.ndjson');
    await registry(['backup', check], server.databaseUrl);
    expect(bodyOf(check)).toEqual(bodyOf(backupFile));
  });

  it('changes nothing when the file is truncated, edited, from another version or not a backup', async () => {
    const [headerLine, ...lines] = zlib.gunzipSync(fs.readFileSync(backupFile)).toString('utf8').trimEnd().split('\n');
    const header = JSON.parse(headerLine!);
    const write = (name: string, content: string[]) => {
      const file = path.join(server.dir, name);
      fs.writeFileSync(file, `${content.join('\n')}\n`);
      return file;
    };
    const snapshot = JSON.parse(lines[0]!);
    snapshot.snapshot.collaborations[0].title = 'Redigert i filen';
    const otherVersion = { ...header, tables: { ...header.tables, topic: [...header.tables.topic, 'colour'] } };
    const cases: [string, RegExp][] = [
      [write('truncated.ndjson', [JSON.stringify(header), ...lines.slice(0, -1)]), /truncated \(no end line\); nothing was restored/],
      [write('edited.ndjson', [JSON.stringify(header), JSON.stringify(snapshot), ...lines.slice(1)]), /the signature does not match/],
      [write('other-version.ndjson', [JSON.stringify(otherVersion), ...lines]), /table "topic" has columns .*colour.*; restore with the registry version that made the backup/],
      [write('garbage.ndjson', [JSON.stringify(header), '{"table": "topic", "rows": [[1, 2]]}']), /truncated \(no end line\); nothing was restored/],
      [path.join(__dirname, '..', 'fixtures', 'dev-registry.json'), /not a registry backup/],
      [path.join(server.dir, 'missing.ndjson'), /missing\.ndjson: no such file/],
    ];
    const before = await server.snapshot();
    for (const [file, message] of cases) {
      const result = await registry(['restore', '--replace', file], server.databaseUrl);
      expect([result.code, result.stderr]).toEqual([1, expect.stringMatching(message)]);
    }
    expect(await server.snapshot()).toEqual(before);
  });
});

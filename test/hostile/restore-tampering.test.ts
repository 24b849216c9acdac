import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { registry, TEST_BACKUP_KEY } from '../helpers/cli';
import { dropTestDatabases, startTestServer, testDatabaseUrl, TestServer } from '../helpers/server';

let server: TestServer;
let lines: string[];
let header: { tables: Record<string, string[]> };
let targetUrl: string;

beforeAll(async () => {
  server = await startTestServer({ seeds: true });
  const viewer = await server.token('VIEWER');
  await server.gql(`mutation { apiTokenRevoke(input: { name: "test-viewer-2" }) { userErrors { message } } }`);
  expect(viewer).toMatch(/^reg_/);
  const file = path.join(server.dir, 'good.ndjson');
  expect((await registry(['backup', file], server.databaseUrl)).code).toBe(0);
  lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
  header = JSON.parse(lines[0]!);
  targetUrl = testDatabaseUrl(server.dir, 'target');
});
afterAll(async () => {
  await dropTestDatabases([targetUrl]);
  await server.close();
});

const column = (table: string, name: string) => header.tables[table]!.indexOf(name);
const tableLine = (table: string) => lines.findIndex((l) => l.startsWith(`{"table":"${table}"`));

/** The backup with one line changed, written as a file (signed again with `key` when given, as a forger holding it could). */
function tampered(name: string, change: (copy: string[]) => void, key?: string): string {
  const copy = [...lines];
  change(copy);
  if (key) {
    const end = JSON.parse(copy[copy.length - 1]!);
    const mac = createHmac('sha256', key);
    for (const line of copy.slice(0, -1)) mac.update(`${line}\n`);
    end.end.mac = mac.update(JSON.stringify(end.end.rows)).digest('hex');
    copy[copy.length - 1] = JSON.stringify(end);
  }
  const file = path.join(server.dir, name);
  fs.writeFileSync(file, `${copy.join('\n')}\n`);
  return file;
}

function editRows(copy: string[], table: string, edit: (rows: unknown[][]) => void): void {
  const i = copy.findIndex((l) => l.startsWith(`{"table":"${table}"`));
  const line = JSON.parse(copy[i]!);
  edit(line.rows);
  copy[i] = JSON.stringify(line);
}

async function refusedIntoEmpty(file: string, message: RegExp) {
  const result = await registry(['restore', file], targetUrl);
  expect([result.code, result.stderr]).toEqual([1, expect.stringMatching(message)]);
  // Nothing was written: a later good restore into the same database still finds it empty.
}

describe('a restore writes nothing it cannot verify', () => {
  const SIGNATURE = /the signature does not match: the file was changed after it was written, or signed with another key; nothing was restored/;

  it('refuses an added ADMIN token', async () => {
    await refusedIntoEmpty(
      tampered('admin-token.ndjson', (copy) =>
        editRows(copy, 'api_token', (rows) => {
          const row = [...rows[0]!];
          row[column('api_token', 'id')] = 999;
          row[column('api_token', 'name')] = 'intruder';
          row[column('api_token', 'role')] = 'ADMIN';
          row[column('api_token', 'token_hash')] = createHash('sha256').update('reg_intruder').digest('hex');
          row[column('api_token', 'revoked_at')] = null;
          rows.push(row);
        }),
      ),
      SIGNATURE,
    );
  });

  it('refuses an un-revoked token and a forged history entry', async () => {
    await refusedIntoEmpty(
      tampered('unrevoked.ndjson', (copy) => editRows(copy, 'api_token', (rows) => rows.forEach((r) => (r[column('api_token', 'revoked_at')] = null)))),
      SIGNATURE,
    );
    await refusedIntoEmpty(
      tampered('forged-audit.ndjson', (copy) => editRows(copy, 'audit_entry', (rows) => (rows[0]![column('audit_entry', 'actor')] = 'somebody-else'))),
      SIGNATURE,
    );
  });

  it('refuses a file signed with another key, and an unsigned one', async () => {
    await refusedIntoEmpty(tampered('other-key.ndjson', () => undefined, 'another-key-0123456789abcdef0123456789abcdef'), SIGNATURE);
    await refusedIntoEmpty(
      tampered('unsigned.ndjson', (copy) => (copy[copy.length - 1] = copy[copy.length - 1]!.replace(/,"mac":"[0-9a-f]{64}"/, ''))),
      /the backup is not signed; nothing was restored/,
    );
  });

  it('refuses, without a key, to make or restore a backup at all', async () => {
    const made = await registry(['backup', path.join(server.dir, 'nokey.ndjson')], server.databaseUrl, { REGISTRY_BACKUP_KEY: '' });
    expect([made.code, made.stderr]).toEqual([1, expect.stringMatching(/set REGISTRY_BACKUP_KEY/)]);
    const restored = await registry(['restore', path.join(server.dir, 'good.ndjson')], targetUrl, { REGISTRY_BACKUP_KEY: '' });
    expect([restored.code, restored.stderr]).toEqual([1, expect.stringMatching(/set REGISTRY_BACKUP_KEY/)]);
  });

  it('checks the tree on restore as on import, even in a correctly signed file: a unit cycle is refused', async () => {
    const cyclic = tampered(
      'cycle.ndjson',
      (copy) =>
        editRows(copy, 'unit', (rows) => {
          const id = column('unit', 'id');
          const parent = column('unit', 'parent_id');
          const child = rows.find((r) => r[parent] !== null)!;
          const up = rows.find((r) => r[id] === child[parent])!;
          up[parent] = child[id];
        }),
      TEST_BACKUP_KEY,
    );
    await refusedIntoEmpty(cyclic, /table "unit": row \d+ is its own ancestor through "parent_id"; nothing was restored/);
  });

  it('restores the untouched backup into the database the refused ones left empty', async () => {
    expect(tableLine('unit')).toBeGreaterThan(0);
    const result = await registry(['restore', path.join(server.dir, 'good.ndjson')], targetUrl);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

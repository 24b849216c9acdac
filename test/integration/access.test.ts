import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ApiToken } from '../../src/modules/auth/api-token.entity';
import { onPostgres, startTestServer, TestServer } from '../helpers/server';

let server: TestServer;
let tokens: Record<string, string | null>;
let personId: string;

beforeAll(async () => {
  server = await startTestServer({ dev: true });
  tokens = {
    anonymous: null,
    viewer: await server.token('VIEWER'),
    editorAlna: await server.token('EDITOR', ['bydel-alna']),
    coordinator: await server.token('COORDINATOR'),
    admin: server.adminToken,
  };
  personId = (await server.gql(`{ person(key: "p-00001") { id } }`)).data.person.id;
});
afterAll(() => server.close());

const code = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code ?? 'OK';

/** A collaboration involving Bydel Alna (in the editor's scope) and one that involves no unit under it. */
let ALNA_COLLAB: string;
let OTHER_COLLAB: string;
beforeAll(async () => {
  const alna = await server.gql(`{ collaborations(first: 1, filter: { unit: "bydel-alna" }) { nodes { key } } }`);
  ALNA_COLLAB = alna.data.collaborations.nodes[0].key;
  const inAlna = new Set<string>();
  for (let after: string | null = null, more = true; more; ) {
    const page: any = await server.gql(`query($a: String) { collaborations(first: 100, after: $a, filter: { unit: "bydel-alna" }) { pageInfo { hasNextPage endCursor } nodes { key } } }`, { a: after });
    page.data.collaborations.nodes.forEach((n: any) => inAlna.add(n.key));
    ({ hasNextPage: more, endCursor: after } = page.data.collaborations.pageInfo);
  }
  const frogner = await server.gql(`{ collaborations(first: 50, filter: { unit: "bydel-frogner" }) { nodes { key } } }`);
  OTHER_COLLAB = frogner.data.collaborations.nodes.map((n: any) => n.key).find((k: string) => !inAlna.has(k));
});

async function version(key: string): Promise<number> {
  return (await server.gql(`{ collaboration(key: "${key}") { version } }`)).data.collaboration.version;
}

describe('role matrix', () => {
  it('lets everyone read organisational data, but only tokens read personal fields, on every path', async () => {
    for (const [who, token] of Object.entries(tokens)) {
      const org = await server.gqlAs(token, `{ collaborations(first: 2) { totalCount nodes { title units { unit { name } } people { person { name } } } } }`);
      expect([who, code(org)]).toEqual([who, 'OK']);
      const personal = await server.gqlAs(token, `query($id: ID!) {
        node(id: $id) { ... on Person { name email } }
        collaborations(first: 1, filter: { person: $id }) { nodes { people { person { email phone } } } }
      }`, { id: personId });
      if (token === null) {
        expect(personal.data.node).toEqual({ name: expect.any(String), email: null });
        expect(personal.errors?.map((e) => [e.extensions?.code, e.path?.join('.')])).toEqual(
          expect.arrayContaining([['FORBIDDEN', 'node.email'], ['FORBIDDEN', 'collaborations.nodes.0.people.0.person.email']]),
        );
      } else {
        expect([who, personal.errors]).toEqual([who, undefined]);
        expect(personal.data.node.email).toMatch(/@/);
      }
    }
  });

  it('keeps reports that name people and exports from anonymous callers', async () => {
    const who = await server.gqlAs(null, `{ whoWorksWith(unit: "bydel-frogner", topic: "boligsosialt") { people { score } collaborations { score } } }`);
    expect(code(who)).toBe('FORBIDDEN');
    expect(who.data.whoWorksWith.people).toBeNull();
    expect(who.data.whoWorksWith.collaborations.length).toBeGreaterThan(0);
    expect(code(await server.gqlAs(null, `{ overlapClusters(first: 1) { nodes { contacts { role } } } }`))).toBe('FORBIDDEN');
    expect(code(await server.gqlAs(null, `{ exportRegistry }`))).toBe('UNAUTHENTICATED');
    expect(code(await server.gqlAs(tokens.viewer!, `{ exportRegistry }`))).toBe('OK');
  });

  it('allows each kind of change to exactly the roles that may make it', async () => {
    const attempt = async (token: string | null, mutation: string) => code(await server.gqlAs(token, mutation));
    const renameCollab = async (key: string) => `mutation { collaborationUpdate(input: { id: "${key}", version: ${await version(key)}, summary: "x" }) { userErrors { code } } }`;
    const topicCreate = (n: number) => `mutation { topicCreate(input: { key: "t-${n}", label: "T" }) { userErrors { code } } }`;
    const review = `mutation { overlapReview(input: { a: "c-000002", b: "c-001636", decision: CONFIRMED }) { userErrors { code } } }`;
    const importDoc = `mutation { importRegistry(snapshot: { format: "collaboration-registry", version: 1 }) { userErrors { code } } }`;
    const tokenList = `{ apiTokens { name } }`;
    const expectations: [string, Record<string, string>][] = [
      [await renameCollab(ALNA_COLLAB), { anonymous: 'UNAUTHENTICATED', viewer: 'FORBIDDEN', editorAlna: 'OK', coordinator: 'OK', admin: 'OK' }],
      [await renameCollab(OTHER_COLLAB), { anonymous: 'UNAUTHENTICATED', viewer: 'FORBIDDEN', editorAlna: 'FORBIDDEN', coordinator: 'OK', admin: 'OK' }],
      [review, { anonymous: 'UNAUTHENTICATED', viewer: 'FORBIDDEN', editorAlna: 'FORBIDDEN', coordinator: 'OK', admin: 'OK' }],
      [importDoc, { anonymous: 'UNAUTHENTICATED', viewer: 'FORBIDDEN', editorAlna: 'FORBIDDEN', coordinator: 'FORBIDDEN', admin: 'OK' }],
      [tokenList, { anonymous: 'UNAUTHENTICATED', viewer: 'FORBIDDEN', editorAlna: 'FORBIDDEN', coordinator: 'FORBIDDEN', admin: 'OK' }],
    ];
    for (const [mutation, byRole] of expectations) {
      for (const [who, expected] of Object.entries(byRole)) {
        // Collaboration versions move as allowed roles change them, so the update text is rebuilt per attempt.
        const text = mutation.includes('collaborationUpdate') ? await renameCollab(/"(c-\d+)"/.exec(mutation)![1]!) : mutation;
        expect([who, text.slice(0, 40), await attempt(tokens[who]!, text)]).toEqual([who, text.slice(0, 40), expected]);
      }
    }
    let n = 0;
    for (const [who, expected] of Object.entries({ anonymous: 'UNAUTHENTICATED', viewer: 'FORBIDDEN', editorAlna: 'FORBIDDEN', coordinator: 'OK', admin: 'OK' })) {
      expect([who, await attempt(tokens[who]!, topicCreate(++n))]).toEqual([who, expected]);
    }
  });

  it("limits an EDITOR to records involving its scope, before and after the change", async () => {
    const editor = tokens.editorAlna!;
    const create = (unit: string) =>
      server.gqlAs(editor, `mutation { collaborationCreate(input: { key: "ed-${unit}", title: "T", kind: OTHER, units: [{ unit: "${unit}", role: HOST }] }) { collaboration { key } userErrors { code } } }`);
    expect(code(await create('bydel-alna'))).toBe('OK');
    expect(code(await create('bydel-alna-nav-kontoret'))).toBe('OK');
    expect(code(await create('bydel-frogner'))).toBe('FORBIDDEN');
    const moveAway = await server.gqlAs(editor, `mutation { collaborationUpdate(input: { id: "ed-bydel-alna", version: 1, units: [{ unit: "bydel-frogner", role: HOST }] }) { userErrors { code } } }`);
    expect(code(moveAway)).toBe('FORBIDDEN');
    expect(code(await server.gqlAs(editor, `mutation { unitCreate(input: { key: "alna-new", name: "Ny enhet", kind: MUNICIPAL_SERVICE, parent: "bydel-alna" }) { userErrors { code } } }`))).toBe('OK');
    expect(code(await server.gqlAs(editor, `mutation { unitCreate(input: { key: "frogner-new", name: "Ny enhet", kind: MUNICIPAL_SERVICE, parent: "bydel-frogner" }) { userErrors { code } } }`))).toBe('FORBIDDEN');
    expect(code(await server.gqlAs(editor, `mutation { topicCreate(input: { key: "ed-topic", label: "T" }) { userErrors { code } } }`))).toBe('FORBIDDEN');
    expect((await server.gql(`{ collaboration(key: "ed-bydel-frogner") { key } }`)).data.collaboration).toBeNull();
  });
});

describe('tokens', () => {
  it('refuses unknown, malformed, revoked and expired tokens with UNAUTHENTICATED and status 401', async () => {
    const bad = await server.gqlAs('reg_not-a-real-token', `{ topics { totalCount } }`);
    expect([bad.status, code(bad)]).toEqual([401, 'UNAUTHENTICATED']);
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Basic abc' }, body: '{"query":"{ topics { totalCount } }"}' });
    expect(res.status).toBe(401);
    const secret = await server.token('VIEWER');
    const name = (await server.gql(`{ apiTokens { name role } }`)).data.apiTokens.map((t: any) => t.name).pop();
    expect(code(await server.gqlAs(secret, `{ topics { totalCount } }`))).toBe('OK');
    expect((await server.gql(`mutation { apiTokenRevoke(input: { name: "${name}" }) { token { revokedAt } userErrors { message } } }`)).data.apiTokenRevoke.userErrors).toEqual([]);
    expect(code(await server.gqlAs(secret, `{ topics { totalCount } }`))).toBe('UNAUTHENTICATED');
  });

  it('refuses a token past its expiry', async () => {
    const secret = await server.token('VIEWER');
    expect(code(await server.gqlAs(secret, `{ topics { totalCount } }`))).toBe('OK');
    const [newest] = await server.dataSource.getRepository(ApiToken).find({ order: { id: 'DESC' }, take: 1 });
    await server.dataSource.getRepository(ApiToken).update(newest!.id, { expiresAt: new Date('2000-01-01T00:00:00Z') });
    const res = await server.gqlAs(secret, `{ topics { totalCount } }`);
    expect([res.status, res.errors?.[0]?.message]).toEqual([401, 'This token has expired.']);
  });

  it('creates tokens through the API with the secret shown once, and stores only a hash', async () => {
    const created = await server.gql(`mutation { apiTokenCreate(input: { name: "portal-x", role: EDITOR, units: ["bydel-alna"] }) { created { secret token { name role unitScope } } userErrors { field message } } }`);
    const { secret, token } = created.data.apiTokenCreate.created;
    expect(token).toEqual({ name: 'portal-x', role: 'EDITOR', unitScope: ['bydel-alna'] });
    expect(secret).toMatch(/^reg_[\w-]{40,}$/);
    const noScope = await server.gql(`mutation { apiTokenCreate(input: { name: "portal-y", role: EDITOR }) { userErrors { field code } } }`);
    expect(noScope.data.apiTokenCreate.userErrors).toEqual([{ field: 'units', code: 'REQUIRED' }]);
    if (onPostgres()) {
      const rows: { row: string }[] = await server.dataSource.query(`SELECT row_to_json(t)::text AS row FROM api_token t`);
      expect(rows.length).toBeGreaterThan(1);
      for (const needle of [secret, server.adminToken]) expect(rows.filter((r) => r.row.includes(needle))).toEqual([]);
    } else {
      // Scanned from another process: closing a descriptor of an open SQLite file in this process would drop the
      // server connection's POSIX locks.
      const files = fs.readdirSync(server.dir).map((f) => path.join(server.dir, f));
      expect(files.some((f) => f.endsWith('registry.sqlite'))).toBe(true);
      for (const needle of [secret, server.adminToken]) {
        const grep = await promisify(execFile)('grep', ['-c', '-a', '-F', needle, ...files]).catch((e: { code: number; stdout: string }) => e);
        expect((grep as { stdout: string }).stdout.split('\n').filter((l) => l && !l.endsWith(':0'))).toEqual([]);
      }
    }
  });

  it('is managed from the command line: create prints the secret alone on the last line', async () => {
    const run = promisify(execFile);
    const env = { ...process.env, DATABASE_URL: server.databaseUrl };
    const bin = path.join(__dirname, '..', '..', 'bin', 'registry.js');
    const created = await run(process.execPath, [bin, 'token', 'create', '--role', 'editor', '--unit', 'bydel-alna', '--name', 'cli-editor', '--expires', '2099-01-01'], { env });
    const secret = created.stdout.trim().split('\n').pop()!;
    expect(secret).toMatch(/^reg_/);
    expect(code(await server.gqlAs(secret, `{ topics { totalCount } }`))).toBe('OK');
    const listed = (await run(process.execPath, [bin, 'token', 'list'], { env })).stdout;
    expect(listed).toContain('cli-editor\tEDITOR\tbydel-alna');
    expect(listed).not.toContain(secret);
    await run(process.execPath, [bin, 'token', 'revoke', 'cli-editor'], { env });
    expect(code(await server.gqlAs(secret, `{ topics { totalCount } }`))).toBe('UNAUTHENTICATED');
    const badRole = await run(process.execPath, [bin, 'token', 'create', '--role', 'king'], { env }).catch((e: { stderr: string }) => e);
    expect((badRole as { stderr: string }).stderr.trim()).toBe('--role: must be one of VIEWER, EDITOR, COORDINATOR, ADMIN');
  });
});

describe('anonymous read switched off', () => {
  it('answers every anonymous request with UNAUTHENTICATED', async () => {
    const closed = await startTestServer({ config: { anonymousRead: false } });
    try {
      const res = await closed.gqlAs(null, `{ topics { totalCount } }`);
      expect([res.status, code(res)]).toEqual([401, 'UNAUTHENTICATED']);
      expect(code(await closed.gql(`{ topics { totalCount } }`))).toBe('OK');
    } finally {
      await closed.close();
    }
  });
});

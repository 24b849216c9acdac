import { toGlobalId } from '../../src/graphql/node-id';
import { RegistryError } from '../../src/errors/registry-error';
import fs from 'node:fs';
import path from 'node:path';
import { registry } from '../helpers/cli';
import { postRaw, underAttack, HEALTH_BOUND_MS } from '../helpers/hostile';
import { startTestServer, TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seeds: true });
});
afterAll(() => server.close());

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
const first = (res: { errors?: { message: string; extensions?: { code?: string } }[] }) => [res.errors?.[0]?.extensions?.code, res.errors?.[0]?.message];

describe('ids and cursors beyond 32-bit integers', () => {
  const huge = toGlobalId('Unit', 2 ** 31);
  const enormous = toGlobalId('Collaboration', 99999999999);

  it('are no record: lookups answer null, references are unknown, the audit filter names the field', async () => {
    const res = await server.gqlAs(null, `query($a: ID!, $b: ID!) { node(id: $a) { id } nodes(ids: [$a, $b]) { id } unit(id: $a) { key } collaboration(id: $b) { key } }`, { a: huge, b: enormous });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ node: null, nodes: [null, null], unit: null, collaboration: null });
    const add = await server.gql(
      `mutation($input: CollaborationUnitAddInput!) { collaborationUnitAdd(input: $input) { userErrors { field code message } } }`,
      { input: { id: enormous, version: 1, unit: huge, role: 'PARTNER' } },
    );
    expect(add.data.collaborationUnitAdd.userErrors).toEqual([{ field: 'id', code: 'NOT_FOUND', message: expect.any(String) }]);
    const audit = await server.gql(`query($r: ID!) { auditLog(filter: { record: $r }) { totalCount } }`, { r: huge });
    expect([...first(audit), audit.status]).toEqual(['BAD_USER_INPUT', `filter.record: "${huge}" is not a global id`, 200]);
  });

  it('are not cursors: an id or an audit position beyond the range, or a value of the wrong type, names after', async () => {
    for (const [query, value] of [
      ['collaborations', ['x', 2 ** 31]],
      ['collaborations', [7, 1]],
      ['auditLog', [2 ** 31, 1]],
      ['auditLog', ['2', 1]],
      ['units', ['a\u0000', 1]],
    ] as const) {
      const after = cursor(value);
      const res = await server.gql(`query($after: String) { ${query}(after: $after) { totalCount } }`, { after });
      expect(first(res)).toEqual(['BAD_USER_INPUT', `after: "${after}" is not a cursor of this list`]);
    }
  });

  it('are not decoded when longer than any cursor issued: a megabyte of brackets is refused in milliseconds (anonymous)', async () => {
    const before = cursor(JSON.parse(`${'['.repeat(2000)}${']'.repeat(2000)}`));
    const brackets = Buffer.from('['.repeat(700_000)).toString('base64url');
    const { result: res, slowestHealthMs } = await underAttack(server, () =>
      postRaw(server, JSON.stringify({ query: 'query($a: String) { collaborations(after: $a) { totalCount } }', variables: { a: brackets } })),
    );
    expect([res.status, res.json.errors[0].extensions.code, res.json.errors[0].message]).toEqual([200, 'BAD_USER_INPUT', `after: "${brackets.slice(0, 40)}…" is not a cursor of this list`]);
    expect(slowestHealthMs).toBeLessThan(HEALTH_BOUND_MS);
    // One within the length, nested as deep as it allows, is decoded and refused the same way.
    const short = await server.gqlAs(null, `query($b: String) { units(before: $b, last: 1) { totalCount } }`, { b: before });
    expect(first(short)).toEqual(['BAD_USER_INPUT', `before: "${before.slice(0, 40)}…" is not a cursor of this list`]);
  });

  it('of the longest text a list sorts by (a 500-character title of 3-byte characters) are accepted', async () => {
    const title = '€'.repeat(500);
    const created = await server.gql(
      `mutation($input: CollaborationCreateInput!) { collaborationCreate(input: $input) { collaboration { id version } userErrors { message } } }`,
      { input: { key: 'longest-title', title, kind: 'OTHER', units: [{ unit: 'bydel-alna', role: 'HOST' }] } },
    );
    expect([created.errors, created.data.collaborationCreate.userErrors]).toEqual([undefined, []]);
    const page = await server.gql(`{ collaborations(first: 1, orderBy: { field: TITLE, direction: DESC }) { nodes { key } pageInfo { endCursor } } }`);
    const endCursor: string = page.data.collaborations.pageInfo.endCursor;
    expect([page.data.collaborations.nodes[0].key, endCursor.length > 2000]).toEqual(['longest-title', true]);
    const next = await server.gql(`query($a: String) { collaborations(first: 1, after: $a, orderBy: { field: TITLE, direction: DESC }) { nodes { key } } }`, { a: endCursor });
    expect(next.errors).toBeUndefined();
    expect(next.data.collaborations.nodes).toHaveLength(1);
    const { id, version } = created.data.collaborationCreate.collaboration;
    const deleted = await server.gql(`mutation($input: CollaborationDeleteInput!) { collaborationDelete(input: $input) { userErrors { message } } }`, { input: { id, version } });
    expect(deleted.data.collaborationDelete.userErrors).toEqual([]);
  });
});

describe('NUL characters in text', () => {
  it('are refused in literals and variables, naming the field, before anything runs or is written', async () => {
    const before = await server.snapshot();
    const literal = await server.gqlAs(null, `{ collaborations(filter: { text: "sprak\\u0000" }) { totalCount } }`);
    expect([literal.status, ...first(literal)]).toEqual([400, 'BAD_USER_INPUT', 'filter.text: must not contain the NUL character (U+0000)']);
    const key = await server.gqlAs(null, `query($k: String) { unit(key: $k) { name } }`, { k: 'bydel-alna\u0000' });
    expect([key.status, ...first(key)]).toEqual([400, 'BAD_USER_INPUT', 'k: must not contain the NUL character (U+0000)']);
    const create = await server.gql(`mutation($input: TopicCreateInput!) { topicCreate(input: $input) { topic { key } } }`, {
      input: { key: 'nul', label: 'Null', synonyms: ['ok', 'bad\u0000'] },
    });
    expect([create.status, ...first(create)]).toEqual([400, 'BAD_USER_INPUT', 'input.synonyms[1]: must not contain the NUL character (U+0000)']);
    const imported = await server.gql(`mutation($s: JSON!) { importRegistry(snapshot: $s) { userErrors { message } } }`, {
      s: { format: 'collaboration-registry', version: 1, topics: [{ key: 'nul', label: 'x', 'lab\u0000el': 'y' }] },
    });
    expect(first(imported)).toEqual(['BAD_USER_INPUT', 's.topics[0]: must not contain the NUL character (U+0000)']);
    expect(await server.snapshot()).toEqual(before);
  });
});

describe('deeply nested variables', () => {
  it('are refused naming the variable, in milliseconds, before the body is parsed (anonymous, 100,000 levels)', async () => {
    const depth = 100_000;
    const body = `{"query":"mutation($s: JSON!) { importRegistry(snapshot: $s) { userErrors { message } } }","variables":{"s":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
    const { result: res, slowestHealthMs } = await underAttack(server, () => postRaw(server, body));
    expect([res.status, res.json.errors[0].extensions.code, res.json.errors[0].message]).toEqual([400, 'BAD_USER_INPUT', 's: is nested more than 32 levels deep']);
    expect(slowestHealthMs).toBeLessThan(HEALTH_BOUND_MS);
    const object = `{"query":"query($f: CollaborationFilter) { collaborations(filter: $f) { totalCount } }","variables":{"f":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}}`;
    const res2 = await postRaw(server, object);
    expect([res2.status, res2.json.errors[0].extensions.code, res2.json.errors[0].message]).toEqual([400, 'BAD_USER_INPUT', 'f: is nested more than 32 levels deep']);
    // Refused from the text, before the query is even parsed (which would answer GRAPHQL_PARSE_FAILED).
    const unparsed = await postRaw(server, `{"query":"{","variables":{"g":${'['.repeat(40)}${']'.repeat(40)}}}`);
    expect([unparsed.status, unparsed.json.errors[0].extensions]).toEqual([
      400,
      { code: 'BAD_USER_INPUT', problems: [{ field: 'g', code: 'INVALID', message: 'is nested more than 32 levels deep' }] },
    ]);
  });

  it('anywhere else in the body are refused as a bad request, in milliseconds, before the body is parsed', async () => {
    const depth = 100_000;
    const body = `{"query":"{ __typename }","extensions":{"x":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
    const { result: res, slowestHealthMs } = await underAttack(server, () => postRaw(server, body));
    expect([res.status, res.json.errors[0].extensions.code, res.json.errors[0].message]).toEqual([400, 'BAD_REQUEST', 'The request body is nested more than 34 levels deep']);
    expect(slowestHealthMs).toBeLessThan(HEALTH_BOUND_MS);
    // What a GraphQL client sends nests far less, and is answered.
    const shallow = await postRaw(server, `{"query":"{ __typename }","extensions":{"x":${'['.repeat(30)}${']'.repeat(30)}}}`);
    expect([shallow.status, shallow.json.data]).toEqual([200, { __typename: 'Query' }]);
  });

  it('still accept a snapshot, the deepest input there is', async () => {
    const res = await server.gql(`mutation($s: JSON!) { importRegistry(snapshot: $s) { summary { created { collaborations } } userErrors { message } } }`, {
      s: { format: 'collaboration-registry', version: 1, collaborations: [{ key: 'deep-ok', title: 'T', kind: 'OTHER', units: [{ unit: 'bydel-alna', role: 'PARTNER' }] }] },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.importRegistry).toEqual({ summary: { created: { collaborations: 1 } }, userErrors: [] });
  });
});

describe('snapshot fields named like built-in object properties', () => {
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
    it(`refuses ${name} as an unknown field, naming its path, and writes nothing`, async () => {
      const before = await server.snapshot();
      // Written as JSON text, so __proto__ is a field of the record and not its prototype.
      const snapshot = JSON.parse(
        `{"format":"collaboration-registry","version":1,"topics":[{"key":"proto-${name}","label":"L","${name}":"x"}],` +
          `"collaborations":[{"key":"proto-c","title":"T","kind":"OTHER","units":[{"unit":"bydel-alna","role":"PARTNER","${name}":1}]}]}`,
      );
      const error = await server.services.snapshot.import(snapshot).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(RegistryError);
      expect((error as RegistryError).problems).toEqual([
        { field: `topics[0] (proto-${name}).${name}`, code: 'INVALID', message: 'is not a known field' },
        { field: `collaborations[0] (proto-c).units[0].${name}`, code: 'INVALID', message: 'is not a known field' },
      ]);
      const api = await server.gql(`mutation($s: JSON!) { importRegistry(snapshot: $s) { summary { created { topics } } userErrors { field code message } } }`, { s: snapshot });
      expect(api.data.importRegistry.userErrors).toEqual((error as RegistryError).problems);
      expect(await server.snapshot()).toEqual(before);
    });
  }

  it('refuses them in `registry import` as well, printing the path, exiting 1, writing nothing', async () => {
    const file = path.join(server.dir, 'proto.json');
    fs.writeFileSync(file, `{"format":"collaboration-registry","version":1,"topics":[{"key":"proto-cli","label":"L","__proto__":{"x":1}}]}`);
    const before = await server.snapshot();
    const res = await registry(['import', file], server.databaseUrl);
    expect([res.code, res.stderr.trim()]).toEqual([1, 'topics[0] (proto-cli).__proto__: is not a known field']);
    expect(await server.snapshot()).toEqual(before);
  });
});

describe('null sent for an argument that must not be null but has a default', () => {
  it('is the caller\'s error, naming the variable and the argument, on the first request and its repeats, and logs nothing as an internal error', async () => {
    const lines: string[] = [];
    const { createLogger } = await import('../../src/observability/logger');
    const logged = await startTestServer({ seeds: true, logger: createLogger('info', { write: (line: string) => lines.push(line) }) });
    try {
      for (const [query, argument] of [
        ['query($s: Boolean) { unit(key: "oslomet") { collaborations(includeSubunits: $s) { totalCount } } }', 'includeSubunits'],
        ['query($l: Int) { whoWorksWith(unit: "oslomet", topic: "sprak-barnehage", limit: $l) { __typename } }', 'limit'],
      ] as const) {
        for (let i = 0; i < 3; i++) {
          const res = await logged.gqlAs(null, query, { [query.includes('$s') ? 's' : 'l']: null });
          // Refused before any field runs, as other bad inputs are: HTTP 400, no data.
          expect([res.status, res.data, res.errors?.length, res.errors?.[0]?.extensions?.code]).toEqual([400, undefined, 1, 'BAD_USER_INPUT']);
          expect(res.errors?.[0]?.message).toMatch(new RegExp(`^\\$?${query.includes('$s') ? 's' : 'l'}: must not be null: it is given to argument "${argument}"`));
        }
      }
      expect(lines.filter((l) => JSON.parse(l).level === 'error')).toEqual([]);
    } finally {
      await logged.close();
    }
  });
});

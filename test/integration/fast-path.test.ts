import { GraphQLResponse, startTestServer, TestServer } from '../helpers/server';

/**
 * The compiled path (graphql-jit, REGISTRY_COMPILED_EXECUTION=on) must answer exactly as graphql-js `execute`
 * (off): the same status, data, errors (messages, codes, paths, locations) for the same requests, on two servers
 * loaded with the same registry.
 */
let compiled: TestServer;
let interpreted: TestServer;

beforeAll(async () => {
  [compiled, interpreted] = await Promise.all([
    startTestServer({ dev: true, config: { compiledExecution: true } }),
    startTestServer({ dev: true, config: { compiledExecution: false } }),
  ]);
});
afterAll(() => Promise.all([compiled.close(), interpreted.close()]));

type Caller = 'anonymous' | 'admin';

async function both(caller: Caller, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse> {
  const [a, b] = await Promise.all(
    [compiled, interpreted].map((server) => server.gqlAs(caller === 'admin' ? server.adminToken : null, query, variables)),
  );
  expect(a).toEqual(b);
  return a!;
}

const W1 = `query W1 { collaborations(first: 100) { totalCount nodes { id key title kind status startDate endDate
  units { role unit { id key name kind parent { key name } } }
  people { role person { key name title } }
  topics { key label }
  agreement { key title } } } }`;

describe('compiled execution answers as graphql-js does', () => {
  it('for the benchmark queries (a page of 100 with its participants, one record by key with a variable)', async () => {
    const page = await both('anonymous', W1);
    expect(page.data.collaborations.nodes).toHaveLength(100);
    expect(page.errors).toBeUndefined();
    const one = await both('anonymous', 'query W3($key: String!) { collaboration(key: $key) { id key title kind status startDate endDate } }', {
      key: 'c-000042',
    });
    expect(one.data.collaboration.key).toBe('c-000042');
    expect((await both('anonymous', '{ collaboration(key: "no-such-key") { key } }')).data).toEqual({ collaboration: null });
  });

  it('for personal fields: FORBIDDEN nulls at their paths for anonymous callers, values for a token', async () => {
    const query = `query($id: ID!) {
      node(id: $id) { __typename ... on Person { name email phone } }
      collaborations(first: 2, filter: { person: $id }) { nodes { key people { person { key email } } } }
    }`;
    const personId = (await compiled.gql('{ person(key: "p-00001") { id } }')).data.person.id;
    const anonymous = await both('anonymous', query, { id: personId });
    expect(anonymous.data.node).toEqual({ __typename: 'Person', name: expect.any(String), email: null, phone: null });
    expect(anonymous.errors?.map((e) => [e.extensions?.code, e.path?.join('.')])).toEqual(
      expect.arrayContaining([
        ['FORBIDDEN', 'node.email'],
        ['FORBIDDEN', 'node.phone'],
        ['FORBIDDEN', 'collaborations.nodes.0.people.0.person.email'],
      ]),
    );
    const admin = await both('admin', query, { id: personId });
    expect(admin.errors).toBeUndefined();
    expect(admin.data.node.email).toEqual(expect.any(String));
  });

  it('for fragments, inline fragments, aliases and variables with defaults', async () => {
    const res = await both(
      'anonymous',
      `query Page($first: Int = 3, $status: [Status!]) {
        first: collaborations(first: $first, filter: { status: $status }) { ...page }
        second: collaborations(first: 2, orderBy: { field: KEY, direction: DESC }) { ...page }
        node(id: "${Buffer.from('Unit:1').toString('base64url')}") { id ... on Unit { name unitKind: kind } ... on Topic { label } }
      }
      fragment page on CollaborationConnection { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ...collaboration } } }
      fragment collaboration on Collaboration { key title topics { key } }`,
      { status: ['ACTIVE'] },
    );
    expect(res.data.first.edges).toHaveLength(3);
    expect(res.data.node.unitKind).toEqual(expect.any(String));
  });

  it('for errors: a bad argument, a refused page size, a bad variable, an unknown field, a limit, an anonymous mutation', async () => {
    const unknown = await both('anonymous', '{ collaborations(filter: { unit: "bydel-x" }) { totalCount } }');
    expect(unknown.errors?.[0]).toMatchObject({ message: 'filter.unit: unknown unit "bydel-x"', path: ['collaborations'], extensions: { code: 'BAD_USER_INPUT' } });
    expect((await both('anonymous', '{ collaborations(first: 101) { totalCount } }')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const variable = await both('anonymous', 'query($first: Int) { collaborations(first: $first) { totalCount } }', { first: 'many' });
    expect(variable.status).toBe(400);
    expect(variable.errors?.[0]?.message).toMatch(/^Variable "\$first" got invalid value "many"/);
    expect((await both('anonymous', '{ collaborations { nope } }')).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await both('anonymous', '{ collaborations(first: 100) { nodes { units { unit { collaborations(first: 100) { nodes { key title status } } } } } } }')).errors?.[0]?.extensions?.code).toBe(
      'QUERY_TOO_COSTLY',
    );
    const mutation = await both('anonymous', 'mutation { topicCreate(input: { key: "x", label: "X" }) { topic { key } } }');
    expect(mutation.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

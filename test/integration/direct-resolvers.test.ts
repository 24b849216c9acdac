import { execute, getNamedType, GraphQLField, GraphQLObjectType, GraphQLOutputType, GraphQLSchema, isEnumType, isLeafType, isNonNullType, isObjectType, parse } from 'graphql';
import { buildRegistrySchema, getSchema } from '../../src/app/schema';
import { RequestScope } from '../../src/app/context';
import { AccessPolicy } from '../../src/modules/auth/access-policy';
import { ANONYMOUS, Principal } from '../../src/modules/auth/principal';
import { startTestServer, TestServer } from '../helpers/server';

/**
 * Queries and field resolvers are called directly where type-graphql's wrapper would change nothing
 * (src/graphql/direct-resolvers.ts). Every query field, with everything below it to a few levels, must answer
 * exactly as with type-graphql's own wrappers: the same data and the same errors (in any order), for an anonymous caller (personal
 * fields refused) and for an ADMIN, on the seeds with their analysis built.
 */
let server: TestServer;
let direct: GraphQLSchema;
let wrapped: GraphQLSchema;

beforeAll(async () => {
  server = await startTestServer({ seeds: true });
  await server.services.analysis.settled();
  [direct, wrapped] = await Promise.all([getSchema(), buildRegistrySchema({ direct: false })]);
});
afterAll(() => server.close());

/** Every field without required arguments, to `depth` object levels; leaves only at the last. */
function selection(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return '{ __typename }';
  const fields = Object.values(named.getFields()).filter((f) => !f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined));
  const chosen = depth === 0 ? fields.filter((f) => isLeafType(getNamedType(f.type))) : fields;
  return `{ __typename ${chosen.map((f: GraphQLField<unknown, unknown>) => `${f.name} ${selection(f.type, depth - 1)}`).join(' ')} }`;
}

async function answers(principal: Principal, query: string): Promise<[string, string]> {
  const document = parse(query);
  const run = async (schema: GraphQLSchema) => {
    const contextValue = Object.assign(new RequestScope(server.dataSource, server.services, new AccessPolicy(principal, server.dataSource, server.services.auth)), {
      observation: { requestId: 'test', route: 'graphql', startedAt: 0, stats: { sqlStatements: 0 }, errorCodes: [], userErrorCodes: [] },
    });
    const result = await execute({ schema, document, contextValue });
    // graphql-js lists errors in the order fields failed: a resolver that answers at once fails sooner than one
    // behind type-graphql's promises. The specification gives errors no order; the same errors must be there.
    const errors = result.errors?.map((e) => JSON.stringify({ ...e.toJSON(), extensions: e.extensions })).sort();
    return JSON.stringify({ data: result.data, errors });
  };
  return [await run(direct), await run(wrapped)];
}

it('direct calls replace most of type-graphql wrappers (the comparison below means something)', () => {
  let replaced = 0;
  for (const type of Object.values(direct.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const other = wrapped.getType(type.name);
    if (!isObjectType(other)) continue;
    for (const field of Object.values(type.getFields())) if (field.resolve && field.resolve.toString() !== other.getFields()[field.name]!.resolve?.toString()) replaced += 1;
  }
  expect(replaced).toBeGreaterThan(40);
  // The fields a page of collaborations with their participants runs hundreds of times.
  const resolverOf = (schema: GraphQLSchema, path: string) => {
    const [type, field] = path.split('.');
    return String((schema.getType(type!) as GraphQLObjectType).getFields()[field!]!.resolve);
  };
  for (const path of ['Query.collaboration', 'Collaboration.id', 'Collaboration.agreement', 'CollaborationUnit.unit', 'CollaborationPerson.person', 'Unit.parent']) {
    expect([path, resolverOf(direct, path) === resolverOf(wrapped, path)]).toEqual([path, false]);
  }
});

it('every query field answers as through type-graphql, anonymously and as ADMIN, errors included', async () => {
  const pick = async (list: string) => (await server.gql(`{ ${list}(first: 2) { nodes { id key } } }`)).data[list].nodes[0] as { id: string; key: string };
  const [collaboration, unit, person, topic, agreement] = await Promise.all(['collaborations', 'units', 'people', 'topics', 'agreements'].map(pick));
  const calls: Record<string, string[]> = {
    collaboration: [`key: "${collaboration!.key}"`, `id: "${collaboration!.id}"`, 'key: "no-such-key"', 'id: "x", key: "y"'],
    unit: [`key: "${unit!.key}"`, `id: "${unit!.id}"`],
    person: [`key: "${person!.key}"`],
    topic: [`key: "${topic!.key}"`],
    agreement: [`key: "${agreement!.key}"`, `id: "${collaboration!.id}"`],
    node: [`id: "${collaboration!.id}"`, `id: "${unit!.id}"`, 'id: "not-an-id"'],
    nodes: [`ids: ["${person!.id}", "${topic!.id}", "${agreement!.id}"]`],
    whoWorksWith: [`unit: "${unit!.key}", topic: "${topic!.key}", limit: 5`, 'unit: "no-such-unit", topic: "x", limit: 5'],
    personExport: [`id: "${person!.id}"`],
  };
  const enumValue = (name: string) => {
    const type = direct.getType(name);
    return isEnumType(type) ? type.getValues()[0]!.name : '';
  };
  calls.tableExport = [`format: ${enumValue('TableFormat')}, type: ${enumValue('TableType')}`];
  const admin = await server.services.auth.authenticate(`Bearer ${server.adminToken}`);
  let compared = 0;
  for (const field of Object.values(direct.getQueryType()!.getFields())) {
    const required = field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined);
    const argumentLists = calls[field.name] ?? (required ? [] : [field.args.some((a) => a.name === 'first') ? 'first: 3' : '']);
    expect([field.name, argumentLists.length > 0]).toEqual([field.name, true]);
    for (const args of argumentLists) {
      const query = `{ ${field.name}${args ? `(${args})` : ''} ${selection(field.type, 3)} }`;
      for (const principal of [ANONYMOUS, admin]) {
        const [a, b] = await answers(principal, query);
        expect([query, principal.kind, a]).toEqual([query, principal.kind, b]);
        compared += 1;
      }
    }
  }
  expect(compared).toBeGreaterThan(50);
});

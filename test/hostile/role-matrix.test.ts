import {
  getNamedType,
  GraphQLField,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  isInterfaceType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { getSchema } from '../../src/app/schema';
import { startTestServer, TestServer } from '../helpers/server';

/**
 * The role matrix read from the schema itself: a field is personal data when its description says so. Every path
 * from the query root to such a field is asked for anonymously, and must come back withheld (null with FORBIDDEN);
 * a new path to personal data is covered by this test the moment it exists.
 */
const isPersonal = (field: GraphQLField<unknown, unknown>) => /\(personal data/i.test(field.description ?? '');

/** Arguments the walk can fill in from the dev registry; a field needing any other required argument is not walked. */
const ARGUMENTS: Record<string, string> = {
  'Query.unit': 'key: "kommune-0301"',
  'Query.collaboration': 'key: "c-000124"',
  'Query.person': 'key: "p-00001"',
  'Query.topic': 'key: "oppvekst"',
  'Query.agreement': 'key: "avtale-oslo-oslomet"',
  'Query.whoWorksWith': 'unit: "kommune-0301", topic: "helse"',
};
const MAX_DEPTH = 5;

interface Path {
  query: string;
  fields: string[];
}

function personalPaths(schema: GraphQLSchema): Path[] {
  const paths: Path[] = [];
  const walk = (type: GraphQLObjectType, trail: string[], seen: Set<string>, wrap: (inner: string) => string) => {
    const personal = Object.values(type.getFields()).filter(isPersonal);
    if (personal.length) paths.push({ query: wrap(`__typename ${personal.map((f) => f.name).join(' ')}`), fields: trail });
    if (trail.length >= MAX_DEPTH) return;
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type) as GraphQLNamedType;
      if (!(isObjectType(target) || isInterfaceType(target)) || seen.has(target.name)) continue;
      const coordinate = `${type.name}.${field.name}`;
      const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
      const given = ARGUMENTS[coordinate];
      if (required.length && !given) continue;
      if (!given && type.name === 'Query' && field.args.some((a) => a.name === 'id')) continue;
      const call = `${field.name}${given ? `(${given})` : field.args.some((a) => a.name === 'first') ? '(first: 3)' : ''}`;
      const next = new Set(seen).add(target.name);
      const objects = isObjectType(target) ? [target] : schema.getPossibleTypes(target);
      for (const object of objects) {
        const inner = isObjectType(target) ? (s: string) => s : (s: string) => `... on ${object.name} { ${s} }`;
        walk(object, [...trail, coordinate], next, (s) => wrap(`${call} { ${inner(s)} }`));
      }
    }
  };
  walk(schema.getQueryType()!, [], new Set(['Query']), (s) => `{ ${s} }`);
  return paths;
}

let server: TestServer;
let viewer: string;
let paths: Path[];
beforeAll(async () => {
  server = await startTestServer({ dev: true });
  viewer = await server.token('VIEWER');
  paths = personalPaths(await getSchema());
});
afterAll(() => server.close());

/** Every value of a personal field in a response, with its path. */
function personalValues(value: unknown, names: Set<string>, at: string[] = [], out: { path: string; value: unknown }[] = []) {
  if (Array.isArray(value)) value.forEach((v, i) => personalValues(v, names, [...at, String(i)], out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (names.has(key)) out.push({ path: [...at, key].join('.'), value: v });
      else personalValues(v, names, [...at, key], out);
    }
  }
  return out;
}

describe('no path gives an anonymous caller a field the schema calls personal data', () => {
  it('finds the paths from the schema', () => {
    // Person is reachable through lookups, lists, participants, affiliations, contacts and reports.
    expect(paths.length).toBeGreaterThan(20);
    console.log(`${paths.length} paths from the query root to personal data`);
    expect(paths.map((p) => p.fields[0])).toEqual(expect.arrayContaining(['Query.person', 'Query.people', 'Query.collaboration', 'Query.whoWorksWith']));
  });

  it('withholds every personal value on every path to an anonymous caller, and shows them to a token holder', async () => {
    const schema = await getSchema();
    const names = new Set<string>();
    for (const type of Object.values(schema.getTypeMap())) {
      if (isObjectType(type)) for (const f of Object.values(type.getFields())) if (isPersonal(f)) names.add(f.name);
    }
    let seenAnonymously = 0;
    let shownToViewer = 0;
    for (const path of paths) {
      const anonymous = await server.gqlAs(null, path.query);
      expect(anonymous.errors?.map((e) => e.extensions?.code).filter((c) => c !== 'FORBIDDEN' && c !== 'UNAUTHENTICATED') ?? []).toEqual([]);
      const leaked = personalValues(anonymous.data, names).filter((v) => v.value !== null);
      expect({ path: path.fields.join(' › '), leaked }).toEqual({ path: path.fields.join(' › '), leaked: [] });
      seenAnonymously += personalValues(anonymous.data, names).length;
      const signedIn = await server.gqlAs(viewer, path.query);
      shownToViewer += personalValues(signedIn.data, names).filter((v) => v.value !== null).length;
    }
    // The walk really reached people: anonymously as withheld values, with a token as values.
    expect(seenAnonymously).toBeGreaterThan(0);
    expect(shownToViewer).toBeGreaterThan(0);
  });
});

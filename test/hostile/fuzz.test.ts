import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLOutputType,
  GraphQLSchema,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
} from 'graphql';
import { getSchema } from '../../src/app/schema';
import { loadConfig } from '../../src/config';
import { toGlobalId } from '../../src/graphql/node-id';
import { startTestServer, TestServer } from '../helpers/server';

/**
 * Random documents and variables within the documented limits, generated from the schema: selections of fields,
 * arguments of the right and of the wrong type (literals and variables), aliases, inline and named fragments,
 * queries and mutations; sent anonymously and with a VIEWER token. No answer may be an internal error, larger
 * than the response ceiling, or slower than a second. FUZZ_RUNS bounds the cases; FUZZ_SEED replays a run.
 * A whole-registry export costs what the registry holds, whatever the document: an XLSX table of the dev
 * registry's 2,000 collaborations takes about half a second alone on this machine (README, "Spreadsheets in and
 * out"); documents with one get three.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const MAX_RESPONSE_BYTES = loadConfig({}).maxResponseBytes;
const WHOLE_REGISTRY_EXPORT = /\b(exportRegistry|tableExport)\b/;

let server: TestServer;
let schema: GraphQLSchema;
let viewer: string;
/** Real global ids and keys of the dev registry, so generated references sometimes name a record. */
let references: string[];

beforeAll(async () => {
  [server, schema] = await Promise.all([startTestServer({ dev: true }), getSchema()]);
  viewer = await server.token('VIEWER');
  // An imported registry is analysed in the background, and duplicate detection copies the registry into memory on
  // first use (0.5–1 s on the dev registry each, one-off costs, not of any request shape): done here, so the cases
  // measure requests alone.
  await server.services.analysis.settled();
  await server.services.duplicates.candidates();
  const res = await server.gql(`{
    units(first: 3) { nodes { id key } } collaborations(first: 3) { nodes { id key } } people(first: 3) { nodes { id key } }
    topics(first: 3) { nodes { id key } } agreements(first: 3) { nodes { id key } }
  }`);
  references = Object.values(res.data as Record<string, { nodes: { id: string; key: string }[] }>).flatMap((c) => c.nodes.flatMap((n) => [n.id, n.key]));
}, 120000);
afterAll(() => server.close());

type Gen = fc.GeneratorValue;

/** One of the items; by index, since fast-check compares generator arguments and schema objects are cyclic. */
const pick = <T>(g: Gen, items: readonly T[]): T => items[g(fc.nat, items.length - 1)]!;

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

const strings = () =>
  fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.string({ maxLength: 12, unit: 'binary' }),
    fc.constantFrom('', 'a\u0000b', 'bydel-alna', 'c-000001', '%', '_', "'", '\\', 'ø', '😀', 'x'.repeat(300), '2024-02-30', '2024-05-01'),
    fc.constantFrom(...references),
    fc.constantFrom(toGlobalId('Unit', 2 ** 31), toGlobalId('Collaboration', 99999999999), toGlobalId('Nothing', 1), Buffer.from('["x",1]').toString('base64url')),
  );

/** Any JSON value: the wrong type for most arguments. */
const anything = () => fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), strings(), fc.constant(null), fc.jsonValue({ maxDepth: 2 }));

/** A value for an input type: usually of that type, sometimes of another. */
function value(g: Gen, type: GraphQLInputType, depth: number): unknown {
  if (g(fc.integer, { min: 0, max: 9 }) === 0) return g(anything);
  if (!isNonNullType(type) && g(fc.integer, { min: 0, max: 7 }) === 0) return null;
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) {
    const length = g(fc.integer, { min: 0, max: depth > 1 ? 1 : 3 });
    return Array.from({ length }, () => value(g, inner.ofType, depth + 1));
  }
  if (isEnumType(inner)) return pick(g, [...inner.getValues().map((v) => v.name), 'NOT_A_VALUE']);
  if (isInputObjectType(inner)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(inner.getFields())) {
      if (isNonNullType(field.type) || (depth < 3 && g(fc.boolean))) out[field.name] = value(g, field.type, depth + 1);
    }
    return out;
  }
  switch (inner.name) {
    case 'Int':
      return g(() => fc.oneof(fc.integer({ min: -3, max: 120 }), fc.constantFrom(0, 2 ** 31 - 1, -(2 ** 31))));
    case 'Float':
      return g(fc.double, { noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
    case 'Boolean':
      return g(fc.boolean);
    case 'JSON':
      return g(fc.jsonValue, { maxDepth: 3 });
    default:
      return g(strings);
  }
}

/** The value as a GraphQL literal (enum values bare). */
function literal(v: unknown, type: GraphQLInputType): string {
  const named = getNamedType(type);
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map((item) => literal(item, isListType(getNullableType(type)) ? (getNullableType(type) as { ofType: GraphQLInputType }).ofType : type)).join(' ')}]`;
  if (typeof v === 'object') {
    const fields = isInputObjectType(named) ? named.getFields() : {};
    const entries = Object.entries(v).filter(([k]) => NAME.test(k));
    return `{${entries.map(([k, item]) => `${k}: ${literal(item, fields[k]?.type ?? named)}`).join(' ')}}`;
  }
  if (typeof v === 'string' && isEnumType(named) && NAME.test(v)) return v;
  return JSON.stringify(v);
}

interface Document {
  variables: Record<string, unknown>;
  definitions: string[];
  fragments: string[];
}

function args(g: Gen, field: GraphQLField<unknown, unknown>, doc: Document): string {
  const out: string[] = [];
  for (const arg of field.args) {
    if (!isNonNullType(arg.type) && g(fc.integer, { min: 0, max: 2 }) !== 0) continue;
    const v = value(g, arg.type, 0);
    if (g(fc.integer, { min: 0, max: 2 }) === 0) {
      const name = `v${doc.definitions.length}`;
      doc.definitions.push(`$${name}: ${String(arg.type)}`);
      doc.variables[name] = v;
      out.push(`${arg.name}: $${name}`);
    } else {
      out.push(`${arg.name}: ${literal(v, arg.type)}`);
    }
  }
  return out.length ? `(${out.join(', ')})` : '';
}

function selection(g: Gen, type: GraphQLNamedType, depth: number, doc: Document): string {
  if (isAbstractType(type)) {
    const possible = schema.getPossibleTypes(type);
    const on = pick(g, possible);
    return `__typename ... on ${on.name} { ${selection(g, on, depth, doc)} }`;
  }
  if (!isObjectType(type) && !isInterfaceType(type)) return '';
  const fields = Object.values(type.getFields()).filter((f) => depth > 0 || isLeafType(getNamedType(f.type)));
  if (!fields.length) return '__typename';
  const count = g(fc.integer, { min: 1, max: 3 });
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const field = pick(g, fields);
    const alias = g(fc.integer, { min: 0, max: 6 }) === 0 ? `a${i}_${depth}: ` : '';
    const sub = subselection(g, field.type, depth - 1, doc);
    parts.push(`${alias}${field.name}${args(g, field, doc)}${sub}`);
  }
  const body = parts.join(' ');
  const wrap = g(fc.integer, { min: 0, max: 9 });
  if (wrap === 0) return `... on ${type.name} { ${body} }`;
  if (wrap === 1) {
    const name = `F${doc.fragments.length}`;
    doc.fragments.push(`fragment ${name} on ${type.name} { ${body} }`);
    return g(fc.boolean) ? `...${name}` : `...${name} ...${name}`;
  }
  return body;
}

function subselection(g: Gen, type: GraphQLOutputType, depth: number, doc: Document): string {
  const named = getNamedType(type);
  return isLeafType(named) ? '' : ` { ${selection(g, named, Math.max(depth, 0), doc)} }`;
}

function operation(g: Gen): { query: string; variables: Record<string, unknown> } {
  const doc: Document = { variables: {}, definitions: [], fragments: [] };
  const mutation = g(fc.integer, { min: 0, max: 9 }) === 0;
  const root = mutation ? schema.getMutationType()! : schema.getQueryType()!;
  const body = selection(g, root, g(fc.integer, { min: 1, max: 5 }), doc);
  const head = `${mutation ? 'mutation' : 'query'}${doc.definitions.length ? `(${doc.definitions.join(', ')})` : ''}`;
  return { query: `${head} { ${body} } ${doc.fragments.join(' ')}`, variables: doc.variables };
}

describe('fuzzing the API with generated documents', () => {
  it('answers every request without an internal error, within the response ceiling and a second', async () => {
    console.log(`fuzz: seed ${SEED}, ${RUNS} cases (FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} to replay)`);
    await fc.assert(
      fc.asyncProperty(fc.gen(), async (g) => {
        const { query, variables } = operation(g);
        for (const token of [null, viewer]) {
          const started = performance.now();
          const res = await fetch(server.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
            body: JSON.stringify({ query, variables }),
          });
          const text = await res.text();
          const ms = performance.now() - started;
          const codes = ((JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors ?? []).map((e) => e.extensions?.code);
          const problems = { internal: codes.includes('INTERNAL_SERVER_ERROR'), serverError: res.status >= 500, tooLarge: Buffer.byteLength(text) > MAX_RESPONSE_BYTES, slow: ms > (WHOLE_REGISTRY_EXPORT.test(query) ? 3000 : 1000) };
          // On a failure the diff shows the request, who sent it and how long it took.
          const request = { as: token ? 'VIEWER' : 'anonymous', ms: Math.round(ms), query, variables };
          expect({ problems, ...request }).toEqual({ problems: { internal: false, serverError: false, tooLarge: false, slow: false }, ...request });
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

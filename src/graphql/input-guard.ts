import {
  DocumentNode,
  GraphQLError,
  GraphQLSchema,
  isNonNullType,
  Kind,
  OperationDefinitionNode,
  TypeInfo,
  ValueNode,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { RegistryError } from '../errors/registry-error';
import { toGraphQLError } from './errors';

/** Deepest nesting of a variable's value: snapshots, the deepest input, nest about 5 levels. */
export const MAX_VARIABLE_DEPTH = 32;

const NUL = '\u0000';
const nulProblem = (field: string) => RegistryError.of(field, 'INVALID', 'must not contain the NUL character (U+0000)');

/** A user error refused before execution: BAD_USER_INPUT naming the field, HTTP 400. */
export const badInput = (error: RegistryError) => {
  const graphql = toGraphQLError(error);
  return new GraphQLError(graphql.message, { extensions: { ...graphql.extensions, http: { status: 400 } } });
};

const child = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : `${path}.${key}`);

/**
 * Walks each variable's value with an explicit stack (a value nested 100,000 deep would overflow any recursive
 * walk, GraphQL's own coercion included): too deep, or a NUL anywhere in a string or key, is the client's error.
 * The first problem in the order the variables are written is named, as `bodyNestingProblem` names it.
 */
export function variableProblem(variables: Record<string, unknown>): RegistryError | null {
  const stack: { value: unknown; path: string; name: string; depth: number }[] = Object.entries(variables)
    .map(([name, value]) => ({ value, path: name, name, depth: 0 }))
    .reverse();
  while (stack.length) {
    const { value, path, name, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes(NUL)) return nulProblem(path);
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    // Named by the variable: the path to the deepest point would be the noise the nesting is made of.
    if (depth >= MAX_VARIABLE_DEPTH) return RegistryError.of(name, 'INVALID', `is nested more than ${MAX_VARIABLE_DEPTH} levels deep`);
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [key] of entries) if (typeof key === 'string' && key.includes(NUL)) return nulProblem(path);
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], path: child(path, entries[i]![0]), name, depth: depth + 1 });
  }
  return null;
}

/** Levels of a GraphQL-over-HTTP body above a variable's value: the body object and its `variables` object. */
const BODY_LEVELS_ABOVE_VARIABLES = 2;
/** What a request body's text nests too deep: a variable (named as `variableProblem` names it), or anything else. */
export type BodyNesting = { variable: RegistryError } | { body: string };

/** Where a string ends (the index of its closing quote, or the text's length): a quote after an even run of backslashes. */
function stringEnd(text: string, opening: number): number {
  for (let quote = text.indexOf('"', opening + 1); quote !== -1; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return quote;
  }
  return text.length;
}

/**
 * Finds, in a request body's text before JSON.parse builds it, a value nested deeper than a variable may be. Parsing
 * a body nested 100,000 deep takes V8 30–60 ms (it builds every level), which blocked the event loop for as long
 * before `variableProblem` could refuse it; this scan reads the text once, skipping strings whole, and stops at the
 * first level too deep. It does not check the JSON: text that is not JSON and nests no deeper is left to JSON.parse,
 * which refuses it.
 */
export function bodyNestingProblem(text: string): BodyNesting | null {
  const tooDeep = BODY_LEVELS_ABOVE_VARIABLES + MAX_VARIABLE_DEPTH;
  // Only the two outer levels matter for naming: whether each is an object, whether a key comes next, and where the
  // last key's text lies (decoded only to name it).
  const isObject: boolean[] = [];
  const expectKey: boolean[] = [];
  const keyAt: [number, number][] = [];
  let depth = 0;
  for (let at = 0; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (c === 0x22 /* " */) {
      const end = stringEnd(text, at);
      if (depth <= BODY_LEVELS_ABOVE_VARIABLES && expectKey[depth]) {
        keyAt[depth] = [at, end + 1];
        expectKey[depth] = false;
      }
      at = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      // A value where a key belongs: not JSON.
      if (depth <= BODY_LEVELS_ABOVE_VARIABLES && expectKey[depth]) return null;
      depth++;
      if (depth > tooDeep) return tooDeepAt(text, isObject, keyAt, tooDeep);
      if (depth <= BODY_LEVELS_ABOVE_VARIABLES) {
        isObject[depth] = c === 0x7b;
        expectKey[depth] = c === 0x7b;
      }
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
    } else if (c === 0x2c /* , */ && depth <= BODY_LEVELS_ABOVE_VARIABLES) {
      expectKey[depth] = isObject[depth] === true;
    }
  }
  return null;
}

function tooDeepAt(text: string, isObject: boolean[], keyAt: [number, number][], tooDeep: number): BodyNesting | null {
  const key = (depth: number): string | undefined => {
    const at = keyAt[depth];
    if (!at) return undefined;
    const parsed: unknown = JSON.parse(text.slice(at[0], at[1]));
    return typeof parsed === 'string' ? parsed : undefined;
  };
  try {
    const variable = isObject[1] && isObject[2] && key(1) === 'variables' ? key(2) : undefined;
    return variable === undefined
      ? { body: `The request body is nested more than ${tooDeep} levels deep` }
      : { variable: RegistryError.of(variable, 'INVALID', `is nested more than ${MAX_VARIABLE_DEPTH} levels deep`) };
  } catch {
    return null; // a key that is not a JSON string: JSON.parse refuses the body, at that key
  }
}

/** Apollo hands every request of one query text the same parsed document, so its literals are checked once. */
const literalVerdicts = new WeakMap<DocumentNode, { problem: RegistryError | null }>();

function literalProblem(document: DocumentNode): RegistryError | null {
  let verdict = literalVerdicts.get(document);
  if (!verdict) literalVerdicts.set(document, (verdict = { problem: findLiteralProblem(document) }));
  return verdict.problem;
}

/** A NUL in a string literal of the document (arguments and variable defaults), named by its argument path. */
function findLiteralProblem(document: DocumentNode): RegistryError | null {
  let found: RegistryError | null = null;
  const check = (root: ValueNode, rootPath: string) => {
    const stack: { node: ValueNode; path: string }[] = [{ node: root, path: rootPath }];
    while (stack.length && !found) {
      const { node, path } = stack.pop()!;
      if (node.kind === Kind.STRING && node.value.includes(NUL)) found = nulProblem(path);
      else if (node.kind === Kind.LIST) node.values.forEach((v, i) => stack.push({ node: v, path: child(path, i) }));
      else if (node.kind === Kind.OBJECT) node.fields.forEach((f) => stack.push({ node: f.value, path: child(path, f.name.value) }));
    }
  };
  visit(document, {
    Argument(node) {
      check(node.value, node.name.value);
      return found ? false : undefined;
    },
    VariableDefinition(node) {
      if (node.defaultValue) check(node.defaultValue, node.variable.name.value);
      return found ? false : undefined;
    },
  });
  return found;
}

/** Where a variable stands where a value is required: the argument (or input field) and the field it belongs to. */
interface RequiredUsage {
  variable: string;
  argument: string;
  field: string;
}

const requiredUsages = new WeakMap<DocumentNode, RequiredUsage[]>();

/**
 * Every place a variable is given to an argument or input field whose type is non-null. GraphQL lets a variable of
 * a nullable type stand there when the argument has a default (`includeSubunits: Boolean! = true`) and then fails
 * the field inside execution when the variable is sent as null: an error with no code, which would read as the
 * server's own. Found once per document.
 */
function findRequiredUsages(schema: GraphQLSchema, document: DocumentNode): RequiredUsage[] {
  let usages = requiredUsages.get(document);
  if (!usages) {
    const found: RequiredUsage[] = [];
    const typeInfo = new TypeInfo(schema);
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        VariableDefinition: () => false,
        Variable(node) {
          const type = typeInfo.getInputType();
          if (!type || !isNonNullType(type)) return;
          // A variable stands only inside an argument (of a field or a directive), perhaps deep in its input object.
          found.push({ variable: node.name.value, argument: typeInfo.getArgument()?.name ?? '', field: typeInfo.getFieldDef()?.name ?? '' });
        },
      }),
    );
    requiredUsages.set(document, (usages = found));
  }
  return usages;
}

/** A variable of a nullable type sent as null where the operation gives it to an argument that needs a value. */
function nullWhereRequired(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): RegistryError | null {
  for (const usage of findRequiredUsages(schema, document)) {
    if (variables[usage.variable] !== null) continue;
    const definition = operation.variableDefinitions?.find((d) => d.variable.name.value === usage.variable);
    if (!definition || definition.type.kind === Kind.NON_NULL_TYPE) continue;
    const where = `argument "${usage.argument}"${usage.field ? ` of ${usage.field}` : ''}`;
    return RegistryError.of(usage.variable, 'INVALID', `must not be null: it is given to ${where}, which needs a value (leave the variable out to use the default)`);
  }
  return null;
}

/**
 * The one check every text input passes before execution: PostgreSQL refuses NUL in text, a value nested deeper
 * than any input needs is refused before GraphQL coerces it, and a null where a value is required is refused
 * naming the variable before any field runs.
 */
export function checkInputs(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode | undefined, variables: Record<string, unknown>): GraphQLError | null {
  const problem = variableProblem(variables) ?? literalProblem(document) ?? (operation ? nullWhereRequired(schema, document, operation, variables) : null);
  return problem && badInput(problem);
}

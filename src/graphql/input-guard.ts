import { DocumentNode, GraphQLError, Kind, ValueNode, visit } from 'graphql';
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
 */
function variableProblem(variables: Record<string, unknown>): RegistryError | null {
  const stack: { value: unknown; path: string; name: string; depth: number }[] = Object.entries(variables).map(([name, value]) => ({ value, path: name, name, depth: 0 }));
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
    for (const [key, item] of entries) {
      if (typeof key === 'string' && key.includes(NUL)) return nulProblem(path);
      stack.push({ value: item, path: child(path, key), name, depth: depth + 1 });
    }
  }
  return null;
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

/**
 * The one check every text input passes before execution: PostgreSQL refuses NUL in text, and a value nested
 * deeper than any input needs is refused before GraphQL coerces it.
 */
export function checkInputs(document: DocumentNode, variables: Record<string, unknown>): GraphQLError | null {
  const problem = variableProblem(variables) ?? literalProblem(document);
  return problem && badInput(problem);
}

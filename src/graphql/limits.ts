import { ApolloServerPlugin, BaseContext, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import {
  ASTVisitor,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLError,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  isInterfaceType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValueNode,
} from 'graphql';
import { Extensions } from 'type-graphql';
import { QueryLimits } from '../config';
import { Lru, MAX_OPERATIONS, operationKey } from './operation-cache';
import { RegistryError } from '../errors/registry-error';
import { badInput, checkInputs } from './input-guard';
import { listBoundOf } from './list-bounds';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';

const rejection = (code: string, message: string) => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/** Page-size arguments: the size a list field returns, which multiplies the cost of everything below it. */
const SIZE_ARGS = ['first', 'last', 'limit'];
/** The largest `limit` any field accepts (whoWorksWith), assumed when the value cannot be known. */
const MAX_LIMIT = 500;

/** What a selection set costs: its depth below its field, its aliases, and its cost per unit of multiplier. */
interface Measure {
  depth: number;
  aliases: number;
  cost: number;
  /** How often it asks for fields marked OncePerRequest, aliases and fragment spreads each counted. */
  wholeReads: number;
}

const ONCE_PER_REQUEST = 'oncePerRequest';
/** The introspection fields on the query root, which describe the schema rather than the registry. */
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * On a field that reads the whole registry (an export): at most one such field (or `__schema`, `__type`) per request. Its
 * answer is one JSON value, which the cost limit counts as one field; thirty aliases of it held the SQLite server 8–9 s.
 */
export const OncePerRequest = () => Extensions({ [ONCE_PER_REQUEST]: true });

/** Thrown inside the walk to stop it at the first broken limit. */
class Refusal extends Error {
  constructor(readonly error: GraphQLError) {
    super(error.message);
  }
}

/**
 * One linear pass over a document: every fragment is measured once and its measure reused at each spread (cost
 * is linear in the multiplier, so a fragment's cost is kept per unit). A document of fragments that each spread
 * the next twice therefore costs as many steps as it has fields, not 2^n.
 */
class Measurer {
  private readonly fragments: Map<string, FragmentDefinitionNode>;
  private readonly measured = new Map<string, Measure>();
  private readonly measuring = new Set<string>();
  private readonly defaults: Map<string, ValueNode>;
  /** The variables the measure depended on: the verdict holds for any request that sends the same values of these. */
  readonly read = new Set<string>();
  /** The names of the OncePerRequest fields asked for. */
  readonly wholeFields = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    private readonly variables: Record<string, unknown>,
    private readonly limits: QueryLimits,
  ) {
    this.defaults = new Map(
      (operation.variableDefinitions ?? []).flatMap((v) => (v.defaultValue ? [[v.variable.name.value, v.defaultValue] as const] : [])),
    );
    this.fragments = new Map(
      document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
    );
  }

  /** Measures a selection set as if its multiplier were 1; the caller scales the cost. */
  selectionSet(selectionSet: SelectionSetNode, type: GraphQLNamedType): Measure {
    const out: Measure = { depth: 0, aliases: 0, cost: 0, wholeReads: 0 };
    const add = (inner: Measure) => {
      out.depth = Math.max(out.depth, inner.depth);
      out.aliases += inner.aliases;
      out.cost += inner.cost;
      out.wholeReads += inner.wholeReads;
      // Any part's cost per unit only grows when multiplied (multipliers are at least 1), so this is a lower bound.
      if (out.cost > this.limits.cost) throw new Refusal(costly(out.cost, this.limits.cost));
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        add(this.field(selection, type));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? this.schema.getType(selection.typeCondition.name.value) : type;
        if (on) add(this.selectionSet(selection.selectionSet, on));
      } else {
        add(this.fragment(selection.name.value));
      }
    }
    return out;
  }

  private fragment(name: string): Measure {
    const known = this.measured.get(name);
    if (known) return known;
    const fragment = this.fragments.get(name);
    const on = fragment && this.schema.getType(fragment.typeCondition.name.value);
    if (!fragment || !on) return { depth: 0, aliases: 0, cost: 0, wholeReads: 0 };
    // GraphQL validation refuses cycles before this runs; the check keeps the walk finite whatever it is given.
    if (this.measuring.has(name)) throw new Refusal(rejection('GRAPHQL_VALIDATION_FAILED', `Cannot spread fragment "${name}" within itself.`));
    this.measuring.add(name);
    const measure = this.selectionSet(fragment.selectionSet, on);
    this.measuring.delete(name);
    this.measured.set(name, measure);
    return measure;
  }

  private field(field: FieldNode, parent: GraphQLNamedType): Measure {
    const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[field.name.value] : undefined;
    const size = definition ? this.sizeOf(field, definition) : 1;
    // The schema's own description is one as well (thirty aliases of `__schema` answered 6.4 MB, thirty of a
    // `__type` two levels deep 2.3 MB), and cost one field each.
    const whole = definition?.extensions?.[ONCE_PER_REQUEST] === true || INTROSPECTION_ROOTS.has(field.name.value);
    if (whole) this.wholeFields.add(field.name.value);
    const own: Measure = { depth: 1, aliases: field.alias ? 1 : 0, cost: size, wholeReads: whole ? 1 : 0 };
    if (field.selectionSet && definition) {
      const inner = this.selectionSet(field.selectionSet, getNamedType(definition.type));
      own.depth += inner.depth;
      own.aliases += inner.aliases;
      own.cost += size * inner.cost;
      own.wholeReads += inner.wholeReads;
    }
    return own;
  }

  /** How many items the field can return: its page size, the ids it is given, or its declared maximum; else 1. */
  private sizeOf(field: FieldNode, definition: GraphQLField<unknown, unknown>): number {
    const bound = listBoundOf(definition);
    if (bound?.countArg) {
      const count = this.countOf(field.arguments?.find((a) => a.name.value === bound.countArg)?.value, bound.max);
      if (count > bound.max) {
        throw new Refusal(badInput(RegistryError.of(bound.countArg, 'INVALID', `at most ${bound.max} (was ${count})`)));
      }
      return Math.max(count, 1);
    }
    if (bound) return bound.max;
    let size = 1;
    for (const arg of definition.args) {
      if (!SIZE_ARGS.includes(arg.name)) continue;
      const given = this.valueOf(field.arguments?.find((a) => a.name.value === arg.name)?.value);
      // Left out or null, a page size takes its default (pagination treats null as absent).
      if (typeof given === 'number') size = Math.max(size, given);
      else if (given === undefined || given === null) {
        if (typeof arg.defaultValue === 'number') size = Math.max(size, arg.defaultValue);
        else if (arg.name === 'first') size = Math.max(size, DEFAULT_PAGE_SIZE);
      } else size = Math.max(size, arg.name === 'limit' ? MAX_LIMIT : MAX_PAGE_SIZE);
    }
    return size;
  }

  /** A variable's value as sent, else its default in the operation; undefined when neither. */
  private variable(name: string): unknown {
    this.read.add(name);
    if (Object.hasOwn(this.variables, name)) return this.variables[name];
    const fallback = this.defaults.get(name);
    return fallback && fallback.kind !== Kind.VARIABLE ? this.valueOf(fallback) : undefined;
  }

  /** A literal's value (numbers and null; other literals as their node), or a variable's. */
  private valueOf(node: ValueNode | undefined): unknown {
    if (!node) return undefined;
    if (node.kind === Kind.VARIABLE) return this.variable(node.name.value);
    if (node.kind === Kind.LIST) return node.values;
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.NULL) return null;
    return node;
  }

  private countOf(node: ValueNode | undefined, max: number): number {
    if (!node) return 0;
    const value = this.valueOf(node);
    if (Array.isArray(value)) return value.length;
    // Absent or null, the argument fails coercion later; counting the maximum keeps the estimate an upper bound.
    return value === undefined || value === null ? max : 1;
  }
}

/**
 * GraphQL's own validation (OverlappingFieldsCanBeMerged) compares every pair of fields that answer at the same
 * place, recursively: quadratic in repeats, so 600 copies of `units { nodes { key } }` take a third of a second
 * and nested repeats more. Counted beforehand, per response path: the sum of the squares of the copies, which a
 * query that asks for each field once keeps at its number of fields. Fragments are counted where defined, as
 * validation compares each pair of fragments once; the spreads in one place count as copies of each other.
 */
export const MAX_REPEAT_PAIRS = 20000;

export function checkRepetition(document: DocumentNode): GraphQLError | null {
  const pathIds = new Map<string, number>();
  const copies: number[] = [];
  let pairs = 0;
  const pending: { selectionSet: SelectionSetNode; path: number }[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) {
      pending.push({ selectionSet: definition.selectionSet, path: -1 - pending.length });
    }
  }
  while (pending.length) {
    const { selectionSet, path } = pending.pop()!;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        pending.push({ selectionSet: selection.selectionSet, path });
        continue;
      }
      // Spreads at one place are compared pairwise with each other as well: they count as copies of one field.
      const key = `${path}:${selection.kind === Kind.FIELD ? (selection.alias ?? selection.name).value : '...'}`;
      let id = pathIds.get(key);
      if (id === undefined) pathIds.set(key, (id = copies.push(0) - 1));
      // Going from n to n+1 copies adds 2n+1 to n².
      pairs += 2 * copies[id]! + 1;
      copies[id]! += 1;
      if (pairs > MAX_REPEAT_PAIRS) {
        return rejection('GRAPHQL_VALIDATION_FAILED', `The query repeats fields at the same place too often (over ${MAX_REPEAT_PAIRS} pairs for validation to compare); select each field once.`);
      }
      if (selection.kind === Kind.FIELD && selection.selectionSet) pending.push({ selectionSet: selection.selectionSet, path: id });
    }
  }
  return null;
}

/**
 * A validation rule that runs checkRepetition when validation enters the document and, on a refusal, hands the
 * rest of validation an empty document, so the pairwise comparison never starts.
 */
export const RepetitionRule = (context: ValidationContext): ASTVisitor => ({
  Document(node) {
    const error = checkRepetition(node);
    if (!error) return undefined;
    context.reportError(error);
    return { ...node, definitions: [] };
  },
});

function costly(cost: number, limit: number): GraphQLError {
  return rejection('QUERY_TOO_COSTLY', `The query could return ${cost} fields (page sizes multiplied); the limit is ${limit}. Ask for smaller pages.`);
}

/** The first limit an operation breaks, as an error naming the limit and the value; null when within all. */
export function checkLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  limits: QueryLimits,
  variables: Record<string, unknown> = {},
): GraphQLError | null {
  return measureLimits(schema, document, operation, limits, variables).error;
}

/** checkLimits, with the variables its verdict depended on. */
function measureLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  limits: QueryLimits,
  variables: Record<string, unknown>,
): { error: GraphQLError | null; read: string[] } {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root) return { error: null, read: [] };
  const measurer = new Measurer(schema, document, operation, variables, limits);
  let measure: Measure;
  try {
    measure = measurer.selectionSet(operation.selectionSet, root);
  } catch (error) {
    if (error instanceof Refusal) return { error: error.error, read: [...measurer.read] };
    throw error;
  }
  const read = [...measurer.read];
  if (measure.depth > limits.depth) return { error: rejection('QUERY_TOO_DEEP', `Query depth ${measure.depth} exceeds the limit of ${limits.depth}.`), read };
  if (measure.aliases > limits.aliases) return { error: rejection('TOO_MANY_ALIASES', `The query uses ${measure.aliases} aliases; the limit is ${limits.aliases}.`), read };
  if (measure.wholeReads > 1) {
    const names = [...measurer.wholeFields].join(', ');
    return { error: rejection('QUERY_TOO_COSTLY', `The query asks ${measure.wholeReads} times for ${names}, each answered once per request.`), read };
  }
  return { error: null, read };
}

/** Verdicts kept per operation for different values of the variables that size its lists. */
const VERDICTS_PER_OPERATION = 32;

interface Verdict {
  read: string[];
  /** The values of `read` the verdict was reached with (absent and null size a list alike). */
  values: string;
  error: GraphQLError | null;
}

// A variable left out takes its default; one sent as null does not: they are different values here.
const valuesOf = (read: string[], variables: Record<string, unknown>) =>
  JSON.stringify(read.map((name) => (Object.hasOwn(variables, name) && variables[name] !== undefined ? [variables[name]] : [])));

/**
 * Decides, after validation and before anything executes, whether a request may run: its inputs (every request)
 * and the operation's limits. A verdict on the limits depends on the document and on the variables that size its
 * lists (`first: $n`), which the measure records as it reads them; it is kept per distinct operation and reused
 * for every request that sends the same values of those variables. A lookup by `$key` reads no sizing variable,
 * so it is measured once whatever key it asks for.
 */
export class QueryGate {
  private readonly verdicts = new Lru<Verdict[]>(MAX_OPERATIONS);

  constructor(private readonly limits: QueryLimits) {}

  /** The error that refuses the request, or null when it may run. */
  refusal(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode | undefined,
    key: string,
    variables: Record<string, unknown>,
  ): GraphQLError | null {
    const inputError = checkInputs(schema, document, operation, variables);
    if (inputError) return inputError;
    if (!operation) return null;
    const known = this.verdicts.get(key) ?? [];
    let verdict = known.find((v) => valuesOf(v.read, variables) === v.values);
    if (!verdict) {
      const { error, read } = measureLimits(schema, document, operation, this.limits, variables);
      verdict = { read, values: valuesOf(read, variables), error };
      this.verdicts.set(key, [verdict, ...known].slice(0, VERDICTS_PER_OPERATION));
    }
    // A fresh error each time: the pipeline may annotate the one it is given.
    return verdict.error && new GraphQLError(verdict.error.message, { extensions: verdict.error.extensions });
  }
}

/** Apollo's hook for the gate: a refused request is answered with the refusal and never executes. */
export function limitsPlugin(gate: QueryGate): ApolloServerPlugin {
  const listener = {
    async didResolveOperation({ schema, document, operation, operationName, queryHash, request }: GraphQLRequestContextDidResolveOperation<BaseContext>) {
      const refusal = gate.refusal(schema, document, operation, operationKey(queryHash, operationName), request.variables ?? {});
      if (refusal) throw refusal;
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}

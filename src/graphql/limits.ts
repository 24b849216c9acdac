import { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLError,
  GraphQLNamedType,
  GraphQLSchema,
  isInterfaceType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { QueryLimits } from '../config';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';

const rejection = (code: string, message: string) => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

interface Context {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
}

/** Page-size arguments: the size a list field returns, which multiplies the cost of everything below it. */
const SIZE_ARGS = ['first', 'last', 'limit'];

interface Walk {
  depth: number;
  aliases: number;
  cost: number;
}

/**
 * Walks each operation once, inlining fragments (each at most once per path, so fragment cycles cannot loop),
 * measuring depth, aliases and cost. Cost counts every field, multiplied by the page sizes of the lists above it
 * (`first`/`last`/`limit`, their defaults when left out, the maximum when given by a variable).
 */
function measure(context: Context, selectionSet: SelectionSetNode, type: GraphQLNamedType, multiplier: number, depth: number, seen: Set<string>, walk: Walk): void {
  walk.depth = Math.max(walk.depth, depth);
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      measureField(context, selection, type, multiplier, depth, seen, walk);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition ? (context.schema.getType(selection.typeCondition.name.value) ?? type) : type;
      measure(context, selection.selectionSet, on, multiplier, depth, seen, walk);
    } else {
      const name = selection.name.value;
      const fragment = context.fragments.get(name);
      if (!fragment || seen.has(name)) continue;
      const on = context.schema.getType(fragment.typeCondition.name.value) ?? type;
      measure(context, fragment.selectionSet, on, multiplier, depth, new Set([...seen, name]), walk);
    }
  }
}

function measureField(context: Context, field: FieldNode, parent: GraphQLNamedType, multiplier: number, depth: number, seen: Set<string>, walk: Walk): void {
  if (field.alias) walk.aliases += 1;
  const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[field.name.value] : undefined;
  let size = 1;
  for (const arg of definition?.args ?? []) {
    if (!SIZE_ARGS.includes(arg.name)) continue;
    const given = field.arguments?.find((a) => a.name.value === arg.name)?.value;
    if (given?.kind === Kind.INT) size = Math.max(size, Number(given.value));
    else if (given?.kind === Kind.VARIABLE) size = Math.max(size, arg.name === 'limit' ? 500 : MAX_PAGE_SIZE);
    else if (!given) size = Math.max(size, typeof arg.defaultValue === 'number' ? arg.defaultValue : arg.name === 'first' ? DEFAULT_PAGE_SIZE : 1);
  }
  const cost = multiplier * size;
  walk.cost += cost;
  if (field.selectionSet && definition) {
    measure(context, field.selectionSet, getNamedType(definition.type), cost, depth + 1, seen, walk);
  }
}

/** The first limit an operation breaks, as an error naming the limit and the value; null when within all. */
export function checkLimits(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, limits: QueryLimits): GraphQLError | null {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root) return null;
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const walk: Walk = { depth: 0, aliases: 0, cost: 0 };
  measure({ schema, fragments }, operation.selectionSet, root, 1, 1, new Set(), walk);
  if (walk.depth > limits.depth) return rejection('QUERY_TOO_DEEP', `Query depth ${walk.depth} exceeds the limit of ${limits.depth}.`);
  if (walk.aliases > limits.aliases) return rejection('TOO_MANY_ALIASES', `The query uses ${walk.aliases} aliases; the limit is ${limits.aliases}.`);
  if (walk.cost > limits.cost) {
    return rejection('QUERY_TOO_COSTLY', `The query could return ${walk.cost} fields (page sizes multiplied); the limit is ${limits.cost}. Ask for smaller pages.`);
  }
  return null;
}

/** Rejects over-limit operations after validation and before anything executes. */
export function limitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation }) {
          const error = operation && checkLimits(schema, document, operation, limits);
          if (error) throw error;
        },
      };
    },
  };
}

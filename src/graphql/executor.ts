import { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { BREAK, DocumentNode, execute, GraphQLError, GraphQLInterfaceType, GraphQLSchema, visit } from 'graphql';
import { CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { Lru, MAX_OPERATIONS, operationKey } from './operation-cache';
import { nodeTypeOf } from './node';
import { AcceptedOperations } from './fast-path';
import { PlannedContext, ReadPlan, readPlanOf } from './read-plan';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type SchemaListener = Parameters<Gateway['onSchemaLoadOrUpdate']>[0];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/**
 * graphql-jit's errors only look like graphql-js ones (no `extensions` object when the thrown error had none,
 * which Apollo's error formatting needs); rebuilt as graphql-js would have built them, with their locations.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined });
  (rebuilt as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return rebuilt;
}

/**
 * Whether a document uses @skip or @include. graphql-jit answers such a document with the right values but may
 * order a field that is also selected elsewhere by where it first appears, skipped or not (found by an outside
 * test); graphql-js orders it as the specification says, so these documents run there.
 */
function usesConditions(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive(node) {
      if (node.name.value === 'skip' || node.name.value === 'include') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Compiled execution for Apollo Server 5, through its supported extension point for custom execution (the
 * `gateway` option: Apollo still parses, validates, runs every plugin hook and formats errors, and hands the
 * executor the validated document, the operation, the variables and the context value).
 *
 * Queries run as code graphql-jit generates once per distinct operation. Mutations keep graphql-js `execute`:
 * they are few, and their serial execution stays exactly graphql-js's; so do documents with @skip or @include. A request whose variables graphql-jit
 * refuses (no data at all, nothing resolved) is run again by graphql-js, so its errors are word for word the
 * ones graphql-js gives. Every query run compiled is recorded in `accepted`, with whether its answer was clean,
 * for the fast path (src/graphql/fast-path.ts).
 */
export function compiledExecution(schema: GraphQLSchema, accepted: AcceptedOperations): Gateway {
  // type-graphql wraps every resolveType in an async function; graphql-jit needs the type name synchronously.
  (schema.getType('Node') as GraphQLInterfaceType).resolveType = nodeTypeOf;
  const compiled = new Lru<{ query: CompiledQuery | null; plan: ReadPlan }>(MAX_OPERATIONS);
  const listeners = new Set<SchemaListener>();

  const interpreted: Executor = async ({ document, request, context }) =>
    execute({ schema, document, contextValue: context, variableValues: request.variables, operationName: request.operationName });

  const executor: Executor = async (requestContext) => {
    const { document, operation, operationName, request, queryHash, source, context } = requestContext;
    // No operation resolved (several without operationName, or an unknown name): graphql-js names the problem,
    // and Apollo answers it as an operation resolution failure.
    if (!operation || operation.operation !== 'query') return interpreted(requestContext);
    const key = operationKey(queryHash, request.operationName);
    let entry = compiled.get(key);
    if (!entry) {
      const result = usesConditions(document) ? null : compileQuery(schema, document, request.operationName ?? undefined);
      entry = { query: result && isCompiledQuery(result) ? result : null, plan: readPlanOf(schema, document, operation) };
      compiled.set(key, entry);
    }
    if (!entry.query) return interpreted(requestContext);
    (context as PlannedContext).readPlan = entry.plan;
    const result = await entry.query.query(undefined, context, request.variables ?? {});
    accepted.settle(source, request.operationName ?? null, { document, operation, operationName, queryHash, query: entry.query, plan: entry.plan }, !result.errors && result.data !== undefined);
    if (result.data === undefined) return interpreted(requestContext);
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };

  return {
    onSchemaLoadOrUpdate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async load() {
      for (const listener of listeners) listener({ apiSchema: schema, coreSupergraphSdl: '' });
      return { executor };
    },
    async stop() {
      listeners.clear();
    },
  };
}

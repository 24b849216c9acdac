import { IncomingHttpHeaders } from 'node:http';
import { HeaderMap } from '@apollo/server';
import { isPromise } from 'node:util/types';
import { DocumentNode, ExecutionResult, GraphQLError, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { CompiledQuery } from 'graphql-jit';
import { QueryGate } from './limits';
import { PlannedContext, ReadPlan } from './read-plan';
import { Lru, MAX_OPERATIONS, operationKey } from './operation-cache';
import { MaybePromise } from '../db/sync-reads';

/**
 * A query operation Apollo has parsed, validated, let through every didResolveOperation hook and run compiled
 * (src/graphql/executor.ts records it there): what a later request of the same text needs to run it again.
 */
export interface AcceptedOperation {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** The operation's own name, null when anonymous, as Apollo resolves it. */
  operationName: string | null;
  queryHash: string;
  query: CompiledQuery;
  /** The columns it reads (src/graphql/read-plan.ts). */
  plan: ReadPlan;
  /** Whether its last answer had no errors: only then does the next request of it take the fast path. */
  clean: boolean;
  /** Requests of it still to be handed to Apollo after it erred on the fast path (HAND_OVER_AFTER_ERROR). */
  handOver: number;
  /** Its key in the gate's verdicts (operationKey), made once. */
  key: string;
}

/** Accepted operations by query text, then by the operation name the request asked for (null: none). */
export class AcceptedOperations {
  private readonly bySource = new Lru<Map<string | null, AcceptedOperation>>(MAX_OPERATIONS);

  get(source: string, requested: string | null): AcceptedOperation | undefined {
    return this.bySource.get(source)?.get(requested);
  }

  /** Records that Apollo ran this operation, and whether its answer was clean. */
  settle(source: string, requested: string | null, accepted: Omit<AcceptedOperation, 'clean' | 'key' | 'handOver'>, clean: boolean): void {
    let operations = this.bySource.get(source);
    if (!operations) this.bySource.set(source, (operations = new Map()));
    const known = operations.get(requested);
    if (known && known.query === accepted.query) known.clean = clean;
    else operations.set(requested, { ...accepted, clean, handOver: 0, key: operationKey(accepted.queryHash, accepted.operationName) });
  }
}

/** A request the fast path may answer, read from the body as Apollo reads it. */
export interface FastRequest {
  query: string;
  operationName: string | null;
  variables: Record<string, unknown> | undefined;
  /** The Accept header as Apollo sees it ('' when absent). */
  accept: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value);

/** At most this many distinct Accept headers have their content type remembered. */
const MAX_ACCEPT_HEADERS = 64;

/**
 * After an operation errs on the fast path (and Apollo runs it again), this many of its next requests go straight
 * to Apollo, clean answers or not. Without it, a client alternating a clean and an erring request of one document
 * had every erring one run twice: the clean answer put the operation back on the fast path each time.
 */
export const HAND_OVER_AFTER_ERROR = 8;

/**
 * Answers repeats of accepted query operations without Apollo's per-request pipeline, with the answer Apollo
 * would give. It takes only what Apollo would run straight through: a POST of a JSON object (so Apollo's CSRF
 * check passes) with a query text, an optional operation name and optional variables (no extensions, so no
 * persisted query), an Accept header Apollo has already answered with a single JSON result, an operation Apollo
 * accepted whose last answer had no errors, and inputs and limits the same gate Apollo uses lets through. Its
 * answer must have no errors either; anything else (a first sighting, a refusal, an error anywhere) is handed to
 * Apollo, which answers it as it always has. An execution with errors is then run again by Apollo: queries do
 * not write, and the clean flag keeps an operation that errs on Apollo's path until it answers cleanly again; one
 * that erred here goes Apollo's way for its next HAND_OVER_AFTER_ERROR requests.
 */
export class FastPath {
  /**
   * The headers of Apollo's successful single results (their content type), per Accept header (a function of that
   * header only): one map per header, shared by every answer and never changed.
   */
  private readonly headers = new Map<string, HeaderMap>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly accepted: AcceptedOperations,
    private readonly gate: QueryGate,
  ) {}

  /** The request in Apollo's terms, or null when it is not a kind the fast path answers. */
  request(method: string | undefined, headers: IncomingHttpHeaders, body: unknown): FastRequest | null {
    const type = headers['content-type'];
    if (method !== 'POST' || !type || !(type === 'application/json' || type.startsWith('application/json;')) || !isRecord(body)) return null;
    const { query, operationName, variables } = body;
    if (typeof query !== 'string' || !query || (body.extensions !== undefined && body.extensions !== null)) return null;
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
    if (variables !== undefined && variables !== null && !isRecord(variables)) return null;
    return { query, operationName: operationName ?? null, variables: variables ?? undefined, accept: headers.accept ?? '' };
  }

  /** The content type Apollo answered with, kept for the fast path's answers to the same Accept header. */
  learn(request: FastRequest, contentType: string | undefined): void {
    if (!contentType || this.headers.has(request.accept) || this.headers.size >= MAX_ACCEPT_HEADERS) return;
    this.headers.set(request.accept, new HeaderMap([['content-type', contentType]]));
  }

  /** The accepted operation and content type for this request, or null when Apollo must answer it. */
  operationFor(request: FastRequest): { accepted: AcceptedOperation; headers: HeaderMap } | null {
    const headers = this.headers.get(request.accept);
    const accepted = headers && this.accepted.get(request.query, request.operationName);
    if (!accepted) return null;
    if (accepted.handOver > 0) {
      accepted.handOver -= 1;
      return null;
    }
    if (!accepted.clean) return null;
    const refusal: GraphQLError | null = this.gate.refusal(
      this.schema,
      accepted.document,
      accepted.operation,
      accepted.key,
      request.variables ?? {},
    );
    return refusal ? null : { accepted, headers };
  }

  /**
   * Runs the operation; its result when it has no errors, else null (and the operation goes Apollo's way). A result
   * its resolvers gave at once comes back at once, not as a promise (src/db/sync-reads.ts).
   */
  execute(accepted: AcceptedOperation, request: FastRequest, contextValue: () => PlannedContext): MaybePromise<ExecutionResult | null> {
    // Whatever fails here, Apollo meets it again and answers it in its own way.
    let execution: MaybePromise<ExecutionResult>;
    try {
      const context = contextValue();
      context.readPlan = accepted.plan;
      execution = accepted.query.query(undefined, context, request.variables ?? {});
    } catch {
      return clean(accepted, null);
    }
    return isPromise(execution) ? execution.then((result) => clean(accepted, result), () => clean(accepted, null)) : clean(accepted, execution);
  }
}

/** The result when it is clean; otherwise null, and the operation's next requests go Apollo's way. */
function clean(accepted: AcceptedOperation, result: ExecutionResult | null): ExecutionResult | null {
  if (result && !result.errors && result.data !== undefined) return result;
  accepted.clean = false;
  accepted.handOver = HAND_OVER_AFTER_ERROR;
  return null;
}

import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ErrorCode, RegistryError } from '../errors/registry-error';
import { WorkBudgetExceeded, workBudgetRefusalIn } from '../db/work-budget';
import { currentRequestId, Logger } from '../observability/logger';

const USER_ERROR_CODES: Record<ErrorCode, string> = {
  BAD_USER_INPUT: 'The input is wrong in a way no more specific code describes.',
  REQUIRED: 'A required field is missing or empty.',
  INVALID: 'A value has the wrong form (date, identifier, enum, key…).',
  TOO_LONG: 'A value is longer than allowed.',
  UNKNOWN_REFERENCE: 'A referenced record (by id or key) does not exist.',
  DUPLICATE_KEY: 'Another record of the same type already has this key.',
  CYCLE: 'The change would make a record its own ancestor.',
  IN_USE: 'The record is still referenced by others and cannot be deleted.',
  NOT_FOUND: 'The record to change does not exist.',
  CONFLICT: 'The record changed since the version given (optimistic concurrency).',
};
const UserErrorCode = Object.fromEntries(Object.keys(USER_ERROR_CODES).map((k) => [k, k])) as Record<ErrorCode, ErrorCode>;
registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation refused its input.',
  valuesConfig: Object.fromEntries(Object.entries(USER_ERROR_CODES).map(([k, description]) => [k, { description }])),
});

@ObjectType({ description: 'A problem with a mutation input. A mutation with user errors changed nothing.' })
export class UserError {
  @Field(() => String, { nullable: true, description: 'Path of the field inside `input`, e.g. `units[0].unit`; null for the whole input.' })
  field!: string | null;

  @Field(() => UserErrorCode)
  code!: ErrorCode;

  @Field({ description: 'English explanation naming the value at fault.' })
  message!: string;
}

/**
 * Runs a mutation's validation and service call: a RegistryError becomes `userErrors` on the payload (the
 * service's transaction has already rolled back); anything else propagates as a GraphQL error.
 */
export async function mutationPayload<T>(run: () => Promise<T>): Promise<{ record: T | null; userErrors: UserError[] }> {
  try {
    return { record: await run(), userErrors: [] };
  } catch (error) {
    if (error instanceof RegistryError) return { record: null, userErrors: error.problems };
    if (isUniqueViolation(error)) {
      // Two writers passed the key check at once; the database's unique index stopped the second.
      return { record: null, userErrors: [{ field: 'key', code: 'DUPLICATE_KEY', message: 'another record with this key was created at the same moment' }] };
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string } } | null)?.driverError;
  return driverError?.code === '23505' || driverError?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** A RegistryError raised on a query path, as a GraphQL error with `extensions.code`. */
export function toGraphQLError(error: RegistryError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: { code: error.code, problems: error.problems },
  });
}

const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'QUERY_TOO_COSTLY',
]);

/**
 * An error graphql-js or Apollo raised about the request itself (a subscription this server does not serve, a
 * persisted-query hash that does not match its query): created without a cause and outside any field, so no
 * resolver or database error can look like one.
 */
function isRequestError(error: unknown): boolean {
  return error instanceof GraphQLError && !error.originalError && !error.path;
}

/**
 * Keeps errors meant for clients and hides everything else (SQL, stack traces) unless in development.
 * RegistryErrors thrown from resolvers arrive wrapped; they are unwrapped to their public code.
 */
export function formatError(development: boolean, logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof RegistryError) {
      return { ...formatted, message: original.message, extensions: { code: original.code, problems: original.problems } };
    }
    const refused = workBudgetRefusalIn(original);
    if (refused) return workBudgetRefusal(refused);
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PUBLIC_CODES.has(code)) return formatted;
    // Apollo codes any error without a code as internal; request errors carry none of their own.
    if (code === 'INTERNAL_SERVER_ERROR' && isRequestError(error)) return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } };
    if (development) return formatted;
    // The client gets no detail (no SQL, no stack); the server log gets all of it.
    logger.error({ err: original }, 'internal error in a GraphQL request');
    // The request id lets a caller point operators to the log line with the details.
    const requestId = currentRequestId();
    return {
      message: `Internal server error${requestId ? ` (request id ${requestId})` : ''}`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
    };
  };
}

/**
 * The whole answer to a query whose time budget ran out: this one error and no data, as for the
 * limits checked before execution (the fields it did answer are not worth the client's trust in a partial page).
 */
export function workBudgetRefusal(error: WorkBudgetExceeded): GraphQLFormattedError {
  return { message: error.message, extensions: { code: 'QUERY_TOO_COSTLY' } };
}

import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isIsoDate } from '../validation/dates';

const DATE_FORM = 'must be a calendar date written YYYY-MM-DD';

function parseDate(value: unknown): string {
  if (!isIsoDate(value)) throw new GraphQLError(`Date ${DATE_FORM}, got ${JSON.stringify(value)}`, { extensions: { code: 'BAD_USER_INPUT' } });
  return value;
}

/** A calendar date without time or zone, as the snapshot format writes it (YYYY-MM-DD). */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date without time zone, written YYYY-MM-DD.',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parseDate,
  // A plain error, so that graphql-js's validation wraps it with the type, the value as written and its place in
  // the document (a GraphQLError thrown here would be reported as it is, saying nothing of where).
  parseLiteral: (ast) => {
    const value = ast.kind === Kind.STRING ? ast.value : undefined;
    if (!isIsoDate(value)) throw new Error(DATE_FORM);
    return value;
  },
});

import { ArgsType, ClassType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { RegistryError } from '../errors/registry-error';
import { isDbId } from './node-id';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'Ascending or descending.' });

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Page size going forward: default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to start after (from pageInfo.endCursor).' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Page size going backward (with before): at most ${MAX_PAGE_SIZE}.` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to end before (from pageInfo.startCursor).' })
  before?: string | null;
}

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  /** A getter, so the separate COUNT query runs only when a client selects the field. */
  readonly totalCount: Promise<number>;
}

/** Makes `XConnection` and `XEdge` object types for a node type. */
export function connectionType<T extends object>(nodeType: ClassType<T>, name: string): ClassType<Connection<T>> {
  @ObjectType(`${name}Edge`, { description: `An edge in a ${name} connection.` })
  class EdgeType {
    @Field(() => nodeType)
    node!: T;

    @Field({ description: 'Opaque cursor of this edge.' })
    cursor!: string;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} records (Relay connection).` })
  class ConnectionType {
    @Field(() => [EdgeType])
    edges!: Edge<T>[];

    @Field(() => [nodeType], { description: 'The nodes of the edges, for clients that do not need cursors.' })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many records match, over all pages.' })
    totalCount!: Promise<number>;
  }
  return ConnectionType as unknown as ClassType<Connection<T>>;
}

/**
 * How a list is ordered: an SQL expression (never null: wrap nullable columns in COALESCE) and a direction.
 * `numeric` marks an integer expression; otherwise the expression is text.
 */
export interface Ordering {
  expression: string;
  direction: SortDirection;
  numeric?: boolean;
}

type CursorValue = string | number;

function encodeCursor(value: CursorValue, id: number): string {
  return Buffer.from(JSON.stringify([value, id]), 'utf8').toString('base64url');
}

/**
 * A cursor this list could have issued: a value of the ordering's type (an integer within the id range, or text
 * without NUL, which PostgreSQL refuses) and a database id. Anything else is the client's mistake, never SQL's.
 */
function decodeCursor(cursor: string, field: string, numeric: boolean): [CursorValue, number] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (Array.isArray(parsed) && parsed.length === 2 && isDbId(parsed[1])) {
    const [value, id] = parsed as [unknown, number];
    if (numeric ? isDbId(value) : typeof value === 'string' && !value.includes('\u0000')) return [value as CursorValue, id];
  }
  throw RegistryError.of(field, 'INVALID', `${quoted(cursor)} is not a cursor of this list`);
}

function checkSize(value: number | null | undefined, field: string): number | null {
  if (value === null || value === undefined) return null;
  if (value < 0) throw RegistryError.of(field, 'INVALID', `must not be negative (was ${value})`);
  if (value > MAX_PAGE_SIZE) {
    throw RegistryError.of(field, 'INVALID', `must be at most ${MAX_PAGE_SIZE} (was ${value}); page with after/before`);
  }
  return value;
}

/**
 * The one pagination helper: keyset pagination over (ordering expression, id) so deep pages cost the same as the
 * first. `query` holds the filters only; this adds the cursor condition, order and limit, and counts on demand.
 */
export async function paginate<T extends ObjectLiteral & { id: number }>(
  query: SelectQueryBuilder<T>,
  args: ConnectionArgs,
  ordering: Ordering,
): Promise<Connection<T>> {
  const first = checkSize(args.first, 'first');
  const last = checkSize(args.last, 'last');
  if (first !== null && last !== null) throw RegistryError.of('last', 'INVALID', 'give either first or last, not both');
  const backward = last !== null || (args.before != null && first === null);
  const size = (backward ? last : first) ?? DEFAULT_PAGE_SIZE;
  const cursor = backward ? args.before : args.after;
  const alias = query.alias;
  const countQuery = query.clone();

  // Going backward, walk the list in reverse and flip the page at the end.
  const ascending = (ordering.direction === SortDirection.ASC) !== backward;
  const page = query.clone();
  if (cursor) {
    const [value, id] = decodeCursor(cursor, backward ? 'before' : 'after', ordering.numeric === true);
    const op = ascending ? '>' : '<';
    page.andWhere(`(${ordering.expression} ${op} :cursorValue OR (${ordering.expression} = :cursorValue AND ${alias}.id ${op} :cursorId))`, {
      cursorValue: value,
      cursorId: id,
    });
  }
  const direction = ascending ? 'ASC' : 'DESC';
  page
    .addSelect(`(${ordering.expression})`, 'sort_value')
    .orderBy(ordering.expression, direction)
    .addOrderBy(`${alias}.id`, direction)
    .limit(size + 1);

  const { entities, raw } = size === 0 ? { entities: [] as T[], raw: [] as Record<string, unknown>[] } : await page.getRawAndEntities();
  const hasMore = entities.length > size;
  const rows = entities.slice(0, size).map((node, i) => ({ node, value: raw[i]!.sort_value as CursorValue }));
  if (backward) rows.reverse();
  const edges = rows.map(({ node, value }) => ({ node, cursor: encodeCursor(value ?? '', node.id) }));

  let counted: Promise<number> | undefined;
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: backward ? Boolean(args.before) : hasMore,
      hasPreviousPage: backward ? hasMore : Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    get totalCount() {
      return (counted ??= countQuery.getCount());
    },
  };
}

/**
 * The same pagination over a list already computed in memory (analysis reports): the cursor is the item's
 * unique sort key, so a page stays stable when items before it are added or removed.
 */
export function paginateList<T>(items: T[], args: ConnectionArgs, keyOf: (item: T) => string): Connection<T> {
  const first = checkSize(args.first, 'first');
  const last = checkSize(args.last, 'last');
  if (first !== null && last !== null) throw RegistryError.of('last', 'INVALID', 'give either first or last, not both');
  const indexOf = (cursor: string, field: string) => {
    const key = Buffer.from(cursor, 'base64url').toString('utf8');
    const index = items.findIndex((item) => keyOf(item) === key);
    if (index < 0) throw RegistryError.of(field, 'INVALID', `${quoted(cursor)} is not a cursor of this list`);
    return index;
  };
  let start = args.after ? indexOf(args.after, 'after') + 1 : 0;
  let end = args.before ? indexOf(args.before, 'before') : items.length;
  const backward = last !== null || (args.before != null && first === null);
  const size = (backward ? last : first) ?? DEFAULT_PAGE_SIZE;
  if (backward) start = Math.max(start, end - size);
  else end = Math.min(end, start + size);
  const edges = items.slice(start, end).map((node) => ({ node, cursor: Buffer.from(keyOf(node), 'utf8').toString('base64url') }));
  const total = items.length;
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: end < total,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: Promise.resolve(total),
  };
}

/** A caller's cursor in a message, cut so that a long one is not echoed back whole. */
function quoted(cursor: string): string {
  return JSON.stringify(cursor.length > 40 ? `${cursor.slice(0, 40)}…` : cursor);
}

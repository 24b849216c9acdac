import DataLoader from 'dataloader';
import { ArgsType, ClassType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { rawQuery } from '../db/sql';
import { RegistryError } from '../errors/registry-error';
import { isDbId } from './node-id';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
const MAX_CURSOR_LENGTH = 4096;

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
    // Longer than any cursor issued (a 500-character title, 3 bytes a character, in base64): refused undecoded, as
    // JSON.parse of a megabyte of brackets would hold the server for tens of milliseconds.
    parsed = cursor.length > MAX_CURSOR_LENGTH ? null : JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
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

/** What a page asks for: its size, its direction, the cursor to start from, and the order to walk the list in. */
function pageRequest(args: ConnectionArgs, ordering: Ordering) {
  const first = checkSize(args.first, 'first');
  const last = checkSize(args.last, 'last');
  if (first !== null && last !== null) throw RegistryError.of('last', 'INVALID', 'give either first or last, not both');
  const backward = last !== null || (args.before != null && first === null);
  const size = (backward ? last : first) ?? DEFAULT_PAGE_SIZE;
  const raw = backward ? args.before : args.after;
  const cursor = raw ? decodeCursor(raw, backward ? 'before' : 'after', ordering.numeric === true) : null;
  // Going backward, walk the list in reverse and flip the page at the end.
  const ascending = (ordering.direction === SortDirection.ASC) !== backward;
  return { size, backward, cursor, ascending, op: ascending ? '>' : '<', direction: (ascending ? 'ASC' : 'DESC') as 'ASC' | 'DESC' };
}

/** The connection of rows fetched one past the page (to know whether more follow), each with its sort value and id. */
function connectionOf<T>(
  args: ConnectionArgs,
  request: ReturnType<typeof pageRequest>,
  fetched: { node: T; value: CursorValue; id: number }[],
  count: () => Promise<number>,
): Connection<T> {
  const hasMore = fetched.length > request.size;
  const rows = fetched.slice(0, request.size);
  if (request.backward) rows.reverse();
  const edges = rows.map(({ node, value, id }) => ({ node, cursor: encodeCursor(value ?? '', id) }));
  let counted: Promise<number> | undefined;
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: request.backward ? Boolean(args.before) : hasMore,
      hasPreviousPage: request.backward ? hasMore : Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    get totalCount() {
      return (counted ??= count());
    },
  };
}

/**
 * The one pagination helper: keyset pagination over (ordering expression, id) so deep pages cost the same as the
 * first. `query` holds the filters only; this adds the cursor condition, order and limit, and counts on demand.
 * With the request's loader of the records, the page query reads only ids and the loader reads the records (one
 * prepared statement, only the columns the operation selects, and primed for every later look-up of the request).
 */
export async function paginate<T extends ObjectLiteral & { id: number }>(
  query: SelectQueryBuilder<T>,
  args: ConnectionArgs,
  ordering: Ordering,
  records?: DataLoader<number, T | null>,
): Promise<Connection<T>> {
  const request = pageRequest(args, ordering);
  const alias = query.alias;
  const countQuery = query.clone();
  const page = query.clone();
  if (request.cursor) {
    const [value, id] = request.cursor;
    page.andWhere(`(${ordering.expression} ${request.op} :cursorValue OR (${ordering.expression} = :cursorValue AND ${alias}.id ${request.op} :cursorId))`, {
      cursorValue: value,
      cursorId: id,
    });
  }
  page
    .addSelect(`(${ordering.expression})`, 'sort_value')
    .orderBy(ordering.expression, request.direction)
    .addOrderBy(`${alias}.id`, request.direction)
    .limit(request.size + 1);
  if (request.size === 0) return connectionOf(args, request, [], () => countQuery.getCount());
  if (records) {
    page.select(`${alias}.id`, 'id').addSelect(`(${ordering.expression})`, 'sort_value');
    const raw = await page.getRawMany<{ id: unknown; sort_value: CursorValue }>();
    const nodes = await records.loadMany(raw.map((r) => Number(r.id)));
    // A load that failed fails the page: left out, its record would look deleted, and the page would be wrong.
    const failed = nodes.find((node) => node instanceof Error);
    if (failed) throw failed;
    // A record deleted between the two reads is left out, as a page read a moment later would leave it out.
    const fetched = raw.flatMap((r, i) => {
      const node = nodes[i] as Awaited<(typeof nodes)[number]>;
      return node && !(node instanceof Error) ? [{ node, value: r.sort_value, id: node.id }] : [];
    });
    return connectionOf(args, request, fetched, () => countQuery.getCount());
  }
  const { entities, raw } = await page.getRawAndEntities();
  const fetched = entities.map((node, i) => ({ node, value: raw[i]!.sort_value as CursorValue, id: node.id }));
  return connectionOf(args, request, fetched, () => countQuery.getCount());
}

/**
 * The same keyset pagination over tables that are not entities (the overlap analysis), in raw SQL with `$n`
 * parameters: `where` holds the filters, `ordering.id` the unique tie-breaker column. `count` replaces the COUNT
 * query when the caller knows the total another way (a cache).
 */
export async function paginateSql<T>(
  em: EntityManager,
  source: { select: string; from: string; where: string[]; params: unknown[] },
  args: ConnectionArgs,
  ordering: Ordering & { id: string },
  read: (row: Record<string, unknown>) => T,
  count?: () => Promise<number>,
): Promise<Connection<T>> {
  const request = pageRequest(args, ordering);
  const where = [...source.where];
  const params = [...source.params];
  if (request.cursor) {
    params.push(...request.cursor);
    const [v, i] = [`$${params.length - 1}`, `$${params.length}`];
    where.push(`(${ordering.expression} ${request.op} ${v} OR (${ordering.expression} = ${v} AND ${ordering.id} ${request.op} ${i}))`);
  }
  const condition = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows =
    request.size === 0
      ? []
      : await rawQuery<Record<string, unknown>>(
          em,
          `SELECT ${source.select}, ${ordering.expression} AS sort_value, ${ordering.id} AS sort_id FROM ${source.from} ${condition}
           ORDER BY ${ordering.expression} ${request.direction}, ${ordering.id} ${request.direction} LIMIT ${request.size + 1}`,
          params,
        );
  const fetched = rows.map((row) => ({ node: read(row), value: (ordering.numeric ? Number(row.sort_value) : String(row.sort_value)) as CursorValue, id: Number(row.sort_id) }));
  const countWhere = source.where.length ? `WHERE ${source.where.join(' AND ')}` : '';
  return connectionOf(
    args,
    request,
    fetched,
    count ??
      (async () => {
        const [row] = await rawQuery<{ n: unknown }>(em, `SELECT COUNT(*) AS n FROM ${source.from} ${countWhere}`, source.params);
        return Number(row?.n ?? 0);
      }),
  );
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

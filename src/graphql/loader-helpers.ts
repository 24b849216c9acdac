import DataLoader from 'dataloader';
import { DataSource, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { RecordClass } from '../db/references';
import { RecordBase } from '../db/record-base';
import { selectRows } from '../db/sql';
import { andThen, MaybePromise } from '../db/sync-reads';
import { getMetadataStorage } from 'type-graphql';
import { ReadPlan } from './read-plan';

/** The columns of one entity under a table alias, and how to make an entity of the values a row selected. */
interface EntityReader<T> {
  select: string;
  /** How many values of a row are this entity's. */
  width: number;
  /** Soft-deleted rows are left out, as TypeORM's own finds leave them out. */
  live: string;
  /** The entity whose values start at `offset` in the row, or undefined when the row has none (a left join). */
  read(row: unknown[], offset: number): T | undefined;
}

const AS_STORED = new Set<unknown>(['varchar', 'character varying', 'text', 'integer', 'int', Number]);

const readers = new WeakMap<DataSource, Map<string, EntityReader<unknown>>>();
/** The reader each plan uses per entity and alias (a plan belongs to one compiled operation, used again and again). */
const readersByPlan = new WeakMap<ReadPlan, Map<string, { ds: DataSource; reader: EntityReader<unknown> }>>();

/** A record class that names the fields whose columns are read only when an operation selects them. */
interface ReadWhenSelected {
  readWhenSelected?: readonly string[];
}

const graphQLTypeNames = new WeakMap<Function, string | null>();

/** The GraphQL object type an entity class is (the entity classes are the object types). */
function graphQLTypeOf(target: Function): string | null {
  let name = graphQLTypeNames.get(target);
  if (name === undefined) graphQLTypeNames.set(target, (name = getMetadataStorage().objectTypes.find((o) => o.target === target)?.name ?? null));
  return name;
}

/** The properties whose columns a plan leaves unread: fields read when selected that the operation does not select. */
function unselected(metadata: EntityMetadata, plan: ReadPlan | undefined): string[] {
  const onDemand = typeof metadata.target === 'function' ? ((metadata.target as ReadWhenSelected).readWhenSelected ?? []) : [];
  if (!plan || !onDemand.length) return [];
  const type = graphQLTypeOf(metadata.target as Function);
  const selected = type === null ? undefined : plan.get(type);
  return onDemand.filter((field) => !selected?.has(field));
}

/**
 * What TypeORM's find does to a row (each selected column through the driver's hydration), without building the
 * query and mapping aliases on every call: the SELECT list and the column list are made once per entity and set
 * of columns. With an operation's read plan, the columns of fields read when selected are left out unless it
 * selects them (the entity then lacks those properties; nothing but their own fields reads them).
 */
function entityReader<T>(ds: DataSource, metadata: EntityMetadata, alias: string, plan?: ReadPlan): EntityReader<T> {
  // Found again for the same plan without working out its columns (a lookup does this on every request).
  let planned = plan && readersByPlan.get(plan);
  if (plan && !planned) readersByPlan.set(plan, (planned = new Map()));
  const plannedKey = `${metadata.name}:${alias}`;
  const known = planned?.get(plannedKey);
  if (known?.ds === ds) return known.reader as EntityReader<T>;
  let cache = readers.get(ds);
  if (!cache) readers.set(ds, (cache = new Map()));
  const skipped = unselected(metadata, plan);
  const key = `${metadata.name}:${alias}:${skipped.join(',')}`;
  let reader = cache.get(key) as EntityReader<T> | undefined;
  if (!reader) cache.set(key, (reader = makeReader<T>(ds, metadata, alias, skipped)));
  planned?.set(plannedKey, { ds, reader });
  return reader;
}

function makeReader<T>(ds: DataSource, metadata: EntityMetadata, alias: string, skipped: string[]): EntityReader<T> {
  const q = (name: string) => ds.driver.escape(name);
  const columns = metadata.columns
    .filter((c) => !c.isVirtual && c.isSelect && !skipped.includes(c.propertyName))
    .map((column) => ({
      column,
      // Text and integer ids come from both drivers as they are stored; hydrating them would change nothing.
      asStored: !column.embeddedMetadata && !column.transformer && AS_STORED.has(column.type),
    }));
  const primary = columns.findIndex(({ column }) => column.isPrimary);
  const deleted = metadata.deleteDateColumn;
  return {
    select: columns.map(({ column }) => `${q(alias)}.${q(column.databaseName)}`).join(', '),
    width: columns.length,
    live: deleted ? `${q(alias)}.${q(deleted.databaseName)} IS NULL` : '1 = 1',
    read(row, offset) {
      if (row[offset + primary] == null) return undefined;
      const entity = metadata.create() as T & ObjectLiteral;
      for (let i = 0; i < columns.length; i++) {
        const { column, asStored } = columns[i]!;
        const value = row[offset + i];
        if (asStored) (entity as ObjectLiteral)[column.propertyName] = value;
        else column.setEntityValue(entity, ds.driver.prepareHydratedValue(value, column));
      }
      return entity;
    },
  };
}

/** A table name as TypeORM writes it: `schema.table` quoted part by part. */
const tableName = (ds: DataSource, metadata: EntityMetadata) =>
  metadata.tablePath
    .split('.')
    .map((part) => ds.driver.escape(part))
    .join('.');

/** `column IN (the ids)` as one parameter, so a batch of any size runs the same (cached, prepared) statement. */
function inIds(ds: DataSource, column: string): string {
  return ds.driver.options.type === 'postgres' ? `${column} = ANY($1::int[])` : `${column} IN (SELECT value FROM json_each(?))`;
}
const idsParameter = (ds: DataSource, ids: readonly number[]) => (ds.driver.options.type === 'postgres' ? [ids] : [JSON.stringify(ids)]);

/** The SQL of findRecordBy per entity reader and column, made once. */
const lookupStatements = new WeakMap<EntityReader<unknown>, Partial<Record<'id' | 'key', string>>>();

/**
 * The live record of a type whose `id` or `key` column equals `value`, or null: one cached statement instead of
 * a TypeORM query built per call (top-level lookups run on every request that names a record). With a read plan,
 * only the columns the operation selects (see entityReader). On SQLite the record comes back at once (sync-reads.ts).
 */
export function findRecordBy<T extends RecordBase>(
  em: EntityManager,
  cls: RecordClass<T>,
  column: 'id' | 'key',
  value: number | string,
  plan?: ReadPlan,
): MaybePromise<T | null> {
  const ds = em.connection;
  const metadata = ds.getMetadata(cls);
  const reader = entityReader<T>(ds, metadata, 'r', plan);
  let sql = lookupStatements.get(reader)?.[column];
  if (!sql) {
    const q = (name: string) => ds.driver.escape(name);
    const placeholder = ds.driver.options.type === 'postgres' ? '$1' : '?';
    sql = `SELECT ${reader.select} FROM ${tableName(ds, metadata)} ${q('r')} WHERE ${q('r')}.${q(column)} = ${placeholder} AND ${reader.live}`;
    lookupStatements.set(reader, { ...lookupStatements.get(reader), [column]: sql });
  }
  return andThen(selectRows(em, sql, [value]), (rows) => (rows.length ? reader.read(rows[0]!, 0)! : null));
}
/** Batches lookups of one record type by database id; a request loads each record at most once. */
export function recordLoader<T extends RecordBase>(ds: DataSource, cls: RecordClass<T>, plan?: ReadPlan): DataLoader<number, T | null> {
  const metadata = ds.getMetadata(cls);
  const reader = entityReader<T>(ds, metadata, 'r', plan);
  const q = (name: string) => ds.driver.escape(name);
  const sql = `SELECT ${reader.select} FROM ${tableName(ds, metadata)} ${q('r')} WHERE ${inIds(ds, `${q('r')}.${q('id')}`)} AND ${reader.live}`;
  return new DataLoader(async (ids) => {
    const byId = new Map<number, T>();
    for (const row of await selectRows(ds.manager, sql, idsParameter(ds, ids))) {
      const record = reader.read(row, 0)!;
      byId.set(record.id, record);
    }
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Batches one-to-many lookups: all rows for many parent ids in one query, grouped back per parent. */
export function groupedLoader<R>(fetch: (ids: number[]) => Promise<R[]>, parentOf: (row: R) => number): DataLoader<number, R[]> {
  return new DataLoader(async (ids) => {
    const rows = await fetch([...ids]);
    const groups = new Map<number, R[]>();
    for (const row of rows) {
      const key = parentOf(row);
      const list = groups.get(key);
      if (list) list.push(row);
      else groups.set(key, [row]);
    }
    return ids.map((id) => groups.get(id) ?? []);
  });
}

/**
 * Rows listed under a parent (participants, parties, tags…), fetched joined with the record each names in one
 * query, ordered as given; the named records are primed into their own loader so nothing fetches them again.
 */
export function joinedRowsLoader<R extends ObjectLiteral & { position: number }, T extends { id: number }>(
  ds: DataSource,
  entity: EntityTarget<R>,
  parentColumn: keyof R & string,
  relation: keyof R & string,
  targetColumn: keyof R & string,
  targets: DataLoader<number, T | null>,
  plan?: ReadPlan,
): DataLoader<number, R[]> {
  const metadata = ds.getMetadata(entity);
  const joined = metadata.findRelationWithPropertyPath(relation)!;
  const rows = entityReader<R>(ds, metadata, 'j', plan);
  // The same plan as `targets`: the records primed into it hold what it would have read.
  const records = entityReader<T>(ds, joined.inverseEntityMetadata, 't', plan);
  const q = (name: string) => ds.driver.escape(name);
  const column = (name: string) => q(metadata.findColumnWithPropertyName(name)!.databaseName);
  // As TypeORM's find with the relation: a left join that leaves a soft-deleted record out, ordered by position.
  const sql =
    `SELECT ${rows.select}, ${records.select} FROM ${tableName(ds, metadata)} ${q('j')} ` +
    `LEFT JOIN ${tableName(ds, joined.inverseEntityMetadata)} ${q('t')} ON ${q('t')}.${q('id')} = ${q('j')}.${column(targetColumn)} AND ${records.live} ` +
    `WHERE ${inIds(ds, `${q('j')}.${column(parentColumn)}`)} ORDER BY ${q('j')}.${column('position')} ASC`;
  return groupedLoader(
    async (ids) => {
      const result: R[] = [];
      for (const raw of await selectRows(ds.manager, sql, idsParameter(ds, ids))) {
        const row = rows.read(raw, 0)!;
        const record = records.read(raw, rows.width);
        if (record) {
          (row as ObjectLiteral)[relation] = record;
          targets.prime(row[targetColumn] as number, record);
        }
        result.push(row);
      }
      return result;
    },
    (row) => row[parentColumn] as number,
  );
}

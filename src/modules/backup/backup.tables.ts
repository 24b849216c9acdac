import { DataSource } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { EntityMetadata } from 'typeorm/metadata/EntityMetadata';

/** One table as a backup sees it: its columns in file order, and how to turn values to and from JSON. */
export interface BackupTable {
  name: string;
  metadata: EntityMetadata;
  columns: ColumnMetadata[];
  /** Columns that point into the same table (parent, follows…): restored after all its rows exist. */
  selfReferences: string[];
}

const DATE_TIME_TYPES = new Set(['datetime', 'timestamp', 'timestamp without time zone', 'timestamp with time zone', 'timestamptz']);

function isDateTime(column: ColumnMetadata): boolean {
  return column.type === Date || (typeof column.type === 'string' && DATE_TIME_TYPES.has(column.type)) || column.isCreateDate || column.isUpdateDate || column.isDeleteDate;
}

/**
 * Every entity table, each after the tables it refers to, so rows can be inserted in this order with foreign
 * keys on. Derived data (the full-text index) and throwaway state (rate-limit buckets) are not entities and not
 * backed up: the first is rebuilt on restore, the second is worthless after one.
 */
export function backupTables(ds: DataSource): BackupTable[] {
  const byName = new Map(ds.entityMetadatas.map((m) => [m.tableName, m]));
  const ordered: BackupTable[] = [];
  const visiting = new Set<string>();
  const visit = (metadata: EntityMetadata) => {
    if (ordered.some((t) => t.name === metadata.tableName)) return;
    if (visiting.has(metadata.tableName)) throw new Error(`tables refer to each other in a cycle through ${metadata.tableName}`);
    visiting.add(metadata.tableName);
    for (const fk of metadata.foreignKeys) if (fk.referencedEntityMetadata !== metadata) visit(fk.referencedEntityMetadata);
    visiting.delete(metadata.tableName);
    const columns = metadata.columns.filter((c, i, all) => all.findIndex((o) => o.databaseName === c.databaseName) === i);
    const selfReferences = metadata.foreignKeys.filter((fk) => fk.referencedEntityMetadata === metadata).flatMap((fk) => fk.columns.map((c) => c.databaseName));
    ordered.push({ name: metadata.tableName, metadata, columns, selfReferences });
  };
  for (const metadata of [...byName.values()].sort((a, b) => (a.tableName < b.tableName ? -1 : 1))) visit(metadata);
  return ordered;
}

/** A raw database value as plain JSON, the same whichever database it came from (times as ISO strings). */
export function toJson(ds: DataSource, column: ColumnMetadata, raw: unknown): unknown {
  if (raw === null || raw === undefined) return null;
  const value: unknown = ds.driver.prepareHydratedValue(raw, column);
  return value instanceof Date ? value.toISOString() : value;
}

/** A JSON value from a backup as the database stores it. */
export function fromJson(ds: DataSource, column: ColumnMetadata, value: unknown): unknown {
  if (value === null) return null;
  return ds.driver.preparePersistentValue(isDateTime(column) && typeof value === 'string' ? new Date(value) : value, column);
}

import { DataSource } from 'typeorm';
import { exportSnapshot } from '../snapshot/snapshot.exporter';
import { FieldSpec, FIELDS, TableType } from './table-columns';
import { TableFormat, writeTable } from './table-file';

/** A cell as the import reads it back: lists joined by "; ", participants as `key:ROLE`. */
function cellOf(spec: FieldSpec, record: Record<string, unknown>): string {
  const [field, nested] = spec.field.split('.') as [string, string | undefined];
  const value = nested ? (record[field] as Record<string, unknown> | undefined)?.[nested] : record[field];
  if (value === undefined || value === null) return '';
  if (spec.kind === 'roleList') {
    return (value as Record<string, unknown>[]).map((item) => (item.role ? `${String(item[spec.item])}:${String(item.role)}` : String(item[spec.item]))).join('; ');
  }
  return Array.isArray(value) ? value.join('; ') : String(value);
}

/**
 * One record type as a spreadsheet whose headers are the snapshot's field names, so the file imports back
 * unchanged (`registry import-table`), and a coordinator can edit it in Excel and import the edits.
 */
export async function exportTable(ds: DataSource, type: TableType, format: TableFormat): Promise<Buffer> {
  const records = (await exportSnapshot(ds.manager))[type] ?? [];
  const specs = FIELDS[type];
  return writeTable(
    format,
    specs.map((s) => s.field),
    records.map((r) => specs.map((s) => cellOf(s, r))),
  );
}

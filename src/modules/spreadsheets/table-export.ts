import { DataSource } from 'typeorm';
import { exportSnapshot } from '../snapshot/snapshot.exporter';
import { listCell } from './cell-values';
import { fieldValue, FieldSpec, FIELDS, TableType } from './table-columns';
import { TableFormat, writeTable } from './table-file';

/**
 * A cell as the import reads it back: lists as `a; b` with an item quoted where it must be (see listCell),
 * participants as `key:ROLE`, quoted when a free-text role has spaces at its ends or is empty, which the import
 * would otherwise trim or drop.
 */
function cellOf(spec: FieldSpec, record: Record<string, unknown>): string {
  const value = fieldValue(record, spec.field);
  if (value === undefined || value === null) return '';
  if (spec.kind === 'roleList') {
    return listCell(
      (value as Record<string, unknown>[]).map((item) => {
        const key = String(item[spec.item]);
        const role = item.role;
        return typeof role === 'string' ? { text: `${key}:${role}`, quoted: role === '' || role !== role.trim() } : { text: key, quoted: false };
      }),
    );
  }
  return Array.isArray(value) ? listCell(value.map((text) => ({ text: String(text), quoted: false }))) : String(value);
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

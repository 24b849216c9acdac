/** Table export: CSV here (small), XLSX through write-excel-file, loaded only when someone asks for it. */
export interface ExportColumn<Row> {
  label: string;
  value(row: Row): string | number | null;
}

/** A file name that says what was exported and with which filters: overlaps_unit-bydel-alna_min-0.5.csv */
export function fileName(base: string, filters: Record<string, string | number | boolean | null | undefined>, ext: string): string {
  const parts = [base];
  for (const [name, value] of Object.entries(filters)) {
    if (value === null || value === undefined || value === '' || value === false) continue;
    parts.push(value === true ? name : `${name}-${value}`);
  }
  return `${parts.join('_').replace(/[^\p{L}\p{N}._-]+/gu, '-')}.${ext}`;
}

function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  // Cells starting with = + - @ are formulas to spreadsheet programs; a leading apostrophe keeps them text.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv<Row>(columns: ExportColumn<Row>[], rows: Row[]): string {
  const lines = [columns.map((c) => csvCell(c.label)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadCsv<Row>(columns: ExportColumn<Row>[], rows: Row[], name: string): void {
  // The byte order mark makes Excel read the file as UTF-8 (æ, ø, å).
  download(new Blob(['\uFEFF', toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }), name);
}

export async function downloadXlsx<Row>(columns: ExportColumn<Row>[], rows: Row[], name: string): Promise<void> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const header = columns.map((c) => ({ value: c.label, fontWeight: 'bold' as const }));
  const body = rows.map((row) => columns.map((c) => ({ value: c.value(row) ?? undefined })));
  const blob = await writeXlsxFile([header, ...body], { stickyRowsCount: 1 }).toBlob();
  download(blob, name);
}

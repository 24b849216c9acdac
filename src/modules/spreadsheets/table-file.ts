import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { RegistryError } from '../../errors/registry-error';
import { Cell } from './cell-values';
import iconv from 'iconv-lite';

export type TableFormat = 'CSV' | 'XLSX';

/** A spreadsheet's first sheet: its header row and data rows, each with its row number as a spreadsheet shows it. */
export interface Table {
  format: TableFormat;
  /** For CSV: how the bytes were read and which character separates the columns. */
  encoding: 'UTF-8' | 'UTF-16' | 'WINDOWS-1252' | null;
  delimiter: string | null;
  headers: string[];
  rows: { row: number; cells: Cell[] }[];
}

/** Bounds on one file: a coordinator's list is hundreds of rows; the whole registry travels as a snapshot. */
export const TABLE_LIMITS = { rows: 5000, columns: 60, cellCharacters: 10_000, unpackedBytes: 50 * 1024 * 1024 } as const;

const DELIMITERS = [',', ';', '\t', '|'];

const refuse = (message: string) => RegistryError.of('file', 'INVALID', message);

/** XLSX files are ZIP archives; everything else is read as delimited text. */
export function tableFormatOf(bytes: Uint8Array): TableFormat {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 ? 'XLSX' : 'CSV';
}

export async function readTable(bytes: Uint8Array): Promise<Table> {
  const table = tableFormatOf(bytes) === 'XLSX' ? await readXlsx(bytes) : readCsv(bytes);
  if (!table.headers.some((h) => h !== '')) throw refuse('the first row must name the columns; it is empty');
  if (table.headers.length > TABLE_LIMITS.columns) throw refuse(`a table may have at most ${TABLE_LIMITS.columns} columns (this one has ${table.headers.length})`);
  if (table.rows.length > TABLE_LIMITS.rows) throw refuse(`a table may have at most ${TABLE_LIMITS.rows} rows (this one has ${table.rows.length}); import more as a snapshot`);
  for (const { row, cells } of table.rows) {
    const long = cells.findIndex((c) => typeof c === 'string' && c.length > TABLE_LIMITS.cellCharacters);
    if (long >= 0) throw refuse(`row ${row}, column "${table.headers[long]}": a cell may hold at most ${TABLE_LIMITS.cellCharacters} characters`);
  }
  return table;
}

/**
 * Excel saves "CSV UTF-8" with a byte-order mark, "Unicode text" as UTF-16 and plain "CSV" in Windows-1252;
 * bytes that are not valid UTF-8 are taken as Windows-1252 (which decodes any byte), so æøå survive either way.
 */
function decode(bytes: Uint8Array): { text: string; encoding: Table['encoding'] } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start)), encoding: 'UTF-8' };
  } catch {
    // Not TextDecoder: Node's reads 'windows-1252' as Latin-1, turning – “ ” € into invisible control characters.
    return { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), encoding: 'WINDOWS-1252' };
  }
}

/** The separator that splits the header line into the most columns, counting only outside quotes. */
function delimiterOf(text: string): string {
  const counts = new Map(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return [...counts].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

function readCsv(bytes: Uint8Array): Table {
  const { text, encoding } = decode(bytes);
  const delimiter = delimiterOf(text);
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, to: TABLE_LIMITS.rows + 2 });
  } catch (error) {
    throw refuse(`the file cannot be read as CSV: ${(error as Error).message}`);
  }
  const [headers = [], ...rest] = records;
  return {
    format: 'CSV',
    encoding,
    delimiter,
    headers: headers.map((h) => h.trim()),
    rows: rest.map((cells, i) => ({ row: i + 2, cells: cells.map((c) => (c.trim() === '' ? null : unguarded(c))) })).filter((r) => r.cells.some((c) => c !== null)),
  };
}

/**
 * Spreadsheet programs run a CSV cell that starts with = + - or @ as a formula ("=HYPERLINK(…)" from a title
 * someone typed); the export writes such a cell behind an apostrophe, which Excel shows as text, and the import
 * takes the apostrophe off again. Text that itself starts with apostrophes before such a character gets one
 * more, so taking one off gives it back as it was.
 */
const FORMULA_START = /^'*[=+\-@]/;
const guarded = (cell: string) => (FORMULA_START.test(cell) ? `'${cell}` : cell);
const unguarded = (cell: string) => (cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell);

/**
 * The first sheet of a workbook. The archive's directory is checked before anything is unpacked, so a small
 * file that would unpack to gigabytes is refused at once.
 */
async function readXlsx(bytes: Uint8Array): Promise<Table> {
  let unpacked = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        unpacked += file.originalSize;
        return false;
      },
    });
  } catch (error) {
    throw refuse(`the file cannot be read as XLSX: ${(error as Error).message}`);
  }
  if (unpacked > TABLE_LIMITS.unpackedBytes) throw refuse(`the workbook unpacks to ${unpacked} bytes; at most ${TABLE_LIMITS.unpackedBytes} are read`);
  let sheets: { sheet: string; data: Cell[][] }[];
  try {
    sheets = (await readXlsxFile(Buffer.from(bytes))) as unknown as { sheet: string; data: Cell[][] }[];
  } catch (error) {
    throw refuse(`the file cannot be read as XLSX: ${(error as Error).message}`);
  }
  const [headers = [], ...rest] = sheets[0]?.data ?? [];
  return {
    format: 'XLSX',
    encoding: null,
    delimiter: null,
    headers: headers.map((h) => (h === null ? '' : String(h).trim())),
    rows: rest.map((cells, i) => ({ row: i + 2, cells: cells.map((c) => (typeof c === 'string' && c.trim() === '' ? null : c)) })).filter((r) => r.cells.some((c) => c !== null)),
  };
}

/**
 * A table as a file. CSV is UTF-8 with a byte-order mark and ";" between columns: what Excel in a Norwegian
 * locale opens as columns with æøå intact; cells that would start a formula are guarded. XLSX cells are text
 * cells, never formulas.
 */
export async function writeTable(format: TableFormat, headers: string[], rows: string[][]): Promise<Buffer> {
  if (format === 'CSV') return Buffer.from(`\ufeff${stringify([headers, ...rows.map((row) => row.map(guarded))], { delimiter: ';', record_delimiter: '\r\n' })}`, 'utf8');
  const data = [headers.map((value) => ({ value, fontWeight: 'bold' as const })), ...rows.map((row) => row.map((value) => ({ value })))];
  return writeXlsxFile(data).toBuffer();
}

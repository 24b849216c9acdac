import { getMetadataStorage } from 'type-graphql';
import { typedDate } from '../../validation/dates';
import { normalizeText } from '../../text/normalize';

/** A cell as a reader gives it: text from CSV; text, numbers, booleans or dates from XLSX; null when empty. */
export type Cell = string | number | boolean | Date | null;

/** Why a cell could not be read, in words a coordinator can act on. */
export class CellProblem extends Error {}

/** Excel counts days from 1899-12-30; a number in a date column is such a day when it falls in 1955–2119. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const EXCEL_DAYS = { from: 20090, to: 80000 };

/** The cell as it is written: dates as YYYY-MM-DD, numbers as written. */
function written(cell: Exclude<Cell, null>): string {
  return cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
}

/** The cell as text: trimmed, dates as YYYY-MM-DD, numbers as written. Empty text is null. */
export function cellText(cell: Cell): string | null {
  if (cell === null) return null;
  const text = written(cell).trim();
  return text === '' ? null : text;
}

/** A date cell: a workbook date, an Excel day number, or a date as people type it (see typedDate). */
export function cellDate(cell: Cell, end: boolean): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= EXCEL_DAYS.from && cell <= EXCEL_DAYS.to) {
    return new Date(EXCEL_EPOCH + cell * 86_400_000).toISOString().slice(0, 10);
  }
  const text = cellText(cell);
  if (text === null) return null;
  const read = typedDate(text, end);
  if ('refused' in read) throw new CellProblem(read.refused);
  return read.date;
}

/** An item of a list cell; `quoted` when it was written in double quotes, and so is taken exactly as written. */
export interface ListItem {
  text: string;
  quoted: boolean;
}

const QUOTED_ITEM = /[^\S\r\n]*"((?:[^"]|"")*)"[^\S\r\n]*(?:[;\r\n]|$)/y;
const PLAIN_ITEM = /([^;\r\n]*)(?:[;\r\n]|$)/y;

/**
 * Items of a list cell: separated by ";" or line breaks, each trimmed, empty ones dropped (`a; b`, as people
 * type lists). An item in double quotes (a doubled "" inside for a quote) is taken exactly as written, with
 * its spaces, semicolons and line breaks; quotes that do not enclose a whole item are part of its text.
 */
export function cellItems(cell: Cell): ListItem[] {
  const text = cell === null ? '' : written(cell);
  const items: ListItem[] = [];
  for (let at = 0; at < text.length; ) {
    QUOTED_ITEM.lastIndex = at;
    const quoted = QUOTED_ITEM.exec(text);
    if (quoted) {
      items.push({ text: quoted[1]!.replace(/""/g, '"'), quoted: true });
      at = QUOTED_ITEM.lastIndex;
      continue;
    }
    PLAIN_ITEM.lastIndex = at;
    const plain = PLAIN_ITEM.exec(text)!;
    const item = plain[1]!.trim();
    if (item !== '') items.push({ text: item, quoted: false });
    at = PLAIN_ITEM.lastIndex;
  }
  return items;
}

/** The texts of a list cell's items (see cellItems). */
export function cellList(cell: Cell): string[] {
  return cellItems(cell).map((item) => item.text);
}

/**
 * A list as a cell that cellItems reads back item for item: `a; b`, with an item in double quotes when plain
 * writing would lose or split it (spaces at its ends, ";", a line break, a leading quote, nothing at all), or
 * when it is marked `quoted` because its reader needs it exactly as it is.
 */
export function listCell(items: ListItem[]): string {
  const plain = ({ text, quoted }: ListItem) => !quoted && text !== '' && text === text.trim() && !/[;\r\n]/.test(text) && !text.startsWith('"');
  return items.map((item) => (plain(item) ? item.text : `"${item.text.replace(/"/g, '""')}"`)).join('; ');
}

const comparable = (text: string) => normalizeText(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The words each value of a GraphQL enum is known by: its name ("RESEARCH_PROJECT", "research project"), the
 * English label of its description and the Norwegian terms in its parentheses ("Research project
 * (forskningsprosjekt).") and the examples or synonyms after a colon ("A municipal service: etat,
 * tjenesteområde…", "Running: active, ongoing (pågående, aktiv)."). The schema's descriptions are the one place
 * these words are written.
 */
function enumWords(name: string): Map<string, string> {
  const config = getMetadataStorage().enums.find((e) => e.name === name);
  if (!config) throw new Error(`enum ${name} is not registered`);
  const words = new Map<string, string>();
  const ambiguous = new Set<string>();
  const add = (term: string, value: string) => {
    const word = comparable(term).replace(/^(a|an|the) /, '');
    if (!word) return;
    if (words.has(word) && words.get(word) !== value) ambiguous.add(word);
    words.set(word, value);
  };
  for (const [value, { description } = {}] of Object.entries(config.valuesConfig ?? {})) {
    add(value.replace(/_/g, ' '), value);
    if (!description) continue;
    add(description.split(/[,(:.]/)[0]!, value);
    const listed = [...(description.match(/\(([^)]*)\)/g) ?? []).map((inside) => inside.slice(1, -1)), /:([^.(…]*)/.exec(description)?.[1] ?? ''];
    for (const list of listed) for (const term of list.split(',')) add(term, value);
  }
  // A word two values share ("network" for a kind and a unit) names neither.
  for (const word of ambiguous) words.delete(word);
  for (const value of Object.keys(config.valuesConfig ?? {})) words.set(comparable(value.replace(/_/g, ' ')), value);
  return words;
}

const enumCache = new Map<string, Map<string, string>>();

/** The enum value a cell names, by any of its words; refused with the accepted values listed. */
export function enumValue(enumName: string, text: string): string {
  let words = enumCache.get(enumName);
  if (!words) enumCache.set(enumName, (words = enumWords(enumName)));
  const value = words.get(comparable(text));
  if (value) return value;
  const names = [...new Set(words.values())];
  throw new CellProblem(`"${text}" is not a ${enumName}: use one of ${names.join(', ')} (or its Norwegian name)`);
}

/** True when a cell names a value of the enum. */
export function isEnumValue(enumName: string, text: string): boolean {
  try {
    enumValue(enumName, text);
    return true;
  } catch {
    return false;
  }
}

/** Header and name comparison: case, accents, punctuation and spacing do not matter. */
export { comparable };

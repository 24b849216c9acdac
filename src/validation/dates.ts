import { normalizeText } from '../text/normalize';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2021-02-30 is not one). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Month names as people write them in Norwegian and English, in full or cut short ("aug.", "sept", "des"). */
const MONTH_NAMES: string[][] = [
  ['januar', 'january', 'jan'],
  ['februar', 'february', 'feb', 'febr'],
  ['mars', 'march', 'mar'],
  ['april', 'apr'],
  ['mai', 'may'],
  ['juni', 'june', 'jun'],
  ['juli', 'july', 'jul'],
  ['august', 'aug'],
  ['september', 'sep', 'sept'],
  ['oktober', 'october', 'okt', 'oct'],
  ['november', 'nov'],
  ['desember', 'december', 'des', 'dec'],
];
const MONTH_OF = new Map(MONTH_NAMES.flatMap((names, i) => names.map((name) => [name, i + 1] as const)));

/**
 * Words for a part of a year (seasons, semesters, quarters, "H21"): periods whose first or last day depends on
 * who writes them, so they are refused with their own explanation rather than read as some day.
 */
const PERIOD_WORD = /^(?:høst|vår|sommer|vinter|autumn|fall|spring|summer|winter|semester|kvartal|quarter|tertial|halvår|half|q[1-4]|[hv]\d{2}(?:\d{2})?)/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export type TypedDate = { date: string } | { refused: string };

/**
 * A date as people type it in Norway: a day (2021-08-01, 01.08.2021, 1/8/2021, 1.8.21 with the year in this
 * century, 1. august 2021, August 1, 2021), a month (8/2021, 08.2021, 2021-08, august 2021, aug. 2021) or a
 * year (2021); months by Norwegian or English name, in full or abbreviated. A month or year means its first
 * day for a start and its last day for an end, so "8/2021 to 6/2022" covers both months whole. A season or
 * quarter ("høsten 2021", "Q3 2021") is refused with the reason: the registry stores days, and guessing which
 * day a season means would store a date nobody wrote.
 */
export function typedDate(written: string, end: boolean): TypedDate {
  const text = normalizeText(written.trim()).replace(/\s+/g, ' ');
  const month = (y: number, m: number) => (m >= 1 && m <= 12 ? iso(y, m, end ? lastDay(y, m) : 1) : null);
  const named = (name: string) => MONTH_OF.get(name) ?? 0;
  let m: RegExpExecArray | null;
  let date: string | null = null;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) date = iso(+m[1]!, +m[2]!, +m[3]!);
  else if ((m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})$/.exec(text))) date = iso(m[4]!.length === 2 ? 2000 + +m[4]! : +m[4]!, +m[3]!, +m[1]!);
  else if ((m = /^(\d{1,2})[./](\d{4})$/.exec(text))) date = month(+m[2]!, +m[1]!);
  else if ((m = /^(\d{4})-(\d{1,2})$/.exec(text))) date = month(+m[1]!, +m[2]!);
  else if ((m = /^(\d{4})$/.exec(text))) date = iso(+m[1]!, end ? 12 : 1, end ? 31 : 1);
  // 1. august 2021, 1 aug. 2021, 1st August 2021
  else if ((m = /^(\d{1,2})(?:\.|st|nd|rd|th)? ?([a-zæøå]+)\.?,? (\d{4})$/.exec(text)) && named(m[2]!)) date = iso(+m[3]!, named(m[2]!), +m[1]!);
  // August 1, 2021
  else if ((m = /^([a-zæøå]+)\.? (\d{1,2})(?:st|nd|rd|th)?(?:, ?| )(\d{4})$/.exec(text)) && named(m[1]!)) date = iso(+m[3]!, named(m[1]!), +m[2]!);
  // august 2021, aug. 2021, aug.2021
  else if ((m = /^([a-zæøå]+)(?:\.|\.? |, ?)(\d{4})$/.exec(text)) && named(m[1]!)) date = month(+m[2]!, named(m[1]!));
  if (date !== null && isIsoDate(date)) return { date };
  if (text.split(/[^\p{L}\p{N}]+/u).some((word) => PERIOD_WORD.test(word))) {
    const [edge, example] = end ? ['ends', '"desember 2021" or "12/2021"'] : ['starts', '"august 2021" or "8/2021"'];
    return {
      refused: `"${written}" names a part of the year, not a date: the registry stores days and does not guess which day a season or quarter ${edge}; write the month it ${edge} (${example}) or the day`,
    };
  }
  return { refused: `"${written}" is not a date: write a day (2021-08-01, 01.08.2021 or 1. august 2021), a month (8/2021 or august 2021) or a year (2021)` };
}

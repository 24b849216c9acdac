/**
 * Text normalisation shared by indexing and querying, so both sides agree.
 * Norwegian letters æ, ø and å are kept as letters (they distinguish words: "får" ≠ "far"); other diacritics are
 * folded (é → e, ü → u), and the Swedish/German spellings ä/ö are folded to æ/ø as Norwegian writers often type them.
 */
const FOLD: Record<string, string> = { ä: 'æ', ö: 'ø', ǿ: 'ø' };

export function normalizeText(input: string): string {
  // NFD splits å into a + ring; put it back, then drop every other combining mark.
  return input
    .toLowerCase()
    .replace(/[äöǿ]/g, (c) => FOLD[c] ?? c)
    .normalize('NFD')
    .replace(/a\u030a/g, 'å')
    .replace(/\p{M}/gu, '')
    .normalize('NFC');
}

/** Words of a text after normalisation: letters and digits, everything else separates. */
export function tokenize(input: string): string[] {
  return normalizeText(input).match(/[\p{L}\p{N}]+/gu) ?? [];
}

import { eng, nob } from 'stopword';
import { RegistryError } from '../errors/registry-error';

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

/**
 * Function words ("til", "som", "for", "ved", "the"…) say nothing about what a text is about, yet in a small
 * registry the subject model learnt them as evidence: on the 57 seed collaborations, pairs were flagged because both
 * texts shared "til", "for" and "som". The Norwegian (bokmål) and English lists of the `stopword` package, and a
 * few bokmål prepositions and conjunctions its short list lacks (an outside review found "verken" cited as shared
 * evidence in 13 pairs of the dev registry).
 */
const FUNCTION_WORDS = new Set([...nob, ...eng, 'gjennom', 'blant', 'hos', 'verken', 'innenfor', 'ifølge'].map(normalizeText));

/** Whether a normalised word can say what a text is about: three letters or more, not a number, not a function word. */
export function isContentWord(word: string): boolean {
  return word.length > 2 && !/^\d+$/.test(word) && !FUNCTION_WORDS.has(word);
}

/** Word stems: the first six letters cover Norwegian inflection (barnehage/barnehagen/barnehagene). */
export function stem(word: string): string {
  return word.slice(0, 6);
}

/** Inflectional endings of Norwegian (bokmål) and English nouns and adjectives, longest first. */
const INFLECTIONS = ['ene', 'ane', 'ers', 'ens', 'ets', 'er', 'en', 'et', 'es', 'e', 'a', 's'];

/**
 * A word without its inflectional ending, when at least four letters are left: psykiske and psykisk, barnehager and
 * barnehagen, tjenester and tjenesten each share one. For what is shown to people as "the same word" (topics with
 * similar names); not `stem`, whose six-letter prefixes tie compounds that merely begin alike (grunnskole/
 * grunnstønad), nor "a word plus up to three letters" (rus/russ, skole/skolemat): noise the subject model outweighs,
 * but not in a list a coordinator reads. A listed set of endings, so that what it ties together can be read here.
 */
export function wordRoot(word: string): string {
  const ending = INFLECTIONS.find((e) => word.endsWith(e) && word.length - e.length >= 4);
  return ending ? word.slice(0, -ending.length) : word;
}

/** Bounds on free text a caller searches with: each search stays a few index look-ups on either database. */
export const SEARCH_LIMITS = { characters: 200, words: 10, wordCharacters: 50 } as const;

/**
 * A caller's search text, normalised, checked against SEARCH_LIMITS (refused with the field named, before any
 * tokenising of an oversized text) and its distinct words. Blank text gives no words (no filter); text with
 * characters but no letter or digit is refused.
 */
export function searchText(text: string, field: string): { normalized: string; words: string[] } {
  if (text.length > SEARCH_LIMITS.characters) {
    throw RegistryError.of(field, 'TOO_LONG', `search text is limited to ${SEARCH_LIMITS.characters} characters (was ${text.length})`);
  }
  const words = [...new Set(tokenize(text))];
  // Blank text filters nothing, on every list alike; text of symbols only would match by accident or not at all.
  if (words.length === 0) {
    if (text.trim() === '') return { normalized: '', words };
    throw RegistryError.of(field, 'INVALID', 'search text needs at least one letter or digit');
  }
  if (words.length > SEARCH_LIMITS.words) {
    throw RegistryError.of(field, 'INVALID', `search text is limited to ${SEARCH_LIMITS.words} different words (was ${words.length})`);
  }
  const long = words.find((w) => w.length > SEARCH_LIMITS.wordCharacters);
  if (long) throw RegistryError.of(field, 'TOO_LONG', `search words are limited to ${SEARCH_LIMITS.wordCharacters} characters (one has ${long.length})`);
  return { normalized: normalizeText(text), words };
}

import { tokenize } from '../../text/normalize';
import { DuplicateMessages as Messages, Localized, localized } from './duplicate.messages';
import { Sector } from '../units/unit.enums';
import { ACollaboration, AnalysisData, AUnit, pairKey } from '../analysis/analysis.data';

export type DuplicateReasonCode = 'SIMILAR_TITLE' | 'SIMILAR_SUMMARY' | 'SAME_UNITS' | 'NESTED_UNITS' | 'SAME_PEOPLE' | 'SAME_PERIOD' | 'SAME_KIND';

export interface DuplicateReason {
  code: DuplicateReasonCode;
  message: Localized;
}

/** A pair that is probably one activity entered twice, stored with a < b. */
export interface DuplicatePair {
  a: number;
  b: number;
  score: number;
  reasons: DuplicateReason[];
}

/** Lowest score reported by default: the generated test registries' precision and recall both pass 0.9 above it. */
export const DEFAULT_DUPLICATE_SCORE = 0.7;

/** A title word shared by more collaborations than this is too common to find candidates by. */
const MAX_POSTINGS = 200;
const KIND_PENALTY = 0.3;
/** Titles less alike than this are two activities, whatever else agrees. */
const MIN_TITLE = 0.75;
/** The two sides of a collaboration between a municipality and a university. */
const SIDES = [Sector.MUNICIPAL, Sector.ACADEMIC];

/**
 * Words of four letters or more (short ones, i, og, for, til, med, say nothing about which activity it is) without
 * their inflection ending. Not cut to a fixed length: Norwegian compounds share their first letters
 * ("tjenestedesign", "tjenester"), and two titles are the same activity only when their words are the same.
 */
const stem = (word: string) => (word.length > 6 ? word.replace(/(ene|ane|ers|en|et|er|e|a)$/, '') : word);
const stems = (text: string) => new Set(tokenize(text).filter((w) => w.length > 3 && !/^\d+$/.test(w)).map(stem));
const numbers = (text: string) => new Set(tokenize(text).filter((w) => /^\d+$/.test(w)));
/** The title's letters and digits run together, in threes: "Recovery-orientert" and "Recoveryorientert" share all. */
function trigrams(text: string, leaveOut: Set<string>): Set<string> {
  const squashed = tokenize(text)
    .filter((w) => !leaveOut.has(stem(w)))
    .join('');
  const out = new Set<string>();
  for (let i = 0; i + 3 <= squashed.length; i++) out.add(squashed.slice(i, i + 3));
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** One edit apart (a typo): replace, insert or delete one letter. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return a === b;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

interface Features {
  c: ACollaboration;
  title: Set<string>;
  titleNumbers: Set<string>;
  summary: Set<string>;
  /**
   * Stems of the names of the collaboration's units and every unit above them, each with the units it names: a
   * title that names its place ("… i Bydel Alna") is not more alike for it, unless that place is where the two
   * records differ.
   */
  place: Map<string, number[]>;
  /**
   * The units the title names in full ("… i Bydel Stovner"), one list per name (units of one name together),
   * where the name fits the record's own units: a place the title states.
   */
  named: number[][];
}

/** Units of one name: the name's words (stemmed, in order) and the units that have it. */
interface UnitName {
  words: string[];
  units: number[];
}

/** What a title may call a unit: its name and its short name ("Norges teknisk-naturvitenskapelige universitet", "NTNU"). */
const namesOf = (unit: AUnit | undefined): string[] => (unit ? [unit.name, unit.shortName ?? ''].filter(Boolean) : []);
const days = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
/** The same day a year later, as YYYY-MM-DD (29 February stays, and sorts right). */
const yearAfter = (date: string) => `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;

/**
 * Finds collaborations that are probably one activity registered twice (by a unit and by the university, say),
 * as opposed to overlaps, which are different activities on the same ground. Two records are the same activity
 * when their titles say nearly the same thing (word stems weighted by rarity, or the same letters in threes for
 * spelling and hyphenation variants, with one-letter typos forgiven) and nothing contradicts it: on each side of
 * the work (municipal, academic) their units are the same or one lies inside the other where both name one, a
 * place one title names fits the other's units, their periods meet, they start less than a year apart, and numbers
 * in the titles (years, editions) agree. Summaries, people and start dates that agree raise the score.
 *
 * Candidates come from an inverted index of title stems, so no pair of unrelated collaborations is compared.
 */
export class DuplicateDetector {
  private readonly features = new Map<number, Features>();
  private readonly postings = new Map<string, number[]>();
  private readonly chains = new Map<number, Set<number>>();
  /** Unit names, found through their first word. */
  private readonly unitNames = new Map<string, UnitName[]>();

  constructor(private readonly data: AnalysisData) {
    const byName = new Map<string, UnitName>();
    for (const unit of data.units.values()) {
      for (const name of namesOf(unit)) {
        const words = tokenize(name).map(stem);
        // A name of short words only (NAV, KS, INN) is too easily a word of the subject ("Inn på tunet").
        if (!words.some((w) => w.length > 3)) continue;
        const key = words.join(' ');
        const entry = byName.get(key) ?? { words, units: [] };
        if (!entry.units.includes(unit.id)) entry.units.push(unit.id);
        byName.set(key, entry);
      }
    }
    for (const entry of byName.values()) this.unitNames.set(entry.words[0]!, [...(this.unitNames.get(entry.words[0]!) ?? []), entry]);
    for (const c of data.collaborations.values()) this.add(c);
  }

  private add(c: ACollaboration): void {
    const place = new Map<string, number[]>();
    for (const id of this.groundOf(c.units.map((u) => u.unitId))) {
      for (const stem of stems(namesOf(this.data.units.get(id)).join(' '))) place.set(stem, [...(place.get(stem) ?? []), id]);
    }
    const title = stems(c.title);
    const f: Features = {
      c,
      title,
      titleNumbers: numbers(c.title),
      summary: stems(`${c.summary ?? ''} ${c.keywords.join(' ')}`),
      place,
      named: this.namedIn(c.title, c.units),
    };
    this.features.set(c.id, f);
    for (const stem of f.title) if (!place.has(stem)) this.postings.set(stem, [...(this.postings.get(stem) ?? []), c.id]);
  }

  private groundOf(unitIds: number[]): Set<number> {
    const out = new Set<number>();
    for (const id of unitIds) for (const above of this.above(id)) out.add(above);
    return out;
  }

  /**
   * Units whose whole name the title holds, word for word, the longest names only ("Bydel Østensjø, rus- og psykisk
   * helsetjeneste", not also "Bydel Østensjø"), each name kept where one of its units fits the record's own units;
   * a name that does not fit them is read as words of the subject, not as the record's place.
   */
  private namedIn(title: string, units: ACollaboration['units']): number[][] {
    const words = tokenize(title).map(stem);
    const found: { from: number; to: number; name: UnitName }[] = [];
    words.forEach((word, from) => {
      for (const name of this.unitNames.get(word) ?? []) {
        if (name.words.every((w, i) => words[from + i] === w)) found.push({ from, to: from + name.words.length, name });
      }
    });
    const longest = found.filter((x) => !found.some((y) => y !== x && y.from <= x.from && y.to >= x.to && y.to - y.from > x.to - x.from));
    return longest.map(({ name }) => name.units.filter((u) => this.fits(u, units))).filter((fitting) => fitting.length);
  }

  /** A unit and every unit above it. */
  private above(id: number): Set<number> {
    let out = this.chains.get(id);
    if (!out) {
      out = new Set();
      for (let u = this.data.units.get(id); u && !out.has(u.id); u = u.parentId === null ? undefined : this.data.units.get(u.parentId)) out.add(u.id);
      this.chains.set(id, out);
    }
    return out;
  }

  /** The same unit, or one inside the other. */
  private nested(x: number, y: number): boolean {
    return this.above(x).has(y) || this.above(y).has(x);
  }

  private sector(id: number): Sector | undefined {
    return this.data.units.get(id)?.sector;
  }

  /**
   * Whether a unit fits a record's units: it is on neither side of the work (a funder, a network), or the record
   * names no unit on its side, or one that is the same, above or below it. A unit that does not fit is a
   * difference between two records.
   */
  private fits(unit: number, units: ACollaboration['units']): boolean {
    const sector = this.sector(unit);
    if (!sector || !SIDES.includes(sector)) return true;
    const same = units.filter((u) => this.sector(u.unitId) === sector);
    return !same.length || same.some((u) => this.nested(unit, u.unitId));
  }

  /** Every pair at or above the score, best first. */
  all(minScore = DEFAULT_DUPLICATE_SCORE): DuplicatePair[] {
    const out: DuplicatePair[] = [];
    const seen = new Set<string>();
    for (const id of this.features.keys()) {
      for (const other of this.candidates(id)) {
        const key = pairKey(id, other);
        if (seen.has(key)) continue;
        seen.add(key);
        const pair = this.compare(id, other);
        if (pair && pair.score >= minScore) out.push(pair);
      }
    }
    return out.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  }

  /** Pairs a collaboration not (yet) in the registry (id 0) would form with those that are: for an import's dry run. */
  against(c: ACollaboration, minScore = DEFAULT_DUPLICATE_SCORE): DuplicatePair[] {
    this.add(c);
    try {
      return [...this.candidates(c.id)].map((other) => this.compare(c.id, other)).filter((p): p is DuplicatePair => !!p && p.score >= minScore).sort((x, y) => y.score - x.score);
    } finally {
      this.features.delete(c.id);
      for (const stem of stems(c.title)) if (this.postings.has(stem)) this.postings.set(stem, this.postings.get(stem)!.filter((id) => id !== c.id));
    }
  }

  private candidates(id: number): Set<number> {
    const out = new Set<number>();
    for (const stem of this.features.get(id)!.title) {
      const ids = this.postings.get(stem) ?? [];
      if (ids.length > MAX_POSTINGS) continue;
      for (const other of ids) if (other !== id) out.add(other);
    }
    return out;
  }

  /**
   * Title similarity from 0 to 1, place names left out: the share of the shorter title's stems the other has (a
   * stem one typo away counts), so a label or place added to one title costs nothing while a different word for
   * the form of work ("Studie av" against "Kunnskap om" the same subject) costs a lot; or, for spelling and
   * hyphenation variants, how many letter triples the titles share.
   */
  private titleSimilarity(a: Features, b: Features): number {
    // A unit's name is left out only where that unit fits the other record: "med NTNU" against "med UiO" is the
    // difference between two records, not a place both name.
    const place = new Set<string>();
    for (const [x, y] of [[a, b], [b, a]] as const) {
      for (const [stem, units] of x.place) if (units.some((u) => this.fits(u, y.c.units))) place.add(stem);
    }
    const titleA = [...a.title].filter((s) => !place.has(s));
    const titleB = [...b.title].filter((s) => !place.has(s));
    if (!titleA.length || !titleB.length) return 0;
    const [shorter, longer] = titleA.length <= titleB.length ? [titleA, titleB] : [titleB, titleA];
    const unmatched = new Set(longer);
    let shared = 0;
    for (const stem of shorter) {
      const match = unmatched.has(stem) ? stem : [...unmatched].find((other) => oneEditApart(stem, other));
      if (match === undefined) continue;
      unmatched.delete(match);
      shared++;
    }
    return Math.max(shared / shorter.length, jaccard(trigrams(a.c.title, place), trigrams(b.c.title, place)));
  }

  compare(aId: number, bId: number): DuplicatePair | null {
    const [a, b] = [this.features.get(aId)!, this.features.get(bId)!];
    const reasons: DuplicateReason[] = [];
    // Contradictions first: any of them makes two records two activities, however alike their words.
    if (a.c.parentId === b.c.id || b.c.parentId === a.c.id) return null;
    const unitsA = a.c.units.map((u) => u.unitId);
    const unitsB = b.c.units.map((u) => u.unitId);
    // Both sides of the work must agree where both are given: two bydeler working with one university, or one
    // kommune working with two universities, are two activities. Nested units agree (a bydel and its service, a
    // university and its department).
    for (const sector of SIDES) {
      const sideA = unitsA.filter((id) => this.sector(id) === sector);
      const sideB = unitsB.filter((id) => this.sector(id) === sector);
      if (sideA.length && sideB.length && !sideA.some((x) => sideB.some((y) => this.nested(x, y)))) return null;
    }
    // A place one title states that the other's units do not fit: "… i Bydel Stovner" against a record in Vestre Aker.
    for (const [x, y] of [[a, b], [b, a]] as const) if (x.named.some((units) => !units.some((u) => this.fits(u, y.c.units)))) return null;
    const sameUnits = unitsA.length === unitsB.length && unitsA.every((id) => unitsB.includes(id));
    const shared = unitsA.flatMap((x) => unitsB.filter((y) => this.nested(x, y)).map((y) => [x, y] as const));
    if (!shared.length) return null;
    if (a.titleNumbers.size && b.titleNumbers.size && [...a.titleNumbers].join() !== [...b.titleNumbers].join()) return null;
    const { startDate: s1, endDate: e1 } = a.c;
    const { startDate: s2, endDate: e2 } = b.c;
    if ((s1 && e2 && s1 > e2) || (s2 && e1 && s2 > e1)) return null;
    // Courses, theses and meetings come round every year: a start a year or more after the other's is another round.
    if (s1 && s2 && (s1 < s2 ? yearAfter(s1) <= s2 : yearAfter(s2) <= s1)) return null;

    const title = this.titleSimilarity(a, b);
    if (title < MIN_TITLE) return null;
    reasons.push({ code: 'SIMILAR_TITLE', message: localized((m) => m.similarTitles(Math.round(title * 100), a.c.title, b.c.title)) });
    let score = 0.55 * title;
    let weight = 0.55;
    if (sameUnits) reasons.push({ code: 'SAME_UNITS', message: localized((m) => m.sameUnits) });
    else reasons.push({ code: 'NESTED_UNITS', message: localized((m) => shared.map(([x, y]) => this.relation(m, x, y)).join('; ')) });
    score += sameUnits ? 0.15 : 0.12;
    weight += 0.15;
    if (a.summary.size && b.summary.size) {
      const summary = jaccard(a.summary, b.summary);
      score += 0.15 * Math.min(1, summary * 2);
      weight += 0.15;
      if (summary >= 0.3) reasons.push({ code: 'SIMILAR_SUMMARY', message: localized((m) => m.similarSummaries(Math.round(summary * 100))) });
    }
    const peopleA = new Set(a.c.people.map((p) => p.personId));
    const peopleB = b.c.people.map((p) => p.personId);
    if (peopleA.size && peopleB.length) {
      const shared = peopleB.filter((p) => peopleA.has(p)).length;
      score += 0.1 * (shared / Math.min(peopleA.size, peopleB.length));
      weight += 0.1;
      if (shared) reasons.push({ code: 'SAME_PEOPLE', message: localized((m) => m.samePeople(shared)) });
    }
    if (s1 && s2) {
      const apart = Math.abs(days(s1) - days(s2));
      score += 0.05 * (apart <= 62 ? 1 : apart <= 366 ? 0.5 : 0);
      weight += 0.05;
      if (apart <= 62) reasons.push({ code: 'SAME_PERIOD', message: localized((m) => (s1 === s2 ? m.sameStart(s1) : m.startsApart(Math.round(apart)))) });
    }
    // The same words about a different form of work (a course and a study of one subject) are usually two activities.
    const penalty = a.c.kind === b.c.kind ? 0 : KIND_PENALTY;
    if (!penalty) reasons.push({ code: 'SAME_KIND', message: localized((m) => m.sameKind(a.c.kind)) });
    return { a: Math.min(aId, bId), b: Math.max(aId, bId), score: Math.round(Math.max(0, score / weight - penalty) * 1000) / 1000, reasons };
  }

  private relation(m: Messages, x: number, y: number): string {
    const name = (id: number) => this.data.units.get(id)?.name ?? String(id);
    if (x === y) return m.sameUnit(name(x));
    return this.above(x).has(y) ? m.unitInside(name(x), name(y)) : m.unitInside(name(y), name(x));
  }
}

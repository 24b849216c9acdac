import { isContentWord, stem, tokenize, wordRoot } from '../../text/normalize';

/**
 * What each collaboration is really about, inferred per registry without knowing its words in advance.
 *
 * Real registries tag badly (tags missing, too broad, or wrong), so tags are evidence, not truth. The model is a
 * multinomial naive Bayes classifier over the registry's subjects (the topics with no narrower topics), trained
 * with expectation–maximisation on the registry itself:
 *   1. start from the tags (a subject tag counts strongly, a broad theme spreads weakly over its narrower topics)
 *      and from the topic tree's own labels and synonyms found in the text;
 *   2. learn from those starting beliefs which words go with which subject (the registry's own vocabulary:
 *      "nettbrett", "pårørendeskoler"…);
 *   3. classify every collaboration again by its words plus its tags, and repeat.
 * Words shared evenly by all subjects ("samarbeid", "kompetanse") cancel out in the likelihood ratio, and words
 * of the participating units' names are dropped, so neither can make two subjects look alike.
 *
 * Sized for a national registry (a million collaborations, a thousand subjects): a document is a short list of
 * word ids, beliefs keep only the subjects that count for training, and the likelihoods are stored per word as
 * the few subjects that ever saw it (every other subject gives the word its "unseen" likelihood).
 */

export interface SubjectTopic {
  id: number;
  parentId: number | null;
  label: string;
  synonyms: string[];
}

export interface SubjectDocument {
  id: number;
  title: string;
  summary: string | null;
  keywords: string[];
  topicIds: ArrayLike<number>;
  /** Names of the participating units (and their ancestors): not evidence of the subject. */
  unitNames: string[];
}

export interface SubjectResult {
  topicId: number;
  confidence: number;
}

/** The subjects (topics with no narrower topics) at or below each topic. */
export function subjectsUnder(topics: Pick<SubjectTopic, 'id' | 'parentId'>[]): Map<number, number[]> {
  const hasChild = new Set(topics.map((t) => t.parentId).filter((p): p is number => p !== null));
  const parentOf = new Map(topics.map((t) => [t.id, t.parentId]));
  const under = new Map<number, number[]>();
  for (const subject of topics.filter((t) => !hasChild.has(t.id)).map((t) => t.id)) {
    for (let t: number | null = subject; t !== null; t = parentOf.get(t) ?? null) under.set(t, [...(under.get(t) ?? []), subject]);
  }
  return under;
}

/**
 * Topics whose labels are similar to a topic's label: they share at least two content words with it (by wordRoot),
 * or one when either label has only one; not the topic itself, nor any above or below it (those are its own answer
 * or wider). Of similar topics where one is below another, only the upper one is named, since its work includes the
 * lower one's; so the likeness is symmetric, but a lower topic may name one that does not name it back. A taxonomy
 * files one piece of work in one branch: the seed taxonomy has "Psykisk helse og rus" under health and
 * "Arbeidsinkludering ved rus- og psykiske utfordringer" under work and health, and a coordinator who picks the one
 * should learn that Oslo's work is filed under the other. In label order.
 */
export function topicsSimilarByName(topicId: number, topics: ReadonlyMap<number, Pick<SubjectTopic, 'id' | 'parentId' | 'label'>>): number[] {
  const roots = (label: string) => new Set(tokenize(label).filter(isContentWord).map(wordRoot));
  const asked = topics.get(topicId);
  if (!asked) return [];
  const mine = roots(asked.label);
  const isAbove = (above: number, below: number) => {
    for (let t = topics.get(below)?.parentId ?? null; t !== null; t = topics.get(t)?.parentId ?? null) if (t === above) return true;
    return false;
  };
  const similar = [...topics.values()].filter((t) => {
    if (t.id === topicId || isAbove(t.id, topicId) || isAbove(topicId, t.id)) return false;
    const theirs = roots(t.label);
    const needed = Math.min(2, mine.size, theirs.size);
    return needed > 0 && [...mine].filter((w) => theirs.has(w)).length >= needed;
  });
  return similar
    .filter((t) => !similar.some((other) => isAbove(other.id, t.id)))
    .sort((a, b) => a.label.localeCompare(b.label, 'nb') || a.id - b.id)
    .map((t) => t.id);
}

/** Surface words by stem, for messages that show real words rather than stems. */
export function featureWords(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const word of tokenize(text)) if (isContentWord(word) && !out.has(stem(word))) out.set(stem(word), word);
  return out;
}

/** Stems of a unit name, remembered: the same few thousand names recur in every document of a registry. */
const nameStems = new Map<string, string[]>();
function stemsOfName(name: string): string[] {
  let stems = nameStems.get(name);
  if (!stems) {
    stems = tokenize(name).map(stem);
    if (nameStems.size > 50_000) nameStems.clear();
    nameStems.set(name, stems);
  }
  return stems;
}

export function documentFeatures(doc: Pick<SubjectDocument, 'title' | 'summary' | 'keywords' | 'unitNames'>): Map<string, number> {
  const excluded = new Set(doc.unitNames.flatMap(stemsOfName));
  const features = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const word of tokenize(text)) {
      if (!isContentWord(word)) continue;
      const s = stem(word);
      // A unit's name in the genitive ("Bærums", "USNs") names it as much as the name itself.
      if (excluded.has(s) || (word.endsWith('s') && excluded.has(stem(word.slice(0, -1))))) continue;
      features.set(s, (features.get(s) ?? 0) + weight);
    }
  };
  // The title says what the work is about more reliably than the summary's framing sentences.
  add(doc.title, 2);
  add(doc.summary ?? '', 1);
  add(doc.keywords.join(' '), 1);
  return features;
}

const TAG_SUBJECT = 3; // starting belief from a tag naming the subject itself
const TAG_BROAD = 0.5; // from a tag naming a broader theme, per narrower subject
const LEXICON_HIT = 1; // per label or synonym word found in the text
const LOG_TAG_SUBJECT = 2; // log-odds a subject tag adds when classifying
const LOG_TAG_BROAD = 0.5;
const SMOOTHING = 0.1;
const ITERATIONS = 2;
/** Beliefs below this take no part in fitting the model; they are not kept. */
const FIT_FLOOR = 0.05;
/** Log-odds below the best subject's beyond which a subject's probability is taken as 0. */
const NEGLIGIBLE = -40;
/** Documents between two turns of the event loop while training: a server goes on answering meanwhile. */
const YIELD_EVERY = 2000;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The documents of a registry as training reads them: per document its word ids and counts and its tags, in flat
 * arrays (a million documents are tens of megabytes, not gigabytes of maps).
 */
export class Corpus {
  readonly vocabulary = new Map<string, number>();
  private words = new Int32Array(1 << 16);
  private counts = new Float32Array(1 << 16);
  private tags = new Int32Array(1 << 12);
  /** Where each document's words and tags start (document d: [starts[d], starts[d + 1])). */
  wordStarts: number[] = [0];
  tagStarts: number[] = [0];

  get size(): number {
    return this.wordStarts.length - 1;
  }

  add(features: Map<string, number>, topicIds: ArrayLike<number>): void {
    let w = this.wordStarts[this.wordStarts.length - 1]!;
    if (w + features.size > this.words.length) [this.words, this.counts] = [grow(this.words, w + features.size), grow(this.counts, w + features.size)];
    for (const [word, n] of features) {
      let id = this.vocabulary.get(word);
      if (id === undefined) this.vocabulary.set(word, (id = this.vocabulary.size));
      this.words[w] = id;
      this.counts[w++] = n;
    }
    this.wordStarts.push(w);
    let t = this.tagStarts[this.tagStarts.length - 1]!;
    if (t + topicIds.length > this.tags.length) this.tags = grow(this.tags, t + topicIds.length);
    for (let i = 0; i < topicIds.length; i++) this.tags[t++] = topicIds[i]!;
    this.tagStarts.push(t);
  }

  /** Word ids and counts of all documents (document d's at wordStarts[d] up to wordStarts[d + 1]). */
  get allWords(): Int32Array {
    return this.words;
  }

  get allCounts(): Float32Array {
    return this.counts;
  }

  tagsOf(d: number): Int32Array {
    return this.tags.subarray(this.tagStarts[d]!, this.tagStarts[d + 1]!);
  }
}

/**
 * Each document's beliefs that take part in fitting (probability at least FIT_FLOOR): subject indices ascending
 * and their probabilities, in flat arrays.
 */
class Beliefs {
  private subjects = new Int32Array(1 << 16);
  private p = new Float64Array(1 << 16);
  readonly starts: number[] = [0];

  /** Keeps the beliefs of the next document: weights (to be divided by sum) of the listed subjects, from a reused buffer. */
  push(weights: Float64Array, sum: number, listed: Int32Array, count: number): void {
    let k = this.starts[this.starts.length - 1]!;
    if (k + count > this.subjects.length) [this.subjects, this.p] = [grow(this.subjects, k + count), grow(this.p, k + count)];
    for (let j = 0; j < count; j++) {
      const p = weights[listed[j]!]! / sum;
      if (p < FIT_FLOOR) continue;
      this.subjects[k] = listed[j]!;
      this.p[k++] = p;
    }
    this.starts.push(k);
  }

  get allSubjects(): Int32Array {
    return this.subjects;
  }

  get allP(): Float64Array {
    return this.p;
  }
}

function grow<T extends Int32Array | Float32Array | Float64Array>(array: T, needed: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(needed, Math.ceil(array.length * 1.5)));
  bigger.set(array);
  return bigger;
}

/**
 * How documents are read as words (documentFeatures): a model trained under another reading classifies with words
 * it never saw and misses words it relied on, so an analysis built by an older version is rebuilt (2: function
 * words, units' short names and genitives left out).
 */
export const FEATURES_VERSION = 2;

/**
 * A trained model as stored between processes (analysis_model): per word, the subjects that saw it and how much
 * more likely it is with each than unseen.
 */
interface StoredModel {
  /** FEATURES_VERSION when it was trained; absent: 1. */
  features?: number;
  subjects: number[];
  subjectsUnder: [number, number[]][];
  vocabulary: string[];
  logPrior: number[];
  logUnseen: number[];
  seen: { subjects: number[]; gain: number[] }[];
}

export class SubjectModel {
  readonly subjects: number[];
  private readonly subjectsUnder: Map<number, number[]>;
  private readonly indexOf: Map<number, number>;
  private readonly vocabulary = new Map<string, number>();
  private logPrior = new Float64Array(0);
  /** log P(a word | subject s) for a word s never saw with it (smoothed). */
  private logUnseen = new Float64Array(0);
  /** Per word id: the subjects that saw it, and log P(word | s) − logUnseen[s] for each. */
  private seenBy: Int32Array[] = [];
  private gain: Float64Array[] = [];
  /** The same gains by subject (0: unseen) for words most subjects saw, which one tight loop adds fastest. */
  private dense: (Float64Array | null)[] = [];

  private constructor(subjects: number[], under: Map<number, number[]>) {
    this.subjects = subjects;
    this.subjectsUnder = under;
    this.indexOf = new Map(subjects.map((s, i) => [s, i]));
  }

  private static untrained(topics: SubjectTopic[]): SubjectModel {
    const hasChild = new Set(topics.map((t) => t.parentId).filter((p): p is number => p !== null));
    return new SubjectModel(topics.filter((t) => !hasChild.has(t.id)).map((t) => t.id), subjectsUnder(topics));
  }

  /** The model as text, to be read back by `fromJson` in any process: identical classifications. */
  toJson(): string {
    const stored: StoredModel = {
      // First, so that its version is read from the head of the text (storedFeaturesVersion).
      features: FEATURES_VERSION,
      subjects: this.subjects,
      subjectsUnder: [...this.subjectsUnder],
      vocabulary: [...this.vocabulary.keys()],
      logPrior: [...this.logPrior],
      logUnseen: [...this.logUnseen],
      seen: this.seenBy.map((subjects, w) => ({ subjects: [...subjects], gain: [...this.gain[w]!] })),
    };
    return JSON.stringify(stored);
  }

  static fromJson(text: string): SubjectModel {
    const stored = JSON.parse(text) as StoredModel;
    const model = new SubjectModel(stored.subjects, new Map(stored.subjectsUnder));
    stored.vocabulary.forEach((word, id) => model.vocabulary.set(word, id));
    model.logPrior = Float64Array.from(stored.logPrior);
    model.logUnseen = Float64Array.from(stored.logUnseen);
    model.seenBy = stored.seen.map((s) => Int32Array.from(s.subjects));
    model.gain = stored.seen.map((s) => Float64Array.from(s.gain));
    model.densify();
    return model;
  }

  /**
   * Trains on the registry's own collaborations (the corpus, in document order) and returns the model with each
   * document's subject, as the index of its subject in `subjects` and its confidence (-1 and 0 when there is none).
   */
  static async train(topics: SubjectTopic[], corpus: Corpus): Promise<{ model: SubjectModel; best: Int32Array; confidence: Float64Array }> {
    const model = SubjectModel.untrained(topics);
    const n = corpus.size;
    const best = new Int32Array(n).fill(-1);
    const confidence = new Float64Array(n);
    if (!model.subjects.length) return { model, best, confidence };
    corpus.vocabulary.forEach((id, word) => model.vocabulary.set(word, id));
    const lexicon = new Map<number, number[]>();
    for (const t of topics) {
      const i = model.indexOf.get(t.id);
      if (i === undefined) continue;
      for (const word of new Set(tokenize([t.label, ...t.synonyms].join(' ')).filter(isContentWord).map(stem))) {
        const id = corpus.vocabulary.get(word);
        if (id !== undefined) lexicon.set(id, [...(lexicon.get(id) ?? []), i]);
      }
    }
    const subjects = model.subjects.length;
    const score = new Float64Array(subjects);
    const all = Int32Array.from({ length: subjects }, (_, s) => s);
    const listed = new Int32Array(subjects);
    const words = corpus.allWords;
    let beliefs = new Beliefs();
    for (let d = 0; d < n; d++) {
      score.fill(1e-3);
      model.forTags(corpus.tagsOf(d), (i, exact) => (score[i]! += exact ? TAG_SUBJECT : TAG_BROAD));
      for (let k = corpus.wordStarts[d]!; k < corpus.wordStarts[d + 1]!; k++) for (const i of lexicon.get(words[k]!) ?? []) score[i]! += LEXICON_HIT;
      let sum = 0;
      for (let s = 0; s < subjects; s++) sum += score[s]!;
      beliefs.push(score, sum, all, subjects);
      if (d % YIELD_EVERY === 0) await yieldToEventLoop();
    }
    for (let round = 0; round < ITERATIONS; round++) {
      model.fit(corpus, beliefs);
      // Fitted: the old beliefs are not needed while the new ones are computed.
      beliefs = new Beliefs();
      const next = beliefs;
      for (let d = 0; d < n; d++) {
        const { sum, count } = model.posterior(words, corpus.allCounts, corpus.wordStarts[d]!, corpus.wordStarts[d + 1]!, corpus.tagsOf(d), score, listed);
        if (round === ITERATIONS - 1) [best[d], confidence[d]] = argmax(score, sum, listed, count);
        else next.push(score, sum, listed, count);
        if (d % YIELD_EVERY === 0) await yieldToEventLoop();
      }
    }
    return { model, best, confidence };
  }

  /** Classifies one (new or changed) collaboration with the trained model, without retraining. */
  classify(doc: SubjectDocument): SubjectResult | null {
    return this.classifyFeatures(documentFeatures(doc), doc.topicIds);
  }

  /** The same, from the document's features and tags. */
  classifyFeatures(features: Map<string, number>, topicIds: ArrayLike<number>): SubjectResult | null {
    if (!this.subjects.length) return null;
    const ids = new Int32Array(features.size);
    const counts = new Float64Array(features.size);
    let i = 0;
    for (const [word, n] of features) {
      ids[i] = this.vocabulary.get(word) ?? -1;
      counts[i++] = n;
    }
    const weights = new Float64Array(this.subjects.length);
    const listed = new Int32Array(this.subjects.length);
    const { sum, count } = this.posterior(ids, counts, 0, ids.length, topicIds, weights, listed);
    const [index, confidence] = argmax(weights, sum, listed, count);
    return { topicId: this.subjects[index]!, confidence };
  }

  /** How strongly a word stem points to a subject rather than to the others (log-likelihood ratio). */
  specificity(subject: number, feature: string): number {
    const s = this.indexOf.get(subject);
    const id = this.vocabulary.get(feature);
    if (s === undefined || id === undefined) return 0;
    const ll = new Float64Array(this.logUnseen);
    const seen = this.seenBy[id]!;
    for (let k = 0; k < seen.length; k++) ll[seen[k]!]! += this.gain[id]![k]!;
    let others = 0;
    for (let i = 0; i < this.subjects.length; i++) if (i !== s) others += Math.exp(ll[i]!);
    return ll[s]! - Math.log(others / Math.max(1, this.subjects.length - 1));
  }

  /** Subjects at or below a topic (a subject itself, or every subject under a broad theme). */
  subjectsAt(topicId: number): number[] {
    return this.subjectsUnder.get(topicId) ?? [];
  }

  /** Calls `visit` with the index of each subject a tag points to, and whether the tag names it exactly. */
  private forTags(topicIds: ArrayLike<number>, visit: (subjectIndex: number, exact: boolean) => void): void {
    for (let t = 0; t < topicIds.length; t++) {
      const tag = topicIds[t]!;
      const under = this.subjectsAt(tag);
      for (const subject of under) visit(this.indexOf.get(subject)!, under.length === 1 && subject === tag);
    }
  }

  private fit(corpus: Corpus, beliefs: Beliefs): void {
    const subjects = this.subjects.length;
    const v = this.vocabulary.size;
    const counts = Array.from({ length: subjects }, () => new Float64Array(v));
    const totals = new Float64Array(subjects);
    const mass = new Float64Array(subjects);
    const [ids, n, believed, p] = [corpus.allWords, corpus.allCounts, beliefs.allSubjects, beliefs.allP];
    const documents = corpus.size;
    for (let d = 0; d < documents; d++) {
      for (let k = beliefs.starts[d]!; k < beliefs.starts[d + 1]!; k++) {
        const s = believed[k]!;
        mass[s]! += p[k]!;
        const c = counts[s]!;
        for (let i = corpus.wordStarts[d]!; i < corpus.wordStarts[d + 1]!; i++) {
          c[ids[i]!]! += p[k]! * n[i]!;
          totals[s]! += p[k]! * n[i]!;
        }
      }
    }
    this.logPrior = new Float64Array(subjects);
    this.logUnseen = new Float64Array(subjects);
    const seenBy: number[][] = Array.from({ length: v }, () => []);
    const gain: number[][] = Array.from({ length: v }, () => []);
    for (let s = 0; s < subjects; s++) {
      const denominator = totals[s]! + SMOOTHING * v;
      this.logPrior[s] = Math.log((mass[s]! + 1) / (documents + subjects));
      this.logUnseen[s] = Math.log(SMOOTHING / denominator);
      const c = counts[s]!;
      for (let w = 0; w < v; w++) {
        if (c[w] === 0) continue;
        seenBy[w]!.push(s);
        gain[w]!.push(Math.log((c[w]! + SMOOTHING) / denominator) - this.logUnseen[s]!);
      }
    }
    this.seenBy = seenBy.map((list) => Int32Array.from(list));
    this.gain = gain.map((list) => Float64Array.from(list));
    this.densify();
  }

  private densify(): void {
    const subjects = this.subjects.length;
    this.dense = this.seenBy.map((seen, w) => {
      if (seen.length * 4 < subjects) return null;
      const gains = new Float64Array(subjects);
      for (let k = 0; k < seen.length; k++) gains[seen[k]!] = this.gain[w]![k]!;
      return gains;
    });
  }

  /**
   * The posterior over subjects of one document (its words at [from, to) of ids and counts): `out` gets each
   * subject's weight, to be divided by the returned sum; the subjects of non-zero weight, ascending, are the first
   * `count` of `nonZero`.
   */
  private posterior(
    ids: Int32Array,
    counts: Float32Array | Float64Array,
    from: number,
    to: number,
    topicIds: ArrayLike<number>,
    out: Float64Array,
    nonZero: Int32Array,
  ): { sum: number; count: number } {
    // The hottest loop of a rebuild (documents × subjects × rounds): fields read once into locals, tags added inline.
    const n = out.length;
    const { logPrior, logUnseen, dense, seenBy, gain } = this;
    let total = 0;
    for (let i = from; i < to; i++) total += counts[i]!;
    for (let s = 0; s < n; s++) out[s] = logPrior[s]! + total * logUnseen[s]!;
    for (let i = from; i < to; ) {
      const w = ids[i]!;
      if (w < 0) {
        i += 1;
        continue;
      }
      const c = counts[i]!;
      const row = dense[w];
      if (!row) {
        const seen = seenBy[w]!;
        const g = gain[w]!;
        for (let k = 0; k < seen.length; k++) out[seen[k]!]! += c * g[k]!;
        i += 1;
        continue;
      }
      // Up to four dense words in a row are added in one pass over the subjects, in the same order per subject as
      // one pass each (so the sums are the same to the last bit), reading and writing each subject's sum once.
      const next = (j: number) => (j < to && ids[j]! >= 0 ? dense[ids[j]!] : null);
      const r1 = next(i + 1);
      const r2 = r1 && next(i + 2);
      const r3 = r2 && next(i + 3);
      if (r3) {
        const [c1, c2, c3] = [counts[i + 1]!, counts[i + 2]!, counts[i + 3]!];
        for (let s = 0; s < n; s++) out[s] = out[s]! + c * row[s]! + c1 * r1![s]! + c2 * r2![s]! + c3 * r3[s]!;
        i += 4;
      } else if (r2) {
        const [c1, c2] = [counts[i + 1]!, counts[i + 2]!];
        for (let s = 0; s < n; s++) out[s] = out[s]! + c * row[s]! + c1 * r1![s]! + c2 * r2[s]!;
        i += 3;
      } else if (r1) {
        const c1 = counts[i + 1]!;
        for (let s = 0; s < n; s++) out[s] = out[s]! + c * row[s]! + c1 * r1[s]!;
        i += 2;
      } else {
        for (let s = 0; s < n; s++) out[s]! += c * row[s]!;
        i += 1;
      }
    }
    for (let t = 0; t < topicIds.length; t++) {
      const tag = topicIds[t]!;
      const under = this.subjectsAt(tag);
      for (const subject of under) out[this.indexOf.get(subject)!]! += under.length === 1 && subject === tag ? LOG_TAG_SUBJECT : LOG_TAG_BROAD;
    }
    let max = -Infinity;
    for (let s = 0; s < n; s++) if (out[s]! > max) max = out[s]!;
    let sum = 0;
    let count = 0;
    for (let s = 0; s < n; s++) {
      // A subject this far below the best weighs less than 1e-17 of it: taken as 0, which spares most exp() calls.
      const d = out[s]! - max;
      if (d > NEGLIGIBLE) {
        const e = Math.exp(d);
        out[s] = e;
        sum += e;
        nonZero[count++] = s;
      } else out[s] = 0;
    }
    return { sum, count };
  }
}

/** The most likely of the listed subjects (the first of equals) and its probability. */
function argmax(weights: Float64Array, sum: number, listed: Int32Array, count: number): [number, number] {
  let best = listed[0]!;
  for (let k = 1; k < count; k++) if (weights[listed[k]!]! > weights[best]!) best = listed[k]!;
  return [best, weights[best]! / sum];
}

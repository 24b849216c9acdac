import { tokenize } from '../../text/normalize';

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
  topicIds: number[];
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
 * A trained model as stored between processes (analysis_model): log-likelihoods only where they differ from the
 * subject's value for unseen words, which they equal exactly wherever a subject never saw the word.
 */
interface StoredModel {
  subjects: number[];
  subjectsUnder: [number, number[]][];
  vocabulary: string[];
  logPrior: number[];
  logUnseen: number[];
  seen: { ids: number[]; logLikelihood: number[] }[];
}

/** Word stems: the first six letters cover Norwegian inflection (barnehage/barnehagen/barnehagene). */
const STEM = 6;
const stem = (word: string): string => word.slice(0, STEM);

/** Surface words by stem, for messages that show real words rather than stems. */
export function featureWords(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const word of tokenize(text)) if (word.length > 2 && !/^\d+$/.test(word) && !out.has(stem(word))) out.set(stem(word), word);
  return out;
}

export function documentFeatures(doc: Pick<SubjectDocument, 'title' | 'summary' | 'keywords' | 'unitNames'>): Map<string, number> {
  const excluded = new Set(doc.unitNames.flatMap((name) => tokenize(name).map(stem)));
  const features = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const word of tokenize(text)) {
      if (word.length <= 2 || /^\d+$/.test(word)) continue;
      const s = stem(word);
      if (excluded.has(s)) continue;
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

/** A document as parallel arrays of word ids and counts (-1: a word the model has never seen). */
interface Encoded {
  ids: Int32Array;
  counts: Float64Array;
}

export class SubjectModel {
  readonly subjects: number[];
  private readonly subjectsUnder: Map<number, number[]>;
  private readonly vocabulary = new Map<string, number>();
  private logPrior = new Float64Array(0);
  /** logLikelihood[s][word id]: log P(word | subject s), smoothed. */
  private logLikelihood: Float64Array[] = [];
  private logUnseen = new Float64Array(0);

  private constructor(subjects: number[], under: Map<number, number[]>) {
    this.subjects = subjects;
    this.subjectsUnder = under;
  }

  private static untrained(topics: SubjectTopic[]): SubjectModel {
    const hasChild = new Set(topics.map((t) => t.parentId).filter((p): p is number => p !== null));
    return new SubjectModel(topics.filter((t) => !hasChild.has(t.id)).map((t) => t.id), subjectsUnder(topics));
  }

  /** The model as text, to be read back by `fromJson` in any process: identical classifications. */
  toJson(): string {
    const stored: StoredModel = {
      subjects: this.subjects,
      subjectsUnder: [...this.subjectsUnder],
      vocabulary: [...this.vocabulary.keys()],
      logPrior: [...this.logPrior],
      logUnseen: [...this.logUnseen],
      seen: this.logLikelihood.map((ll, s) => {
        const ids: number[] = [];
        const values: number[] = [];
        ll.forEach((value, id) => {
          if (value !== this.logUnseen[s]) {
            ids.push(id);
            values.push(value);
          }
        });
        return { ids, logLikelihood: values };
      }),
    };
    return JSON.stringify(stored);
  }

  static fromJson(text: string): SubjectModel {
    const stored = JSON.parse(text) as StoredModel;
    const model = new SubjectModel(stored.subjects, new Map(stored.subjectsUnder));
    stored.vocabulary.forEach((word, id) => model.vocabulary.set(word, id));
    model.logPrior = Float64Array.from(stored.logPrior);
    model.logUnseen = Float64Array.from(stored.logUnseen);
    model.logLikelihood = stored.seen.map(({ ids, logLikelihood }, s) => {
      const ll = new Float64Array(stored.vocabulary.length).fill(stored.logUnseen[s]!);
      ids.forEach((id, i) => (ll[id] = logLikelihood[i]!));
      return ll;
    });
    return model;
  }

  /** Trains on the registry's own collaborations and returns the model with every document's subject. */
  static train(topics: SubjectTopic[], documents: SubjectDocument[]): { model: SubjectModel; results: Map<number, SubjectResult> } {
    const model = SubjectModel.untrained(topics);
    const features = documents.map((d) => documentFeatures(d));
    if (!model.subjects.length) return { model, results: new Map() };
    for (const f of features) for (const word of f.keys()) if (!model.vocabulary.has(word)) model.vocabulary.set(word, model.vocabulary.size);
    const encoded = features.map((f) => model.encode(f));
    const index = new Map(model.subjects.map((s, i) => [s, i]));
    const lexicon = topics
      .filter((t) => index.has(t.id))
      .map((t) => ({ i: index.get(t.id)!, words: new Set(tokenize([t.label, ...t.synonyms].join(' ')).filter((w) => w.length > 2).map(stem)) }));
    let beliefs = documents.map((doc, d) => {
      const score = new Float64Array(model.subjects.length).fill(1e-3);
      model.forTags(doc.topicIds, (i, exact) => (score[i]! += exact ? TAG_SUBJECT : TAG_BROAD));
      for (const word of features[d]!.keys()) for (const { i, words } of lexicon) if (words.has(word)) score[i]! += LEXICON_HIT;
      return normalise(score);
    });
    for (let round = 0; round < ITERATIONS; round++) {
      model.fit(encoded, beliefs);
      beliefs = documents.map((doc, d) => model.posterior(encoded[d]!, doc.topicIds));
    }
    const results = new Map<number, SubjectResult>();
    documents.forEach((doc, d) => results.set(doc.id, model.best(beliefs[d]!)));
    return { model, results };
  }

  /** Classifies one (new or changed) collaboration with the trained model, without retraining. */
  classify(doc: SubjectDocument): SubjectResult | null {
    if (!this.subjects.length) return null;
    return this.best(this.posterior(this.encode(documentFeatures(doc)), doc.topicIds));
  }

  /** How strongly a word stem points to a subject rather than to the others (log-likelihood ratio). */
  specificity(subject: number, feature: string): number {
    const s = this.subjects.indexOf(subject);
    const id = this.vocabulary.get(feature);
    if (s < 0 || id === undefined) return 0;
    let others = 0;
    for (let i = 0; i < this.subjects.length; i++) if (i !== s) others += Math.exp(this.logLikelihood[i]![id]!);
    return this.logLikelihood[s]![id]! - Math.log(others / Math.max(1, this.subjects.length - 1));
  }

  /** Subjects at or below a topic (a subject itself, or every subject under a broad theme). */
  subjectsAt(topicId: number): number[] {
    return this.subjectsUnder.get(topicId) ?? [];
  }

  private encode(features: Map<string, number>): Encoded {
    const ids = new Int32Array(features.size);
    const counts = new Float64Array(features.size);
    let i = 0;
    for (const [word, n] of features) {
      ids[i] = this.vocabulary.get(word) ?? -1;
      counts[i++] = n;
    }
    return { ids, counts };
  }

  /** Calls `visit` with the index of each subject a tag points to, and whether the tag names it exactly. */
  private forTags(topicIds: number[], visit: (subjectIndex: number, exact: boolean) => void): void {
    for (const tag of topicIds) {
      const under = this.subjectsAt(tag);
      for (const subject of under) visit(this.subjects.indexOf(subject), under.length === 1 && subject === tag);
    }
  }

  private fit(encoded: Encoded[], beliefs: Float64Array[]): void {
    const subjects = this.subjects.length;
    const v = this.vocabulary.size;
    const counts = Array.from({ length: subjects }, () => new Float64Array(v));
    const totals = new Float64Array(subjects);
    const mass = new Float64Array(subjects);
    encoded.forEach(({ ids, counts: n }, d) => {
      const belief = beliefs[d]!;
      for (let s = 0; s < subjects; s++) {
        const p = belief[s]!;
        if (p < 0.05) continue;
        mass[s]! += p;
        const c = counts[s]!;
        for (let i = 0; i < ids.length; i++) {
          c[ids[i]!]! += p * n[i]!;
          totals[s]! += p * n[i]!;
        }
      }
    });
    this.logPrior = new Float64Array(subjects);
    this.logUnseen = new Float64Array(subjects);
    this.logLikelihood = counts.map((c, s) => {
      const denominator = totals[s]! + SMOOTHING * v;
      this.logPrior[s] = Math.log((mass[s]! + 1) / (encoded.length + subjects));
      this.logUnseen[s] = Math.log(SMOOTHING / denominator);
      return c.map((n) => Math.log((n + SMOOTHING) / denominator));
    });
  }

  private posterior({ ids, counts }: Encoded, topicIds: number[]): Float64Array {
    const subjects = this.subjects.length;
    const log = new Float64Array(subjects);
    for (let s = 0; s < subjects; s++) {
      const ll = this.logLikelihood[s]!;
      let score = this.logPrior[s]!;
      for (let i = 0; i < ids.length; i++) score += counts[i]! * (ids[i]! >= 0 ? ll[ids[i]!]! : this.logUnseen[s]!);
      log[s] = score;
    }
    this.forTags(topicIds, (i, exact) => (log[i]! += exact ? LOG_TAG_SUBJECT : LOG_TAG_BROAD));
    let max = -Infinity;
    for (const l of log) if (l > max) max = l;
    return normalise(log.map((l) => Math.exp(l - max)));
  }

  private best(posterior: Float64Array): { topicId: number; confidence: number } {
    let best = 0;
    for (let s = 1; s < posterior.length; s++) if (posterior[s]! > posterior[best]!) best = s;
    return { topicId: this.subjects[best]!, confidence: posterior[best]! };
  }
}

function normalise(scores: Float64Array): Float64Array {
  let sum = 0;
  for (const v of scores) sum += v;
  return scores.map((v) => v / sum);
}

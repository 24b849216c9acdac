import { tokenize } from '../../common/text';

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
  /** The document's features, kept for explaining matches. */
  features: Map<string, number>;
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

export class SubjectModel {
  readonly subjects: number[];
  private readonly subjectsUnder = new Map<number, number[]>();
  private readonly logPrior = new Map<number, number>();
  private readonly logLikelihood = new Map<number, Map<string, number>>();
  private readonly logUnseen = new Map<number, number>();

  private constructor(topics: SubjectTopic[]) {
    const hasChild = new Set(topics.map((t) => t.parentId).filter((p): p is number => p !== null));
    this.subjects = topics.filter((t) => !hasChild.has(t.id)).map((t) => t.id);
    const parentOf = new Map(topics.map((t) => [t.id, t.parentId]));
    for (const subject of this.subjects) {
      for (let t: number | null = subject; t !== null; t = parentOf.get(t) ?? null) {
        this.subjectsUnder.set(t, [...(this.subjectsUnder.get(t) ?? []), subject]);
      }
    }
  }

  /** Trains on the registry's own collaborations and returns the model with every document's subject. */
  static train(topics: SubjectTopic[], documents: SubjectDocument[]): { model: SubjectModel; results: Map<number, SubjectResult> } {
    const model = new SubjectModel(topics);
    const features = new Map(documents.map((d) => [d.id, documentFeatures(d)]));
    if (!model.subjects.length) return { model, results: new Map() };
    const lexicon = new Map(
      topics.filter((t) => model.subjects.includes(t.id)).map((t) => [t.id, new Set(tokenize([t.label, ...t.synonyms].join(' ')).filter((w) => w.length > 2).map(stem))]),
    );
    let beliefs = new Map<number, Map<number, number>>();
    for (const doc of documents) {
      const score = new Map(model.subjects.map((s) => [s, 1e-3]));
      model.forTags(doc.topicIds, (subject, exact) => score.set(subject, score.get(subject)! + (exact ? TAG_SUBJECT : TAG_BROAD)));
      for (const [feature] of features.get(doc.id)!) {
        for (const [subject, words] of lexicon) if (words.has(feature)) score.set(subject, score.get(subject)! + LEXICON_HIT);
      }
      beliefs.set(doc.id, normalise(score));
    }
    for (let i = 0; i < ITERATIONS; i++) {
      model.fit(documents, features, beliefs);
      beliefs = new Map(documents.map((doc) => [doc.id, model.posterior(features.get(doc.id)!, doc.topicIds)]));
    }
    const results = new Map<number, SubjectResult>();
    for (const doc of documents) results.set(doc.id, { ...best(beliefs.get(doc.id)!), features: features.get(doc.id)! });
    return { model, results };
  }

  /** Classifies one (new or changed) collaboration with the trained model, without retraining. */
  classify(doc: SubjectDocument): SubjectResult | null {
    if (!this.subjects.length) return null;
    const features = documentFeatures(doc);
    return { ...best(this.posterior(features, doc.topicIds)), features };
  }

  /** How strongly a word stem points to a subject rather than to the others (log-likelihood ratio). */
  specificity(subject: number, feature: string): number {
    const own = this.logLikelihood.get(subject)?.get(feature) ?? this.logUnseen.get(subject)!;
    let others = 0;
    for (const s of this.subjects) if (s !== subject) others += Math.exp(this.logLikelihood.get(s)?.get(feature) ?? this.logUnseen.get(s)!);
    return own - Math.log(others / Math.max(1, this.subjects.length - 1));
  }

  /** Subjects at or below a topic (a subject itself, or every subject under a broad theme). */
  subjectsAt(topicId: number): number[] {
    return this.subjectsUnder.get(topicId) ?? [];
  }

  private forTags(topicIds: number[], visit: (subject: number, exact: boolean) => void): void {
    for (const tag of topicIds) {
      const under = this.subjectsAt(tag);
      for (const subject of under) visit(subject, under.length === 1 && subject === tag);
    }
  }

  private fit(documents: SubjectDocument[], features: Map<number, Map<string, number>>, beliefs: Map<number, Map<number, number>>): void {
    const counts = new Map(this.subjects.map((s) => [s, new Map<string, number>()]));
    const totals = new Map(this.subjects.map((s) => [s, 0]));
    const mass = new Map(this.subjects.map((s) => [s, 0]));
    const vocabulary = new Set<string>();
    for (const doc of documents) {
      const f = features.get(doc.id)!;
      for (const feature of f.keys()) vocabulary.add(feature);
      for (const [subject, p] of beliefs.get(doc.id)!) {
        if (p < 0.05) continue;
        mass.set(subject, mass.get(subject)! + p);
        const c = counts.get(subject)!;
        for (const [feature, n] of f) {
          c.set(feature, (c.get(feature) ?? 0) + p * n);
          totals.set(subject, totals.get(subject)! + p * n);
        }
      }
    }
    const v = vocabulary.size;
    for (const subject of this.subjects) {
      this.logPrior.set(subject, Math.log((mass.get(subject)! + 1) / (documents.length + this.subjects.length)));
      const denominator = totals.get(subject)! + SMOOTHING * v;
      const ll = new Map<string, number>();
      for (const [feature, n] of counts.get(subject)!) ll.set(feature, Math.log((n + SMOOTHING) / denominator));
      this.logLikelihood.set(subject, ll);
      this.logUnseen.set(subject, Math.log(SMOOTHING / denominator));
    }
  }

  private posterior(features: Map<string, number>, topicIds: number[]): Map<number, number> {
    const log = new Map<number, number>();
    for (const subject of this.subjects) {
      const ll = this.logLikelihood.get(subject)!;
      const unseen = this.logUnseen.get(subject)!;
      let score = this.logPrior.get(subject)!;
      for (const [feature, n] of features) score += n * (ll.get(feature) ?? unseen);
      log.set(subject, score);
    }
    this.forTags(topicIds, (subject, exact) => log.set(subject, log.get(subject)! + (exact ? LOG_TAG_SUBJECT : LOG_TAG_BROAD)));
    const max = Math.max(...log.values());
    return normalise(new Map([...log].map(([s, l]) => [s, Math.exp(l - max)])));
  }
}

function normalise(scores: Map<number, number>): Map<number, number> {
  let sum = 0;
  for (const v of scores.values()) sum += v;
  return new Map([...scores].map(([k, v]) => [k, v / sum]));
}

function best(posterior: Map<number, number>): { topicId: number; confidence: number } {
  let topicId = -1;
  let confidence = -1;
  for (const [s, p] of posterior) if (p > confidence) [topicId, confidence] = [s, p];
  return { topicId, confidence };
}

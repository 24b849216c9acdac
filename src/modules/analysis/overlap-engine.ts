import { Status } from '../collaborations/collaboration.enums';
import { ACollaboration, AnalysisData, ATopic, AUnit, subjectDocument } from './analysis.data';
import { CollaborationFacts, RecordFacts } from './analysis.facts';
import { documentFeatures, featureWords, SubjectModel } from './subject-model';
import { AnalysisMessages } from './analysis.messages';

export type ReasonCode = 'SHARED_UNIT' | 'CONTAINED_UNIT' | 'SAME_TOPIC' | 'RELATED_TOPIC' | 'SIMILAR_TEXT' | 'PERIOD_OVERLAP';

export interface OverlapReason {
  code: ReasonCode;
  message: string;
}

/** A flagged pair, stored with a.id < b.id. */
export interface OverlapPair {
  a: number;
  b: number;
  topicId: number;
  score: number;
  sharedUnitIds: number[];
  sharedTopicIds: number[];
  periodStart: string | null;
  periodEnd: string | null;
}

/** A unit of a collaboration's municipal ground: one it names (own), or one above those. */
export interface GroundUnit {
  unitId: number;
  own: boolean;
}

/** Each collaboration's inferred subject: its topic id (-1: none) and the confidence of it. */
export interface Subjects {
  topic(id: number): number;
  confidence(id: number): number;
}

/** Subjects held in a map (a write's neighbourhood). */
export function subjectsOf(map: Map<number, { topicId: number; confidence: number }>): Subjects {
  return { topic: (id) => map.get(id)?.topicId ?? -1, confidence: (id) => map.get(id)?.confidence ?? 0 };
}

const MAX_EVIDENCE_WORDS = 4;
/** Index keys (subject, unit) as one number: unit ids stay below 2^21 (two million units), topic ids below 2^31. */
const UNIT_SPAN = 2 ** 21;

/**
 * Finds the flagged overlaps (the definition in README "Overlap detection") without comparing all pairs:
 * every collaboration is indexed under (subject, municipal unit) twice, once for the units it names and once for
 * every unit above them, so the collaborations whose municipal ground is, contains or lies inside one's own are
 * found by a few look-ups. A full build holds that index in memory (`pairs`); incremental maintenance keeps the
 * same index as the table analysis_ground and evaluates only the pairs it finds there (`pairBetween`).
 */
export class OverlapEngine {
  private readonly ancestors = new Map<number, number[]>();
  /**
   * The ground index of a full build: one entry per (subject, unit, collaboration) sorted by (subject, unit) and
   * then collaboration id, in flat arrays (a million collaborations make a few million entries).
   */
  private index: { keys: Float64Array; ids: Int32Array; own: Uint8Array } | null = null;
  comparisons = 0;

  constructor(
    private readonly facts: CollaborationFacts,
    private readonly units: Map<number, AUnit>,
    private readonly topics: Map<number, ATopic>,
    private readonly model: SubjectModel,
    readonly subjects: Subjects,
  ) {}

  /** An engine over records (a neighbourhood, or a pair to explain). */
  static over(data: AnalysisData, model: SubjectModel, subjects: Subjects): OverlapEngine {
    return new OverlapEngine(new RecordFacts(data), data.units, data.topics, model, subjects);
  }

  /** Every flagged pair among these collaborations (ascending ids), each once (a < b), as they are found. */
  *pairs(ids: ArrayLike<number>): Generator<OverlapPair> {
    this.buildIndex(ids);
    const candidates = new Set<number>();
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      this.candidatesInto(id, candidates);
      for (const other of candidates) {
        if (other <= id) continue;
        const pair = this.pairBetween(id, other);
        if (pair) yield pair;
      }
    }
    this.index = null;
  }

  private buildIndex(ids: ArrayLike<number>): void {
    let keys = new Float64Array(1 << 16);
    let entries = new Int32Array(1 << 16);
    let own = new Uint8Array(1 << 16);
    let n = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const subject = this.indexable(id);
      if (subject === null) continue;
      for (const g of this.groundOf(id)) {
        if (g.unitId >= UNIT_SPAN) throw new Error(`unit id ${g.unitId} is beyond what the overlap index holds (${UNIT_SPAN})`);
        if (n === keys.length) [keys, entries, own] = [grown(keys), grown(entries), grown(own)];
        keys[n] = subject * UNIT_SPAN + g.unitId;
        entries[n] = id;
        own[n++] = g.own ? 1 : 0;
      }
    }
    // Entries were made in id order: a stable sort by key keeps each key's collaborations in that order.
    const order = Array.from({ length: n }, (_, k) => k).sort((x, y) => keys[x]! - keys[y]! || x - y);
    this.index = { keys: Float64Array.from(order, (k) => keys[k]!), ids: Int32Array.from(order, (k) => entries[k]!), own: Uint8Array.from(order, (k) => own[k]!) };
  }

  /** Where a key's entries start in the sorted index. */
  private firstOf(key: number): number {
    const keys = this.index!.keys;
    let [lo, hi] = [0, keys.length];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The collaborations indexed under a key: all of them, or only those naming the unit itself. */
  private forKey(key: number, ownOnly: boolean, into: Set<number>): void {
    const { keys, ids, own } = this.index!;
    for (let k = this.firstOf(key); k < keys.length && keys[k] === key; k++) if (!ownOnly || own[k] === 1) into.add(ids[k]!);
  }

  /** The subject a collaboration is indexed under, or null when it takes no part in overlaps (no subject, cancelled). */
  indexable(id: number): number | null {
    const topic = this.subjects.topic(id);
    return topic >= 0 && this.facts.status(id) !== Status.CANCELLED ? topic : null;
  }

  /** The units a collaboration's municipal ground is indexed under. */
  groundOf(id: number): GroundUnit[] {
    const mine = this.facts.municipal(id);
    const out = new Map<number, boolean>();
    for (let i = 0; i < mine.length; i++) {
      for (const above of this.ancestorsOf(mine[i]!)) out.set(above, out.get(above) === true || includes(mine, above));
    }
    return [...out].map(([unitId, own]) => ({ unitId, own }));
  }

  /** The flagged pair of two collaborations on the same ground and subject, or null when the rules rule it out. */
  pairBetween(aId: number, bId: number): OverlapPair | null {
    this.comparisons += 1;
    return this.evaluate(Math.min(aId, bId), Math.max(aId, bId));
  }

  private ancestorsOf(unitId: number): number[] {
    let list = this.ancestors.get(unitId);
    if (!list) {
      list = [];
      const seen = new Set<number>();
      for (let u: number | null = unitId; u !== null && !seen.has(u); u = this.units.get(u)?.parentId ?? null) {
        seen.add(u);
        list.push(u);
      }
      this.ancestors.set(unitId, list);
    }
    return list;
  }

  /** The collaborations whose ground is, contains or lies inside this one's, on its subject (into `out`, emptied first). */
  private candidatesInto(id: number, out: Set<number>): void {
    out.clear();
    const subject = this.indexable(id);
    if (subject === null) return;
    const mine = this.facts.municipal(id);
    for (let i = 0; i < mine.length; i++) {
      for (const above of this.ancestorsOf(mine[i]!)) this.forKey(subject * UNIT_SPAN + above, true, out);
      this.forKey(subject * UNIT_SPAN + mine[i]!, false, out);
    }
    out.delete(id);
  }

  /** The definition's rules 2, 3 and 5 (1 and 4 hold by construction of the index), and the score. */
  private evaluate(a: number, b: number): OverlapPair | null {
    const f = this.facts;
    const period = overlapOf({ startDate: f.startDate(a), endDate: f.endDate(a) }, { startDate: f.startDate(b), endDate: f.endDate(b) });
    if (!period) return null;
    if (this.connected(a, b)) return null;
    const { shared, contained } = this.ground(a, b);
    if (!shared.length && !contained.length) return null;
    const tagsA = f.topics(a);
    const tagsB = f.topics(b);
    const sharedTopicIds: number[] = [];
    for (let i = 0; i < tagsB.length; i++) if (includes(tagsA, tagsB[i]!)) sharedTopicIds.push(tagsB[i]!);
    return {
      a,
      b,
      topicId: this.subjects.topic(a),
      score: Math.round(Math.sqrt(this.subjects.confidence(a) * this.subjects.confidence(b)) * 1000) / 1000,
      sharedUnitIds: [...shared, ...contained.map(([inner]) => inner)],
      sharedTopicIds,
      periodStart: period.start,
      periodEnd: period.end,
    };
  }

  /**
   * Why a pair was flagged, in sentences a coordinator can read at a glance (computed when asked for, from the
   * two records of `data`), in the caller's language.
   */
  explain(pair: OverlapPair, data: AnalysisData, say: AnalysisMessages): OverlapReason[] {
    const a = data.collaborations.get(pair.a)!;
    const b = data.collaborations.get(pair.b)!;
    const topic = this.topics.get(pair.topicId)?.label ?? String(pair.topicId);
    const { shared, contained } = this.ground(pair.a, pair.b);
    const reasons: OverlapReason[] = [];
    const name = (u: number) => this.units.get(u)?.name ?? `unit ${u}`;
    if (shared.length) reasons.push({ code: 'SHARED_UNIT', message: say.sharedUnits(shared.map(name)) });
    for (const [inner, outer] of contained.slice(0, 3)) {
      reasons.push({ code: 'CONTAINED_UNIT', message: say.containedUnit(name(inner), name(outer)) });
    }
    if (pair.sharedTopicIds.includes(pair.topicId)) {
      reasons.push({ code: 'SAME_TOPIC', message: say.sameTopic(topic) });
    } else {
      const related = this.relatedTags(a, b);
      if (related) reasons.push({ code: 'RELATED_TOPIC', message: say.narrowerTopic(...related) });
    }
    reasons.push({ code: 'SIMILAR_TEXT', message: say.similarText(topic, this.sharedEvidence(data, a, b, pair.topicId)) });
    reasons.push({ code: 'PERIOD_OVERLAP', message: say.period({ start: pair.periodStart, end: pair.periodEnd }) });
    return reasons;
  }

  /** Already connected: a person in both, or one is an ancestor of the other through `parent`. */
  private connected(a: number, b: number): boolean {
    const pa = this.facts.people(a);
    const pb = this.facts.people(b);
    for (let i = 0; i < pa.length; i++) if (includes(pb, pa[i]!)) return true;
    return this.isAncestor(a, b) || this.isAncestor(b, a);
  }

  /** Whether `id` is up the parent chain of `c`. */
  private isAncestor(id: number, c: number): boolean {
    const seen = new Set<number>();
    for (let p = this.facts.parentId(c); p !== null && !seen.has(p); p = this.facts.has(p) ? this.facts.parentId(p) : null) {
      if (p === id) return true;
      seen.add(p);
    }
    return false;
  }

  /** Municipal units both name, and pairs (inner, outer) where one's unit lies inside the other's. */
  private ground(a: number, b: number): { shared: number[]; contained: [number, number][] } {
    const ua = this.facts.municipal(a);
    const ub = this.facts.municipal(b);
    const shared: number[] = [];
    const contained: [number, number][] = [];
    for (let i = 0; i < ua.length; i++) if (includes(ub, ua[i]!)) shared.push(ua[i]!);
    for (let i = 0; i < ua.length; i++) {
      for (let j = 0; j < ub.length; j++) {
        const [x, y] = [ua[i]!, ub[j]!];
        if (x === y) continue;
        if (this.ancestorsOf(x).includes(y)) contained.push([x, y]);
        else if (this.ancestorsOf(y).includes(x)) contained.push([y, x]);
      }
    }
    return { shared, contained };
  }

  /** A tag of one that is narrower than a tag of the other: (narrower, broader) labels. */
  private relatedTags(a: ACollaboration, b: ACollaboration): [string, string] | null {
    const label = (t: number) => this.topics.get(t)?.label ?? String(t);
    const above = (t: number) => {
      const out: number[] = [];
      for (let p = this.topics.get(t)?.parentId ?? null; p !== null; p = this.topics.get(p)?.parentId ?? null) out.push(p);
      return out;
    };
    for (const x of a.topicIds) {
      for (const y of b.topicIds) {
        if (above(x).includes(y)) return [label(x), label(y)];
        if (above(y).includes(x)) return [label(y), label(x)];
      }
    }
    return null;
  }

  /** The words both texts share that point most strongly to the subject, as written in the first text. */
  private sharedEvidence(data: AnalysisData, a: ACollaboration, b: ACollaboration, topicId: number): string[] {
    const fa = documentFeatures(subjectDocument(data, a));
    const fb = documentFeatures(subjectDocument(data, b));
    const surface = featureWords([a.title, a.summary ?? '', ...a.keywords].join(' '));
    return [...fa.keys()]
      .filter((f) => fb.has(f))
      .map((f) => ({ f, weight: this.model.specificity(topicId, f) }))
      .filter(({ weight }) => weight > 1)
      .sort((x, y) => y.weight - x.weight)
      .slice(0, MAX_EVIDENCE_WORDS)
      .map(({ f }) => surface.get(f) ?? f);
  }
}

function includes(list: ArrayLike<number>, value: number): boolean {
  for (let i = 0; i < list.length; i++) if (list[i] === value) return true;
  return false;
}

function grown<T extends Float64Array | Int32Array | Uint8Array>(array: T): T {
  const bigger = new (array.constructor as new (n: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** The common period of two collaborations (no start = unknown, treated as open; no end = still running). */
export function overlapOf(a: Pick<ACollaboration, 'startDate' | 'endDate'>, b: Pick<ACollaboration, 'startDate' | 'endDate'>): { start: string | null; end: string | null } | null {
  const start = a.startDate && b.startDate ? (a.startDate > b.startDate ? a.startDate : b.startDate) : (a.startDate ?? b.startDate);
  const end = a.endDate && b.endDate ? (a.endDate < b.endDate ? a.endDate : b.endDate) : (a.endDate ?? b.endDate);
  if (start && end && start > end) return null;
  return { start, end };
}

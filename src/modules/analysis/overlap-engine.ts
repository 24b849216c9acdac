import { Status } from '../collaborations/collaboration.enums';
import { ACollaboration, AnalysisData, ATopic, AUnit, subjectDocument } from './analysis.data';
import { CollaborationFacts, RecordFacts } from './analysis.facts';
import { documentFeatures, featureWords, SubjectModel } from './subject-model';

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
  /** (subject, unit) → collaborations naming that municipal unit. */
  private readonly own = new Map<number, number[]>();
  /** (subject, unit) → collaborations naming a municipal unit at or below that unit. */
  private readonly below = new Map<number, number[]>();
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

  /** Every flagged pair among these collaborations, each once (a < b), as they are found. */
  *pairs(ids: ArrayLike<number>): Generator<OverlapPair> {
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const subject = this.indexable(id);
      if (subject === null) continue;
      for (const { unitId, own } of this.groundOf(id)) {
        if (unitId >= UNIT_SPAN) throw new Error(`unit id ${unitId} is beyond what the overlap index holds (${UNIT_SPAN})`);
        const key = subject * UNIT_SPAN + unitId;
        if (own) push(this.own, key, id);
        push(this.below, key, id);
      }
    }
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      for (const other of this.candidates(id)) {
        if (other <= id) continue;
        const pair = this.pairBetween(id, other);
        if (pair) yield pair;
      }
    }
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

  private candidates(id: number): Set<number> {
    const out = new Set<number>();
    const subject = this.indexable(id);
    if (subject === null) return out;
    const mine = this.facts.municipal(id);
    for (let i = 0; i < mine.length; i++) {
      for (const above of this.ancestorsOf(mine[i]!)) for (const other of this.own.get(subject * UNIT_SPAN + above) ?? []) out.add(other);
      for (const other of this.below.get(subject * UNIT_SPAN + mine[i]!) ?? []) out.add(other);
    }
    out.delete(id);
    return out;
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
   * two records of `data`).
   */
  explain(pair: OverlapPair, data: AnalysisData): OverlapReason[] {
    const a = data.collaborations.get(pair.a)!;
    const b = data.collaborations.get(pair.b)!;
    const topic = this.topics.get(pair.topicId);
    const { shared, contained } = this.ground(pair.a, pair.b);
    const reasons: OverlapReason[] = [];
    const name = (u: number) => this.units.get(u)?.name ?? `unit ${u}`;
    if (shared.length) reasons.push({ code: 'SHARED_UNIT', message: `Both involve ${shared.map(name).join(', ')}.` });
    for (const [inner, outer] of contained.slice(0, 3)) {
      reasons.push({ code: 'CONTAINED_UNIT', message: `${name(inner)} lies inside ${name(outer)}.` });
    }
    if (pair.sharedTopicIds.includes(pair.topicId)) {
      reasons.push({ code: 'SAME_TOPIC', message: `Both are tagged "${topic?.label}".` });
    } else {
      const related = this.relatedTags(a, b);
      if (related) reasons.push({ code: 'RELATED_TOPIC', message: related });
    }
    const words = this.sharedEvidence(data, a, b, pair.topicId);
    reasons.push({
      code: 'SIMILAR_TEXT',
      message: words.length
        ? `Both texts are about "${topic?.label}": they share ${words.map((w) => `"${w}"`).join(', ')}.`
        : `Both texts are about "${topic?.label}".`,
    });
    reasons.push({ code: 'PERIOD_OVERLAP', message: `Both run ${describePeriod({ start: pair.periodStart, end: pair.periodEnd })}.` });
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

  private relatedTags(a: ACollaboration, b: ACollaboration): string | null {
    const label = (t: number) => this.topics.get(t)?.label ?? String(t);
    const above = (t: number) => {
      const out: number[] = [];
      for (let p = this.topics.get(t)?.parentId ?? null; p !== null; p = this.topics.get(p)?.parentId ?? null) out.push(p);
      return out;
    };
    for (const x of a.topicIds) {
      for (const y of b.topicIds) {
        if (above(x).includes(y)) return `"${label(x)}" is narrower than "${label(y)}".`;
        if (above(y).includes(x)) return `"${label(y)}" is narrower than "${label(x)}".`;
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

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The common period of two collaborations (no start = unknown, treated as open; no end = still running). */
export function overlapOf(a: Pick<ACollaboration, 'startDate' | 'endDate'>, b: Pick<ACollaboration, 'startDate' | 'endDate'>): { start: string | null; end: string | null } | null {
  const start = a.startDate && b.startDate ? (a.startDate > b.startDate ? a.startDate : b.startDate) : (a.startDate ?? b.startDate);
  const end = a.endDate && b.endDate ? (a.endDate < b.endDate ? a.endDate : b.endDate) : (a.endDate ?? b.endDate);
  if (start && end && start > end) return null;
  return { start, end };
}

function describePeriod(p: { start: string | null; end: string | null }): string {
  if (p.start && p.end) return `from ${p.start} to ${p.end}`;
  if (p.start) return `from ${p.start}, still running`;
  if (p.end) return `until ${p.end}`;
  return 'with open periods';
}

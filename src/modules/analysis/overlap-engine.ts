import { Status } from '../collaborations/collaboration.enums';
import { Sector } from '../units/unit.enums';
import { ACollaboration, AnalysisData, subjectDocument } from './analysis.data';
import { documentFeatures, featureWords, SubjectModel, SubjectResult } from './subject-model';

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

const MAX_EVIDENCE_WORDS = 4;

/** A unit of a collaboration's municipal ground: one it names (own), or one above those. */
export interface GroundUnit {
  unitId: number;
  own: boolean;
}

/**
 * Finds the flagged overlaps (the definition in README "Overlap detection") without comparing all pairs:
 * every collaboration is indexed under (subject, municipal unit) twice, once for the units it names and once for
 * every unit above them, so the collaborations whose municipal ground is, contains or lies inside one's own are
 * found by a few look-ups. A full build holds that index in memory (`build`); incremental maintenance keeps the
 * same index as the table analysis_ground and evaluates only the pairs it finds there (`pairBetween`).
 */
export class OverlapEngine {
  private readonly ancestors = new Map<number, number[]>();
  /** (subject, unit) → collaborations naming that municipal unit. */
  private readonly own = new Map<string, number[]>();
  /** (subject, unit) → collaborations naming a municipal unit at or below that unit. */
  private readonly below = new Map<string, number[]>();
  private readonly municipal = new Map<number, number[]>();
  comparisons = 0;

  constructor(
    private readonly data: AnalysisData,
    private readonly model: SubjectModel,
    readonly subjects: Map<number, SubjectResult>,
  ) {}

  /** Every flagged pair of the registry, each once (a < b), handed to `found` as it is found. */
  build(found: (pair: OverlapPair) => void): void {
    for (const c of this.data.collaborations.values()) {
      const subject = this.indexable(c);
      if (subject === null) continue;
      for (const { unitId, own } of this.groundOf(c)) {
        const key = `${subject}|${unitId}`;
        if (own) push(this.own, key, c.id);
        push(this.below, key, c.id);
      }
    }
    for (const c of this.data.collaborations.values()) {
      for (const other of this.candidates(c)) {
        if (other <= c.id) continue;
        const pair = this.pairBetween(c.id, other);
        if (pair) found(pair);
      }
    }
  }

  /** The subject a collaboration is indexed under, or null when it takes no part in overlaps (no subject, cancelled). */
  indexable(c: ACollaboration): number | null {
    const subject = this.subjects.get(c.id);
    return subject && c.status !== Status.CANCELLED ? subject.topicId : null;
  }

  /** The units a collaboration's municipal ground is indexed under. */
  groundOf(c: ACollaboration): GroundUnit[] {
    const mine = this.municipalUnits(c);
    const out = new Map<number, boolean>();
    for (const unit of mine) for (const above of this.ancestorsOf(unit)) out.set(above, out.get(above) === true || mine.includes(above));
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
      for (let u: number | null = unitId; u !== null && !seen.has(u); u = this.data.units.get(u)?.parentId ?? null) {
        seen.add(u);
        list.push(u);
      }
      this.ancestors.set(unitId, list);
    }
    return list;
  }

  private municipalUnits(c: ACollaboration): number[] {
    let units = this.municipal.get(c.id);
    if (!units) {
      units = [...new Set(c.units.map((u) => u.unitId).filter((u) => this.data.units.get(u)?.sector === Sector.MUNICIPAL))];
      this.municipal.set(c.id, units);
    }
    return units;
  }

  private candidates(c: ACollaboration): Set<number> {
    const out = new Set<number>();
    const subject = this.indexable(c);
    if (subject === null) return out;
    for (const unit of this.municipalUnits(c)) {
      for (const above of this.ancestorsOf(unit)) for (const id of this.own.get(`${subject}|${above}`) ?? []) out.add(id);
      for (const id of this.below.get(`${subject}|${unit}`) ?? []) out.add(id);
    }
    out.delete(c.id);
    return out;
  }

  /** The definition's rules 2, 3 and 5 (1 and 4 hold by construction of the index), and the score. */
  private evaluate(aId: number, bId: number): OverlapPair | null {
    const a = this.data.collaborations.get(aId)!;
    const b = this.data.collaborations.get(bId)!;
    const period = overlapOf(a, b);
    if (!period) return null;
    if (this.connected(a, b)) return null;
    const { shared, contained } = this.ground(a, b);
    if (!shared.length && !contained.length) return null;
    const sa = this.subjects.get(aId)!;
    const sb = this.subjects.get(bId)!;
    const tagsA = new Set(a.topicIds);
    return {
      a: aId,
      b: bId,
      topicId: sa.topicId,
      score: Math.round(Math.sqrt(sa.confidence * sb.confidence) * 1000) / 1000,
      sharedUnitIds: [...shared, ...contained.map(([inner]) => inner)],
      sharedTopicIds: b.topicIds.filter((t) => tagsA.has(t)),
      periodStart: period.start,
      periodEnd: period.end,
    };
  }

  /** Why a pair was flagged, in sentences a coordinator can read at a glance (computed when asked for). */
  explain(pair: OverlapPair): OverlapReason[] {
    const a = this.data.collaborations.get(pair.a)!;
    const b = this.data.collaborations.get(pair.b)!;
    const topic = this.data.topics.get(pair.topicId);
    const { shared, contained } = this.ground(a, b);
    const reasons: OverlapReason[] = [];
    const name = (u: number) => this.data.units.get(u)?.name ?? `unit ${u}`;
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
    const words = this.sharedEvidence(a, b, pair.topicId);
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
  private connected(a: ACollaboration, b: ACollaboration): boolean {
    if (a.people.some((p) => b.people.some((q) => q.personId === p.personId))) return true;
    return this.isAncestor(a.id, b) || this.isAncestor(b.id, a);
  }

  private isAncestor(id: number, c: ACollaboration): boolean {
    const seen = new Set<number>();
    for (let p = c.parentId; p !== null && !seen.has(p); p = this.data.collaborations.get(p)?.parentId ?? null) {
      if (p === id) return true;
      seen.add(p);
    }
    return false;
  }

  /** Municipal units both name, and pairs (inner, outer) where one's unit lies inside the other's. */
  private ground(a: ACollaboration, b: ACollaboration): { shared: number[]; contained: [number, number][] } {
    const ua = this.municipalUnits(a);
    const ub = this.municipalUnits(b);
    const shared = ua.filter((u) => ub.includes(u));
    const contained: [number, number][] = [];
    for (const x of ua) {
      for (const y of ub) {
        if (x === y) continue;
        if (this.ancestorsOf(x).includes(y)) contained.push([x, y]);
        else if (this.ancestorsOf(y).includes(x)) contained.push([y, x]);
      }
    }
    return { shared, contained };
  }

  private relatedTags(a: ACollaboration, b: ACollaboration): string | null {
    const label = (t: number) => this.data.topics.get(t)?.label ?? String(t);
    const above = (t: number) => {
      const out: number[] = [];
      for (let p = this.data.topics.get(t)?.parentId ?? null; p !== null; p = this.data.topics.get(p)?.parentId ?? null) out.push(p);
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
  private sharedEvidence(a: ACollaboration, b: ACollaboration, topicId: number): string[] {
    const fa = documentFeatures(subjectDocument(this.data, a));
    const fb = documentFeatures(subjectDocument(this.data, b));
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

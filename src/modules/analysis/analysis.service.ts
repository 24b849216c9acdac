import { DataSource } from 'typeorm';
import { ChangeFeed, ChangeListener } from '../../db/change-feed';
import type { AnalysisFigures } from '../../observability/metrics';
import { createLogger, Logger } from '../../observability/logger';
import { todayIso } from '../../validation/dates';
import { RegistryError } from '../../errors/registry-error';
import { searchText, tokenize } from '../../text/normalize';
import { resolveRefs } from '../../db/references';
import { PersonRole, Status } from '../collaborations/collaboration.enums';
import { Topic } from '../topics/topic.entity';
import { UnitService } from '../units/unit.service';
import { AnalysisData, loadAgreementValidity, loadAnalysisData, loadUnits, loadCollaboration, pairKey, subjectDocument } from './analysis.data';
import { Gap, GapCode, gapsOf } from './gaps';
import { OverlapEngine, OverlapPair, OverlapReason, overlapOf } from './overlap-engine';
import { OverlapReview, ReviewDecision } from './overlap-review.entity';
import { savePairReview } from './pair-review';
import { documentFeatures, SubjectModel } from './subject-model';

/**
 * Pairs scoring below this are not reported by default. Subject confidence is a probability, so 0.5 means
 * "more likely than not about the same subject"; on the dev registry every true pair scores above 0.9.
 */
export const DEFAULT_MIN_SCORE = 0.5;
export const MAX_WHO_WORKS_WITH = 500;

export interface OverlapFilter {
  unit?: string | null;
  topic?: string | null;
  activeOn?: string | null;
  minScore?: number | null;
  includeReviewed?: boolean | null;
}

export type Overlap = OverlapPair;

export interface OverlapCluster {
  collaborationIds: number[];
  pairs: Overlap[];
  score: number;
  unitIds: number[];
  topicIds: number[];
  contacts: { personId: number; role: PersonRole; collaborationId: number }[];
}

export interface GapEntry {
  collaborationId: number;
  gaps: Gap[];
}

export interface WhoWorksWithAnswer {
  collaborations: { collaborationId: number; score: number; reasons: string[] }[];
  people: { personId: number; score: number; roles: PersonRole[]; collaborationIds: number[] }[];
  units: { unitId: number; score: number; collaborationIds: number[] }[];
}

interface State {
  data: AnalysisData;
  model: SubjectModel;
  engine: OverlapEngine;
  builtInMs: number;
  builtAt: Date;
  /** Counts full builds: each trains a new subject model. */
  modelVersion: number;
}

export interface AnalysisStatus {
  builtAt: Date | null;
  collaborations: number;
  pairs: number;
  rebuilding: boolean;
  modelVersion: number;
}

/** Changes published while a full build runs: the build may have read the data before them, so they are applied again. */
interface Journal {
  collaborations: Set<number>;
  units: Set<number>;
  agreements: boolean;
  reviews: boolean;
}

/** The ids at or below the roots, in a tree given as records naming their parent. */
function subtreeOf(nodes: Iterable<{ id: number; parentId: number | null }>, roots: number[]): Set<number> {
  const children = new Map<number, number[]>();
  for (const n of nodes) if (n.parentId !== null) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n.id]);
  const out = new Set<number>();
  const queue = [...roots];
  while (queue.length) {
    const next = queue.pop()!;
    if (out.has(next)) continue;
    out.add(next);
    queue.push(...(children.get(next) ?? []));
  }
  return out;
}

const byScore = (a: { score: number }, b: { score: number }) => b.score - a.score;
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** How many full builds ran, how long the last took, and what the analysis holds. */
export class AnalysisService implements ChangeListener {
  private state: State | null = null;
  private building: Promise<State> | null = null;
  private stale = true;
  private reviewsStale = false;
  private agreementsStale = false;
  private readonly dirty = new Set<number>();
  private readonly dirtyUnits = new Set<number>();
  private journal: Journal | null = null;

  private builds = 0;
  /** Counts every change to the analysis data (a build, a patch): what is derived from it is current while this is unchanged. */
  private revision = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly units: UnitService,
    private readonly changes: ChangeFeed,
    private readonly logger: Logger = createLogger('silent'),
  ) {}

  collaborationChanged(id: number): void {
    this.dirty.add(id);
    this.journal?.collaborations.add(id);
  }

  unitChanged(id: number): void {
    this.dirtyUnits.add(id);
    this.journal?.units.add(id);
  }

  registryChanged(): void {
    this.stale = true;
  }

  reviewsChanged(): void {
    this.reviewsStale = true;
    if (this.journal) this.journal.reviews = true;
  }

  agreementsChanged(): void {
    this.agreementsStale = true;
    if (this.journal) this.journal.agreements = true;
  }

  /**
   * The analysis, brought up to date: patched after single writes; after broad changes (topics, imports) rebuilt in
   * the background while readers keep the last complete analysis. Only the very first read waits for a build.
   */
  async current(): Promise<State> {
    if (this.stale && !this.building) this.startBuild();
    // Concurrent first readers share one build.
    while (!this.state) this.state = await this.building!;
    const state = this.state;
    if (this.reviewsStale || this.agreementsStale || this.dirtyUnits.size || this.dirty.size) this.revision += 1;
    if (this.reviewsStale) {
      this.reviewsStale = false;
      const reviews = await this.ds.getRepository(OverlapReview).find();
      state.data.reviews = new Map(reviews.map((r) => [pairKey(r.aId, r.bId), r]));
    }
    if (this.agreementsStale) {
      this.agreementsStale = false;
      state.data.agreementValidTo = await loadAgreementValidity(this.ds.manager);
    }
    if (this.dirtyUnits.size) {
      const changed = [...this.dirtyUnits];
      this.dirtyUnits.clear();
      state.data.units = await loadUnits(this.ds.manager);
      state.engine.unitsChanged();
      // A unit's name is part of the text of every collaboration at or below it, and its place in the tree is part
      // of their ground: those collaborations are classified and paired again, no others.
      const subtree = subtreeOf(state.data.units.values(), changed);
      for (const c of state.data.collaborations.values()) {
        if (c.units.some((u) => subtree.has(u.unitId))) state.engine.refresh(c.id, state.model.classify(subjectDocument(state.data, c)));
      }
    }
    for (const id of [...this.dirty]) {
      this.dirty.delete(id);
      const before = state.data.collaborations.get(id);
      const fresh = await loadCollaboration(this.ds.manager, id);
      if (fresh) state.data.collaborations.set(id, fresh);
      else state.data.collaborations.delete(id);
      state.engine.refresh(id, fresh ? state.model.classify(subjectDocument(state.data, fresh)) : null);
      // A moved collaboration changes which pairs its descendants count as already connected. A new or restored
      // one has no live descendants, and a delete is refused while it has any, so only a move reaches here.
      if (before && fresh && before.parentId !== fresh.parentId) {
        for (const descendant of subtreeOf(state.data.collaborations.values(), [id])) {
          if (descendant !== id) state.engine.refresh(descendant, state.engine.subjects.get(descendant) ?? null);
        }
      }
    }
    return state;
  }

  /** The analysis data brought up to date, and its revision: equal revisions mean equal data. */
  async currentData(): Promise<{ data: AnalysisData; revision: number }> {
    const { data } = await this.current();
    return { data, revision: this.revision };
  }

  /** Settles when no full build is running or due: for the command line and tests that need the newest analysis. */
  async settled(): Promise<void> {
    while (this.stale || this.building) {
      if (this.stale && !this.building) this.startBuild();
      await this.building!.catch(() => undefined);
    }
  }

  status(): AnalysisStatus {
    const s = this.state;
    return {
      builtAt: s?.builtAt ?? null,
      collaborations: s?.data.collaborations.size ?? 0,
      pairs: s?.engine.pairs.size ?? 0,
      rebuilding: this.building !== null,
      modelVersion: s?.modelVersion ?? 0,
    };
  }

  private startBuild(): void {
    this.stale = false;
    this.journal = { collaborations: new Set(), units: new Set(), agreements: false, reviews: false };
    this.building = this.build()
      .then((state) => {
        // Whatever changed since the build began is patched into the new analysis before anyone reads it.
        const journal = this.journal!;
        this.dirty.clear();
        this.dirtyUnits.clear();
        for (const id of journal.collaborations) this.dirty.add(id);
        for (const id of journal.units) this.dirtyUnits.add(id);
        this.agreementsStale ||= journal.agreements;
        this.reviewsStale ||= journal.reviews;
        this.state = state;
        this.revision += 1;
        return state;
      })
      .catch((error: unknown) => {
        // The last complete analysis stays in place; the next read tries again.
        this.stale = true;
        this.logger.error({ err: error }, 'overlap analysis build failed');
        throw error;
      })
      .finally(() => {
        this.journal = null;
        this.building = null;
      });
    // Background builds are awaited by no one; their failure is logged above.
    this.building.catch(() => undefined);
  }

  private async build(): Promise<State> {
    const started = performance.now();
    const data = await loadAnalysisData(this.ds.manager);
    // A full build takes seconds on a large registry: let timers (request time limits) and other requests run
    // between its phases. SQLite reads alone never reach the timer phase.
    await yieldToEventLoop();
    const { model, results } = SubjectModel.train(
      [...data.topics.values()],
      [...data.collaborations.values()].map((c) => subjectDocument(data, c)),
    );
    await yieldToEventLoop();
    const engine = new OverlapEngine(data, model, results).build();
    const builtInMs = performance.now() - started;
    this.builds += 1;
    // Full builds cost seconds on a large registry: operators should see how often and how long.
    this.logger.info(
      { durationMs: Math.round(builtInMs), collaborations: data.collaborations.size, pairs: engine.pairs.size, comparisons: engine.comparisons },
      'overlap analysis built',
    );
    return { data, model, engine, builtInMs, builtAt: new Date(), modelVersion: this.builds };
  }

  /** Figures of the analysis as it stands, without building it (for /metrics): null before the first build. */
  lastBuild(): AnalysisFigures | null {
    const s = this.state;
    return s ? { builds: this.builds, builtInMs: s.builtInMs, collaborations: s.data.collaborations.size, pairs: s.engine.pairs.size } : null;
  }

  /** Figures about the last full analysis, for the benchmark and diagnostics. */
  async stats(): Promise<{ collaborations: number; pairs: number; comparisons: number; builtInMs: number }> {
    const s = await this.current();
    return { collaborations: s.data.collaborations.size, pairs: s.engine.pairs.size, comparisons: s.engine.comparisons, builtInMs: s.builtInMs };
  }

  /** The subjects a topic filter names: a topic by id or key (with narrower ones), or free text matched to topics. */
  private async subjectsFor(state: State, topic: string, field: string): Promise<Set<number> | null> {
    const { words: asked } = searchText(topic, field);
    const id = (await resolveRefs(this.ds.manager, Topic, [topic])).get(topic);
    if (id !== undefined) return new Set(state.model.subjectsAt(id));
    const words = new Set(asked.filter((w) => w.length > 2).map((w) => w.slice(0, 6)));
    if (!words.size) throw RegistryError.of(field, 'INVALID', 'give a topic id, key or some words');
    const matches = new Set<number>();
    for (const t of state.data.topics.values()) {
      const vocabulary = new Set(tokenize([t.label, ...t.synonyms].join(' ')).map((w) => w.slice(0, 6)));
      if ([...words].some((w) => vocabulary.has(w))) for (const s of state.model.subjectsAt(t.id)) matches.add(s);
    }
    return matches.size ? matches : null;
  }

  /** A reviewer's decision on a pair, if any. */
  async reviewOf(pair: OverlapPair): Promise<OverlapReview | null> {
    return (await this.current()).data.reviews.get(pairKey(pair.a, pair.b)) ?? null;
  }

  async explain(pair: OverlapPair): Promise<OverlapReason[]> {
    return (await this.current()).engine.explain(pair);
  }

  /** Reviewed as KNOWN or NOT_OVERLAP: left out of default reports. */
  private hidden(state: State, pair: OverlapPair): boolean {
    if (!state.data.reviews.size) return false;
    const review = state.data.reviews.get(pairKey(pair.a, pair.b));
    return review !== undefined && review.decision !== ReviewDecision.CONFIRMED;
  }

  /** The flagged overlaps matching a filter, strongest first. */
  async overlaps(filter: OverlapFilter = {}): Promise<Overlap[]> {
    const state = await this.current();
    const minScore = filter.minScore ?? DEFAULT_MIN_SCORE;
    if (minScore < 0 || minScore > 1) throw RegistryError.of('filter.minScore', 'INVALID', `must be between 0 and 1 (was ${minScore})`);
    const unitIds = filter.unit != null ? new Set(await this.units.expand(filter.unit, true, 'filter.unit')) : null;
    let subjects: Set<number> | null = null;
    if (filter.topic != null) subjects = (await this.subjectsFor(state, filter.topic, 'filter.topic')) ?? new Set();
    const involves = (id: number) => state.data.collaborations.get(id)!.units.some((u) => unitIds!.has(u.unitId));
    const out: Overlap[] = [];
    for (const pair of state.engine.ranked()) {
      if (pair.score < minScore) continue;
      if (subjects && !subjects.has(pair.topicId)) continue;
      if (filter.activeOn && ((pair.periodStart && pair.periodStart > filter.activeOn) || (pair.periodEnd && pair.periodEnd < filter.activeOn))) continue;
      if (unitIds && !involves(pair.a) && !involves(pair.b)) continue;
      if (!filter.includeReviewed && this.hidden(state, pair)) continue;
      out.push(pair);
    }
    return out;
  }

  /** One collaboration's flagged overlaps (reviewed-away pairs left out). */
  async overlapsOf(collaborationId: number, minScore = DEFAULT_MIN_SCORE): Promise<Overlap[]> {
    const state = await this.current();
    return state.engine
      .pairsFor(collaborationId)
      .filter((p) => p.score >= minScore && !this.hidden(state, p))
      .sort(byScore);
  }

  /** Records (or changes) a reviewer's decision on a pair. */
  async review(input: { a: string; b: string; decision: ReviewDecision; note?: string | null }, reviewedBy: string): Promise<OverlapReview> {
    const saved = await savePairReview(this.ds.manager, OverlapReview, input, reviewedBy, 'a collaboration cannot overlap itself');
    this.changes.reviewsChanged();
    return saved;
  }

  /** Groups of collaborations linked by flagged overlaps, largest and strongest first. */
  async clusters(filter: OverlapFilter = {}): Promise<OverlapCluster[]> {
    const state = await this.current();
    const overlaps = await this.overlaps(filter);
    const root = new Map<number, number>();
    const find = (x: number): number => {
      let r = x;
      while (root.get(r) !== undefined && root.get(r) !== r) r = root.get(r)!;
      root.set(x, r);
      return r;
    };
    for (const o of overlaps) {
      if (!root.has(o.a)) root.set(o.a, o.a);
      if (!root.has(o.b)) root.set(o.b, o.b);
      root.set(find(o.a), find(o.b));
    }
    const groups = new Map<number, Overlap[]>();
    for (const o of overlaps) groups.set(find(o.a), [...(groups.get(find(o.a)) ?? []), o]);
    const clusters: OverlapCluster[] = [];
    for (const pairs of groups.values()) {
      const ids = [...new Set(pairs.flatMap((p) => [p.a, p.b]))].sort((x, y) => x - y);
      const contacts = ids.flatMap((id) =>
        state.data.collaborations
          .get(id)!
          .people.filter((p) => p.role === PersonRole.PROJECT_LEADER || p.role === PersonRole.CONTACT)
          .map((p) => ({ ...p, collaborationId: id })),
      );
      clusters.push({
        collaborationIds: ids,
        pairs,
        score: Math.round((pairs.reduce((s, p) => s + p.score, 0) / pairs.length) * 1000) / 1000,
        unitIds: [...new Set(pairs.flatMap((p) => p.sharedUnitIds))],
        topicIds: [...new Set(pairs.map((p) => p.topicId))],
        contacts,
      });
    }
    return clusters.sort((x, y) => y.collaborationIds.length - x.collaborationIds.length || byScore(x, y));
  }

  /** Planned and active collaborations with coordination gaps, in key order. */
  async gaps(filter: { unit?: string | null; codes?: GapCode[] | null } = {}): Promise<GapEntry[]> {
    const state = await this.current();
    const unitIds = filter.unit != null ? new Set(await this.units.expand(filter.unit, true, 'filter.unit')) : null;
    const today = todayIso();
    const out: GapEntry[] = [];
    for (const c of state.data.collaborations.values()) {
      if (unitIds && !c.units.some((u) => unitIds.has(u.unitId))) continue;
      const gaps = gapsOf(state.data, c, today).filter((g) => !filter.codes?.length || filter.codes.includes(g.code));
      if (gaps.length) out.push({ collaborationId: c.id, gaps });
    }
    return out.sort((x, y) => state.data.collaborations.get(x.collaborationId)!.key.localeCompare(state.data.collaborations.get(y.collaborationId)!.key));
  }

  async gapsOfCollaboration(collaborationId: number): Promise<Gap[]> {
    const state = await this.current();
    const c = state.data.collaborations.get(collaborationId);
    return c ? gapsOf(state.data, c, todayIso()) : [];
  }

  /**
   * Who works with a unit (and its subunits) on a topic: the collaborations about that subject (found by their
   * inferred subject, so untagged and mis-tagged ones count), then their people and units, ranked.
   */
  async whoWorksWith(unit: string, topic: string, activeOn: string | null | undefined, limit: number): Promise<WhoWorksWithAnswer> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_WHO_WORKS_WITH) {
      throw RegistryError.of('limit', 'INVALID', `must be from 1 to ${MAX_WHO_WORKS_WITH} (was ${limit})`);
    }
    const state = await this.current();
    const unitIds = new Set(await this.units.expand(unit, true, 'unit'));
    const subjects = await this.subjectsFor(state, topic, 'topic');
    const queryWords = new Set(searchText(topic, 'topic').words.filter((w) => w.length > 2).map((w) => w.slice(0, 6)));
    const today = todayIso();
    const matches: WhoWorksWithAnswer['collaborations'] = [];
    for (const c of state.data.collaborations.values()) {
      if (c.status === Status.CANCELLED || !c.units.some((u) => unitIds.has(u.unitId))) continue;
      if (activeOn && !overlapOf(c, { startDate: activeOn, endDate: activeOn })) continue;
      const subject = state.engine.subjects.get(c.id);
      const reasons: string[] = [];
      let strength = 0;
      if (subjects && subject && subjects.has(subject.topicId)) {
        strength = subject.confidence;
        reasons.push(`About "${state.data.topics.get(subject.topicId)?.label}" (${Math.round(subject.confidence * 100)} % sure from its text and tags).`);
      } else if (!subjects) {
        const features = documentFeatures({ ...c, unitNames: [] });
        const hits = [...queryWords].filter((w) => features.has(w));
        if (hits.length && hits.length === queryWords.size) {
          strength = 0.6;
          reasons.push('Its text mentions every word asked for.');
        }
      }
      if (!strength) continue;
      const running = c.status === Status.ACTIVE || c.status === Status.PLANNED || !c.endDate || c.endDate >= today;
      const yearsAgo = running ? 0 : (Date.parse(today) - Date.parse(c.endDate!)) / (365.25 * 864e5);
      const recency = 1 / (1 + yearsAgo / 3);
      reasons.push(running ? 'Active or planned.' : `Ended ${c.endDate}.`);
      matches.push({ collaborationId: c.id, score: Math.round(strength * (0.5 + 0.5 * recency) * 1000) / 1000, reasons });
    }
    matches.sort(byScore);
    const people = new Map<number, { personId: number; score: number; roles: Set<PersonRole>; collaborationIds: number[] }>();
    const units = new Map<number, { unitId: number; score: number; collaborationIds: number[] }>();
    for (const m of matches) {
      const c = state.data.collaborations.get(m.collaborationId)!;
      for (const p of c.people) {
        const entry = people.get(p.personId) ?? { personId: p.personId, score: 0, roles: new Set(), collaborationIds: [] };
        entry.score = Math.max(entry.score, m.score);
        entry.roles.add(p.role);
        if (!entry.collaborationIds.includes(c.id)) entry.collaborationIds.push(c.id);
        people.set(p.personId, entry);
      }
      for (const u of c.units) {
        const entry = units.get(u.unitId) ?? { unitId: u.unitId, score: 0, collaborationIds: [] };
        entry.score = Math.max(entry.score, m.score);
        if (!entry.collaborationIds.includes(c.id)) entry.collaborationIds.push(c.id);
        units.set(u.unitId, entry);
      }
    }
    const rank = <T extends { score: number; collaborationIds: number[] }>(list: T[]) =>
      list.sort((x, y) => byScore(x, y) || y.collaborationIds.length - x.collaborationIds.length).slice(0, limit);
    return {
      collaborations: matches.slice(0, limit),
      people: rank([...people.values()]).map((p) => ({ ...p, roles: [...p.roles] })),
      units: rank([...units.values()]),
    };
  }
}

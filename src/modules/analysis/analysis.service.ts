import DataLoader from 'dataloader';
import { DataSource, EntityManager } from 'typeorm';
import { ChangeFeed } from '../../db/change-feed';
import { detached } from '../../db/transaction-turns';
import { sharedWork } from '../../db/work-budget';
import { RecordWrite, WriteEvent } from '../../db/write-hooks';
import { idList, inIdList, isPostgres, rawQuery, rawRows, withoutStatementTimeout } from '../../db/sql';
import type { AnalysisFigures } from '../../observability/metrics';
import { createLogger, Logger } from '../../observability/logger';
import { todayIso } from '../../validation/dates';
import { RegistryError } from '../../errors/registry-error';
import { isContentWord, searchText, stem, tokenize } from '../../text/normalize';
import { resolveRefs } from '../../db/references';
import { Connection, ConnectionArgs, paginateSql, SortDirection } from '../../graphql/pagination';
import { Lru } from '../../graphql/operation-cache';
import { PersonRole, Status } from '../collaborations/collaboration.enums';
import { Topic } from '../topics/topic.entity';
import { UnitService } from '../units/unit.service';
import { AnalysisData, ATopic, AUnit, dateText, loadCollaborations, loadTopics, loadUnits } from './analysis.data';
import { buildGeneration, BuildProgress, BuiltGeneration } from './analysis.builder';
import { applyChanges } from './analysis.maintainer';
import {
  AnalysisState,
  clearLog,
  dropGenerationTables,
  generationsPresent,
  tablesOf,
  loadModel,
  loggedChanges,
  logChange,
  PAIR_COLUMNS,
  readCollaborationRows,
  readState,
  toPair,
  storedFeaturesVersion,
  updateState,
} from './analysis.store';
import { Gap, GapCode, gapsFrom } from './gaps';
import { ANALYSIS_MESSAGES } from './analysis.messages';
import { Language } from '../../http/language';
import { OverlapEngine, OverlapPair, OverlapReason, overlapOf, subjectsOf } from './overlap-engine';
import { OverlapReview, ReviewDecision } from './overlap-review.entity';
import { savePairReview } from './pair-review';
import { documentFeatures, FEATURES_VERSION, SubjectModel, subjectsUnder, topicsSimilarByName } from './subject-model';

/**
 * Pairs scoring below this are not reported by default. Subject confidence is a probability, so 0.5 means
 * "more likely than not about the same subject"; on the dev registry every true pair scores above 0.9.
 */
export const DEFAULT_MIN_SCORE = 0.5;
export const MAX_WHO_WORKS_WITH = 500;
/** A write of more records than this (an import) is analysed by a full rebuild in the background, not one by one. */
const BULK_WRITE = 1000;
/** How often each process looks for a requested rebuild that nobody runs (a crashed replica's, a command's). */
const CHECK_EVERY_MS = 5000;
/** A rebuild silent this long (no batch written) is taken for dead, on SQLite where no lock can tell. */
const HEARTBEAT_TIMEOUT_MS = 60_000;
/** How long a replaced generation stays readable for requests that began reading it. */
const GRACE_MS = 5000;
/** Pairs read per statement when grouping them into clusters. */
const CLUSTER_CHUNK = 50_000;
/** How long a read waits for the very first analysis of a registry. */
const FIRST_BUILD_WAIT_MS = 120_000;

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
  /** The mean score of its pairs. */
  score: number;
  /** Its flagged pairs, strongest first (read when asked for). */
  pairs(): Promise<Overlap[]>;
}

export interface ClusterContact {
  personId: number;
  role: PersonRole;
  collaborationId: number;
}

export interface GapEntry {
  collaborationId: number;
  gaps: Gap[];
}

/** At most this many of the topics a whoWorksWith topic was taken to mean are named in its answer. */
export const MAX_NAMED_TOPICS = 50;

export interface WhoWorksWithAnswer {
  /** The topics the question's topic was taken to mean (topicsFor); empty: it matched none, and texts were searched. */
  topicIds: number[];
  collaborations: { collaborationId: number; score: number; reasons: string[] }[];
  people: { personId: number; score: number; roles: PersonRole[]; collaborationIds: number[] }[];
  units: { unitId: number; score: number; collaborationIds: number[] }[];
  /** Topics with labels similar to the one asked for by id or key, on which the unit has collaborations (topicsSimilarByName). */
  similarTopics: { topicId: number; collaborations: number }[];
}

/** A pointer to where else work is filed, not a report of its own: the first few are enough to follow. */
export const MAX_SIMILAR_TOPICS = 10;

export interface AnalysisStatus {
  builtAt: Date | null;
  collaborations: number;
  pairs: number;
  rebuilding: boolean;
  modelVersion: number;
}

const byScore = (a: { score: number }, b: { score: number }) => b.score - a.score;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** SQL conditions of each gap code over a generation's analysis_collaboration `s` and agreement `ag` ($today: the date). */
const GAP_CONDITIONS: Record<GapCode, (today: string) => string> = {
  [GapCode.NO_AGREEMENT]: () => 's.agreement_id IS NULL',
  [GapCode.AGREEMENT_EXPIRED]: (today) => `(ag.valid_to IS NOT NULL AND ag.valid_to < COALESCE(s.end_date, ${today}))`,
  [GapCode.ONE_SIDED]: () => 's.missing_sector IS NOT NULL',
  [GapCode.NO_CONTACT]: () => 's.no_contact = 1',
};

/**
 * The overlap analysis as data in the database (README "Keeping the analysis current"). Every write updates it in
 * its own transaction (the write hook); full rebuilds (topics changed, imports, restores) write the next
 * generation in the background while reports read the current one, and exactly one process runs a rebuild at a
 * time. Reports are SQL over those tables, so any number of replicas read the same analysis.
 */
export class AnalysisService {
  private building: Promise<boolean> | null = null;
  private model: { generation: number; model: SubjectModel } | null = null;
  private tree: { revision: number; units: Map<number, AUnit>; topics: Map<number, ATopic>; under: Map<number, number[]> } | null = null;
  private readonly clusterCache = new Lru<Promise<{ members: Int32Array; score: number }[]>>(8);
  /** Clusters are grouped one filter at a time: many callers asking at once queue instead of each taking a core. */
  private clustering: Promise<unknown> = Promise.resolve();
  private readonly totals = new Lru<Promise<number>>(100);
  private timer: NodeJS.Timeout | null = null;
  private readonly cleanups = new Set<NodeJS.Timeout>();
  private builds = 0;
  private lockedHere = false;
  /** Why the last rebuild started here failed, until someone waiting for it is told. */
  private failure: unknown = null;

  constructor(
    private readonly ds: DataSource,
    private readonly units: UnitService,
    private readonly changes: ChangeFeed,
    private readonly logger: Logger = createLogger('silent'),
    private readonly options: { batchRows?: number; incrementalLimit?: number } = {},
  ) {}

  /**
   * Watches for requested rebuilds for as long as a server runs: at once, after every broad change committed here
   * or announced by another replica, and every few seconds (a command's request, a crashed replica's rebuild).
   */
  start(): void {
    this.changes.subscribe({ registryChanged: () => this.kick() });
    this.kick();
    this.timer = setInterval(() => this.kick(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    for (const t of this.cleanups) clearTimeout(t);
    await this.building?.catch(() => undefined);
  }

  /** Starts a rebuild when one is requested (or none was ever made) and none runs here; errors are logged. */
  kick(): void {
    if (this.building) return;
    this.building = detached(() => this.rebuildIfNeeded())
      .catch((error: unknown) => {
        this.logger.error({ err: error }, 'overlap analysis rebuild failed');
        this.failure = error;
        return false;
      })
      .finally(() => (this.building = null));
  }

  private async rebuildIfNeeded(): Promise<boolean> {
    const em = this.ds.manager;
    const state = await readState(em);
    if (!state.rebuildRequested && state.generation > 0 && state.rebuildingGeneration === null) {
      const features = await storedFeaturesVersion(em, state.generation);
      if (features === FEATURES_VERSION || features === null) return false;
      // An analysis built by an older version of the registry, which read documents differently: readers keep it
      // until the rebuild is current.
      this.logger.info({ generation: state.generation, features, now: FEATURES_VERSION }, 'the overlap analysis was built reading words differently: rebuilding');
      await updateState(em, { rebuildRequested: true });
    }
    return this.rebuild();
  }

  /**
   * Settles when no rebuild is requested or running anywhere: for the command line and tests that need the newest
   * analysis. A rebuild here that fails is thrown, rather than tried again for ever.
   */
  async settled(): Promise<void> {
    this.failure = null;
    for (;;) {
      await this.building;
      if (this.failure) throw this.failure;
      const state = await readState(this.ds.manager);
      if (!state.rebuildRequested && state.rebuildingGeneration === null && state.generation > 0) return;
      this.kick();
      if (!this.building) await sleep(100);
    }
  }

  /** The analysis state to read from, waiting for the very first analysis of a registry. */
  private async current(): Promise<AnalysisState> {
    const until = Date.now() + FIRST_BUILD_WAIT_MS;
    for (;;) {
      const state = await readState(this.ds.manager);
      if (state.generation > 0) return state;
      if (Date.now() > until) throw new Error('the overlap analysis has not been built yet');
      this.kick();
      // The build's time, not the reader's: not part of its time budget.
      const building = this.building;
      await sharedWork(() => building ?? sleep(100));
    }
  }

  // ---- writes ----

  /** The write hook: runs inside every transaction that changes records (src/db/write-hooks.ts). */
  async onWrite(em: EntityManager, event: WriteEvent): Promise<void> {
    const state = await readState(em, { lock: true });
    if (event.kind === 'replaced') {
      // Every id may name another record now: nothing of the old analysis may be read.
      await updateState(em, { generation: 0, rebuildRequested: true }, { revision: 1 });
      return;
    }
    const ids = (type: string) => [...new Set(event.writes.filter((w: RecordWrite) => w.recordType === type).map((w) => w.id))];
    const collaborations = ids('Collaboration');
    const units = ids('Unit');
    const bulk = collaborations.length + units.length > BULK_WRITE;
    if (ids('Topic').length || bulk) {
      await updateState(em, { rebuildRequested: true });
      this.logger.info({ reason: bulk ? 'bulk write' : 'topics changed', collaborations: collaborations.length, units: units.length }, 'overlap analysis rebuild requested');
    }
    if (state.rebuildingGeneration !== null) {
      for (const id of collaborations) await logChange(em, 'collaboration', id);
      for (const id of units) await logChange(em, 'unit', id);
    }
    if (state.generation === 0 || bulk || (!collaborations.length && !units.length)) return;
    const applied = await applyChanges(em, state.generation, await this.modelOf(em, state.generation), { collaborations, units }, this.options.incrementalLimit);
    // So many collaborations under a changed unit that a write would wait seconds: a rebuild takes it instead.
    if (!applied) {
      await updateState(em, { rebuildRequested: true });
      this.logger.info({ reason: 'large subtree changed', collaborations: collaborations.length, units: units.length }, 'overlap analysis rebuild requested');
    }
    else await updateState(em, {}, { revision: 1, pairs: applied.pairs, collaborations: applied.collaborations });
  }

  /** Records (or changes) a reviewer's decision on a pair. */
  async review(input: { a: string; b: string; decision: ReviewDecision; note?: string | null }, reviewedBy: string): Promise<OverlapReview> {
    const saved = await this.ds.transaction(async (em) => {
      const review = await savePairReview(em, OverlapReview, input, reviewedBy, 'a collaboration cannot overlap itself');
      // Reports hide reviewed pairs: what was derived from them (clusters) is stale.
      await updateState(em, {}, { revision: 1 });
      return review;
    });
    this.changes.reviewsChanged();
    return saved;
  }

  private async modelOf(em: EntityManager, generation: number): Promise<SubjectModel> {
    if (this.model?.generation !== generation) {
      const model = await loadModel(em, generation);
      if (!model) throw new Error(`the model of analysis generation ${generation} is missing`);
      this.model = { generation, model };
    }
    return this.model.model;
  }

  // ---- full rebuilds ----

  /**
   * Takes the right to rebuild: on PostgreSQL an advisory lock (one replica at a time, released if it dies); on
   * SQLite, no live rebuild in this or another process (one writes a heartbeat between its batches).
   */
  private async claim(): Promise<(() => Promise<void>) | null> {
    if (this.lockedHere) return null;
    if (isPostgres(this.ds.manager)) {
      const runner = this.ds.createQueryRunner();
      await runner.connect();
      const key = `collaboration-registry analysis ${(this.ds.options as { schema?: string }).schema ?? 'public'}`;
      const [row] = (await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [key])) as { locked: boolean }[];
      if (!row?.locked) {
        await runner.release();
        return null;
      }
      this.lockedHere = true;
      return async () => {
        this.lockedHere = false;
        await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
        await runner.release();
      };
    }
    const state = await readState(this.ds.manager);
    const beat = state.rebuildHeartbeat?.getTime() ?? 0;
    if (state.rebuildingGeneration !== null && Date.now() - beat < HEARTBEAT_TIMEOUT_MS) return null;
    this.lockedHere = true;
    return async () => {
      this.lockedHere = false;
    };
  }

  /**
   * A full rebuild: the next generation is written beside the current one, the changes committed meanwhile are
   * applied to it, and then it becomes current in one short transaction. A crash at any point leaves the current
   * generation in place (the next rebuild removes what the crashed one wrote). Returns false when another process
   * holds the right to rebuild. `model` classifies with a given model instead of training one (for tests that
   * compare incremental maintenance with a rebuild).
   */
  async rebuild(options: { model?: SubjectModel; progress?: (p: BuildProgress) => void | Promise<void> } = {}): Promise<boolean> {
    const release = await this.claim();
    if (!release) return false;
    const started = performance.now();
    let next = 0;
    try {
      // Tables a crash or a restore left behind may hold any number: the next generation is above all of them.
      const present = await generationsPresent(this.ds.manager);
      const leftover = await this.ds.transaction(async (em) => {
        const state = await readState(em, { lock: true });
        next = Math.max(state.generation, state.rebuildingGeneration ?? 0, ...present) + 1;
        await clearLog(em);
        await updateState(em, { rebuildRequested: false, rebuildingGeneration: next, rebuildHeartbeat: new Date() });
        return state.rebuildingGeneration;
      });
      if (leftover !== null) await this.dropGeneration(leftover);
      const alive = () => this.ds.transaction((em) => updateState(em, { rebuildHeartbeat: new Date() }));
      const built = await buildGeneration(this.ds, next, { model: options.model, alive, progress: options.progress, batchRows: this.options.batchRows });
      const previous = await this.ds.transaction((em) => this.makeCurrent(em, next, built, performance.now() - started));
      this.model = { generation: next, model: built.model };
      this.builds += 1;
      this.logger.info(
        { generation: next, durationMs: Math.round(performance.now() - started), collaborations: built.collaborations, pairs: built.pairs, comparisons: built.comparisons },
        'overlap analysis built',
      );
      // The one before stays readable a moment for requests that began on it; any others (a crash's, a restore's) go now.
      for (const g of await generationsPresent(this.ds.manager)) if (g !== next && g !== previous) await this.dropGeneration(g);
      if (previous > 0) this.later(() => this.dropGeneration(previous));
      return true;
    } catch (error) {
      // The current generation stays; the rebuild is asked for again.
      await this.ds
        .transaction(async (em) => {
          await clearLog(em);
          await updateState(em, { rebuildingGeneration: null, rebuildRequested: true });
        })
        .catch(() => undefined);
      if (next) await this.dropGeneration(next).catch(() => undefined);
      throw error;
    } finally {
      await release();
    }
  }

  /** Applies the changes logged during the build to the new generation and makes it the one readers use. */
  private async makeCurrent(em: EntityManager, next: number, built: BuiltGeneration, ms: number): Promise<number> {
    await withoutStatementTimeout(em);
    const state = await readState(em, { lock: true });
    // Without a limit every logged change is applied.
    const applied = (await applyChanges(em, next, built.model, await loggedChanges(em)))!;
    await clearLog(em);
    await updateState(
      em,
      {
        generation: next,
        rebuildingGeneration: null,
        rebuildHeartbeat: null,
        builtAt: new Date(),
        buildMs: Math.round(ms),
        collaborations: built.collaborations + applied.collaborations,
        pairs: built.pairs + applied.pairs,
      },
      { revision: 1 },
    );
    return state.generation;
  }


  private later(task: () => Promise<unknown>): void {
    const timer = setTimeout(() => {
      this.cleanups.delete(timer);
      task().catch((error: unknown) => this.logger.warn({ err: error }, 'could not remove an old overlap analysis'));
    }, GRACE_MS);
    timer.unref();
    this.cleanups.add(timer);
  }

  private async dropGeneration(generation: number): Promise<void> {
    await this.ds.transaction((em) => dropGenerationTables(em, generation));
  }

  // ---- reads ----

  async status(): Promise<AnalysisStatus> {
    const s = await readState(this.ds.manager);
    return {
      builtAt: s.builtAt,
      collaborations: s.collaborations,
      pairs: s.pairs,
      rebuilding: s.rebuildRequested || s.rebuildingGeneration !== null,
      modelVersion: s.generation,
    };
  }

  /** Figures for /metrics, as they stand (a scrape never starts a build). */
  async figures(): Promise<AnalysisFigures | null> {
    const s = await readState(this.ds.manager);
    return s.generation ? { builds: this.builds, builtInMs: s.buildMs ?? 0, collaborations: s.collaborations, pairs: s.pairs } : null;
  }

  /** The unit and topic trees, and the subjects under each topic (subjectsUnder), read once per revision of the analysis. */
  private async trees(): Promise<{ units: Map<number, AUnit>; topics: Map<number, ATopic>; under: Map<number, number[]> }> {
    const { revision } = await readState(this.ds.manager);
    if (this.tree?.revision !== revision) {
      const em = this.ds.manager;
      const topics = await loadTopics(em);
      this.tree = { revision, units: await loadUnits(em), topics, under: subjectsUnder([...topics.values()]) };
    }
    return this.tree;
  }

  /**
   * What a topic filter names: a topic by id or key, or, for free text, the topics whose label or synonyms hold one
   * of its words (in label order); and the subjects at or below them. Null when free text matches no topic.
   */
  private async topicsFor(topic: string, field: string): Promise<{ topicIds: number[]; subjects: Set<number>; byReference: boolean } | null> {
    const { words: asked } = searchText(topic, field);
    const { topics, under } = await this.trees();
    const id = (await resolveRefs(this.ds.manager, Topic, [topic])).get(topic);
    if (id !== undefined) return { topicIds: [id], subjects: new Set(under.get(id) ?? []), byReference: true };
    const words = new Set(asked.filter(isContentWord).map(stem));
    if (!words.size) throw RegistryError.of(field, 'INVALID', 'give a topic id, key or some words');
    const matched = [...topics.values()]
      .filter((t) => tokenize([t.label, ...t.synonyms].join(' ')).some((w) => words.has(stem(w))))
      .sort((a, b) => a.label.localeCompare(b.label, 'nb') || a.id - b.id);
    const subjects = new Set(matched.flatMap((t) => under.get(t.id) ?? []));
    return subjects.size ? { topicIds: matched.map((t) => t.id), subjects, byReference: false } : null;
  }

  /** The subjects a topic filter names (topicsFor). */
  private async subjectsFor(topic: string, field: string): Promise<Set<number> | null> {
    return (await this.topicsFor(topic, field))?.subjects ?? null;
  }

  /** The SQL of the flagged pairs a filter keeps, over overlap_pair `p`. */
  private async overlapQuery(filter: OverlapFilter, state: AnalysisState) {
    const em = this.ds.manager;
    const minScore = filter.minScore ?? DEFAULT_MIN_SCORE;
    if (minScore < 0 || minScore > 1) throw RegistryError.of('filter.minScore', 'INVALID', `must be between 0 and 1 (was ${minScore})`);
    const pairs = tablesOf(state.generation).pairs;
    const params: unknown[] = [minScore];
    // `+` keeps the score out of index choice: pages walk the report order (the rank index) instead of sorting.
    const where = ['+p.score >= $1'];
    const from = `${pairs} p`;
    let pageFrom = from;
    // The number of the parameter just added.
    const add = (value: unknown) => params.push(value);
    if (filter.unit != null) {
      const unitIds = await this.units.expand(filter.unit, true, 'filter.unit');
      const units = add(idList(em, unitIds));
      const involved = `(SELECT cu.collaboration_id FROM collaboration_unit cu WHERE ${inIdList(em, 'cu.unit_id', units)})`;
      where.push(`(p.a_id IN ${involved} OR p.b_id IN ${involved})`);
      const [{ n }] = await rawQuery<{ n: unknown }>(em, `SELECT COUNT(*) AS n FROM collaboration_unit WHERE ${inIdList(em, 'unit_id', 1)}`, [idList(em, unitIds)]);
      // A tiny part of the registry: its pairs by index, then sorted (walking all pairs in report order would meet
      // few of them). Any larger part: walking in report order meets a page of them soon.
      if (Number(n) * 1000 < state.collaborations) {
        pageFrom = `(SELECT * FROM ${pairs} WHERE a_id IN ${involved} UNION ALL SELECT * FROM ${pairs} WHERE b_id IN ${involved} AND a_id NOT IN ${involved}) p`;
      }
    }
    if (filter.topic != null) {
      const subjects = (await this.subjectsFor(filter.topic, 'filter.topic')) ?? new Set();
      where.push(inIdList(em, 'p.topic_id', add(idList(em, subjects))));
    }
    if (filter.activeOn) {
      const day = add(filter.activeOn);
      where.push(`(p.period_start IS NULL OR p.period_start <= $${day})`, `(p.period_end IS NULL OR p.period_end >= $${day})`);
    }
    if (!filter.includeReviewed) {
      where.push(`NOT EXISTS (SELECT 1 FROM overlap_review r WHERE r.a_id = p.a_id AND r.b_id = p.b_id AND r.decision <> '${ReviewDecision.CONFIRMED}')`);
    }
    // Counting lets the database use both indexes of a pair at once; a page must walk (or sort) in report order.
    return { select: PAIR_COLUMNS, from: pageFrom, countFrom: from, where, params };
  }

  /**
   * How many pairs a filter keeps, once per revision of the analysis. Without a unit, topic or date it is two index
   * counts (pairs at or above the score, less the reviewed-away ones among them) rather than a walk over all pairs.
   */
  private total(filter: OverlapFilter, state: AnalysisState, q: Awaited<ReturnType<AnalysisService['overlapQuery']>>): Promise<number> {
    const key = JSON.stringify([state.generation, state.revision, q.from, q.where, q.params]);
    let total = this.totals.get(key);
    if (!total) {
      // Shared by every reader of the filter: counted as work of its own, not charged to the reader that asks first.
      const count = (sql: string, params: unknown[]) =>
        detached(() => rawQuery<{ n: unknown }>(this.ds.manager, sql, params)).then((rows) => Number(rows[0]?.n ?? 0));
      const plain = filter.unit == null && filter.topic == null && !filter.activeOn;
      total = plain
        ? Promise.all([
            count(`SELECT COUNT(*) AS n FROM ${tablesOf(state.generation).pairs} WHERE score >= $1`, q.params.slice(0, 1)),
            filter.includeReviewed
              ? 0
              : count(
                  `SELECT COUNT(*) AS n FROM overlap_review r JOIN ${tablesOf(state.generation).pairs} p ON p.a_id = r.a_id AND p.b_id = r.b_id
                   WHERE p.score >= $1 AND r.decision <> '${ReviewDecision.CONFIRMED}'`,
                  q.params.slice(0, 1),
                ),
          ]).then(([all, hidden]) => all - hidden)
        : count(`SELECT COUNT(*) AS n FROM ${q.countFrom} WHERE ${q.where.join(' AND ')}`, q.params);
      // A count that failed is not the total.
      total.catch(() => this.totals.delete(key));
      this.totals.set(key, total);
    }
    return total;
  }

  /**
   * A page of the flagged overlaps matching a filter, strongest first (keyset pagination on the report order). The
   * total of a filter is counted once per revision of the analysis: counting millions of pairs is the slow part.
   */
  async overlapPage(filter: OverlapFilter, page: ConnectionArgs): Promise<Connection<Overlap>> {
    const state = await this.current();
    const q = await this.overlapQuery(filter, state);
    return paginateSql(this.ds.manager, q, page, { expression: 'p.rank', direction: SortDirection.ASC, id: 'p.a_id' }, toPair, () => this.total(filter, state, q));
  }

  /** All flagged overlaps matching a filter, strongest first (reports, clusters). */
  async overlaps(filter: OverlapFilter = {}): Promise<Overlap[]> {
    const q = await this.overlapQuery(filter, await this.current());
    const rows = await rawQuery<Record<string, unknown>>(this.ds.manager, `SELECT ${q.select} FROM ${q.from} WHERE ${q.where.join(' AND ')} ORDER BY p.rank`, q.params);
    return rows.map(toPair);
  }

  /** One collaboration's flagged overlaps (reviewed-away pairs left out), strongest first. */
  async overlapsOf(collaborationId: number, minScore = DEFAULT_MIN_SCORE): Promise<Overlap[]> {
    const { generation } = await this.current();
    // Each side by its own index (with both in one condition, a walk over all pairs in order looks cheaper).
    const rows = await rawQuery<Record<string, unknown>>(
      this.ds.manager,
      `SELECT ${PAIR_COLUMNS} FROM (SELECT * FROM ${tablesOf(generation).pairs} WHERE a_id = $1 UNION ALL SELECT * FROM ${tablesOf(generation).pairs} WHERE b_id = $1) p
       WHERE p.score >= $2 AND NOT EXISTS (SELECT 1 FROM overlap_review r WHERE r.a_id = p.a_id AND r.b_id = p.b_id AND r.decision <> '${ReviewDecision.CONFIRMED}')
       ORDER BY p.rank`,
      [collaborationId, minScore],
    );
    return rows.map(toPair);
  }

  /** A reviewer's decision on a pair, if any. */
  reviewOf(pair: OverlapPair): Promise<OverlapReview | null> {
    return this.ds.getRepository(OverlapReview).findOneBy({ aId: pair.a, bId: pair.b });
  }

  /**
   * Why a pair was flagged, computed from the two collaborations as they are and the model that flagged them. The
   * pairs of one page are explained together (one read of their collaborations), never cached.
   */
  explain(pair: OverlapPair, language: Language = 'en'): Promise<OverlapReason[]> {
    return this.explainer.load({ pair, language });
  }

  // A batch may hold the pairs of several requests (a slice of requests runs in one turn of the event loop): it is
  // work of its own, not charged to whichever request's time budget asked first.
  private readonly explainer = new DataLoader<{ pair: OverlapPair; language: Language }, OverlapReason[]>(
    (asked) => detached(() => this.explainPairs(asked)),
    { cache: false },
  );

  private async explainPairs(asked: readonly { pair: OverlapPair; language: Language }[]): Promise<OverlapReason[][]> {
    const pairs = asked.map((a) => a.pair);
    const { generation } = await this.current();
    const { units, topics } = await this.trees();
    const data: AnalysisData = { units, topics, collaborations: await loadCollaborations(this.ds.manager, pairs.flatMap((p) => [p.a, p.b])) };
    const engine = OverlapEngine.over(data, await this.modelOf(this.ds.manager, generation), subjectsOf(new Map()));
    return asked.map(({ pair, language }) =>
      data.collaborations.has(pair.a) && data.collaborations.has(pair.b) ? engine.explain(pair, data, ANALYSIS_MESSAGES[language]) : [],
    );
  }

  /**
   * Groups of collaborations linked by flagged overlaps, largest and strongest first: computed once per revision
   * and filter from the pairs' ids and scores alone (read in chunks), so a million collaborations' clusters fit in a
   * few tens of megabytes; each cluster's pairs are read when it is shown.
   */
  async clusters(filter: OverlapFilter = {}): Promise<OverlapCluster[]> {
    const state = await this.current();
    const q = await this.overlapQuery(filter, state);
    const key = JSON.stringify([state.generation, state.revision, q.countFrom, q.where, q.params]);
    let grouped = this.clusterCache.get(key);
    if (!grouped) {
      grouped = this.clustering.then(() => this.clusterSummaries(q, filter.unit != null));
      this.clustering = grouped.catch(() => this.clusterCache.delete(key));
      this.clusterCache.set(key, grouped);
    }
    return (await grouped).map(({ members, score }) => {
      let pairs: Promise<Overlap[]> | undefined;
      return {
        collaborationIds: [...members],
        score,
        // Read once per cluster shown, with the same filter as the grouping.
        pairs: () =>
          (pairs ??= rawQuery<Record<string, unknown>>(
            this.ds.manager,
            `SELECT ${q.select} FROM ${q.countFrom} WHERE ${q.where.join(' AND ')} AND ${inIdList(this.ds.manager, 'p.a_id', q.params.length + 1)} ORDER BY p.rank`,
            [...q.params, idList(this.ds.manager, members)],
          ).then((rows) => rows.map(toPair))),
      };
    });
  }

  /** Union–find over the (a, b, score) of every pair the filter keeps, then the groups in report order. */
  private async clusterSummaries(q: Awaited<ReturnType<AnalysisService['overlapQuery']>>, few: boolean): Promise<{ members: Int32Array; score: number }[]> {
    const parent = new Map<number, number>();
    const find = (x: number): number => {
      let r = x;
      while (parent.get(r) !== r) r = parent.get(r)!;
      // Everything on the way now points at the root, so the next look-up is one step.
      for (let y = x; y !== r; ) {
        const next = parent.get(y)!;
        parent.set(y, r);
        y = next;
      }
      return r;
    };
    const edges: { a: number[]; score: number[] } = { a: [], score: [] };
    const take = (rows: unknown[][]) => {
      for (const [a, b, score] of rows) {
        const [x, y] = [Number(a), Number(b)];
        if (!parent.has(x)) parent.set(x, x);
        if (!parent.has(y)) parent.set(y, y);
        parent.set(find(x), find(y));
        edges.a.push(x);
        edges.score.push(Number(score));
      }
    };
    const where = q.where.join(' AND ');
    if (few) take(await rawRows(this.ds.manager, `SELECT p.a_id, p.b_id, p.score FROM ${q.countFrom} WHERE ${where}`, q.params));
    else {
      // Walked in (a, b) order, a chunk per statement.
      for (let after = [0, 0]; ; ) {
        const n = q.params.length;
        const rows = await rawRows(
          this.ds.manager,
          `SELECT p.a_id, p.b_id, p.score FROM ${q.countFrom} WHERE ${where} AND (p.a_id > $${n + 1} OR (p.a_id = $${n + 1} AND p.b_id > $${n + 2}))
           ORDER BY p.a_id, p.b_id LIMIT ${CLUSTER_CHUNK}`,
          [...q.params, ...after],
        );
        take(rows);
        if (rows.length < CLUSTER_CHUNK) break;
        after = [Number(rows[rows.length - 1]![0]), Number(rows[rows.length - 1]![1])];
      }
    }
    const groups = new Map<number, { members: number[]; pairs: number; sum: number }>();
    for (const id of parent.keys()) {
      const root = find(id);
      const group = groups.get(root);
      if (group) group.members.push(id);
      else groups.set(root, { members: [id], pairs: 0, sum: 0 });
    }
    for (let i = 0; i < edges.a.length; i++) {
      const group = groups.get(find(edges.a[i]!))!;
      group.pairs += 1;
      group.sum += edges.score[i]!;
    }
    const clusters = [...groups.values()].map((g) => ({ members: Int32Array.from(g.members).sort(), score: Math.round((g.sum / g.pairs) * 1000) / 1000 }));
    return clusters.sort((x, y) => y.members.length - x.members.length || byScore(x, y) || x.members[0]! - y.members[0]!);
  }

  /** The project leaders and contacts of each collaboration in a cluster, in the collaborations' order. */
  async contactsOf(cluster: OverlapCluster): Promise<ClusterContact[]> {
    const em = this.ds.manager;
    const rows = await rawQuery<{ collaboration_id: unknown; person_id: unknown; role: PersonRole }>(
      em,
      `SELECT collaboration_id, person_id, role FROM collaboration_person WHERE ${inIdList(em, 'collaboration_id', 1)} AND role IN ($2, $3)
       ORDER BY collaboration_id, position`,
      [idList(em, cluster.collaborationIds), PersonRole.PROJECT_LEADER, PersonRole.CONTACT],
    );
    return rows.map((r) => ({ collaborationId: Number(r.collaboration_id), personId: Number(r.person_id), role: r.role }));
  }

  /** The SQL of the collaborations with gaps a filter keeps, over a generation's analysis_collaboration `s` and agreement `ag`. */
  private async gapQuery(filter: { unit?: string | null; codes?: GapCode[] | null }, generation: number, today: string) {
    const em = this.ds.manager;
    const params: unknown[] = [];
    const codes = filter.codes?.length ? filter.codes : Object.values(GapCode);
    // Today's date is a parameter only where a condition reads it (PostgreSQL types every parameter it is given).
    const day = codes.includes(GapCode.AGREEMENT_EXPIRED) ? `$${params.push(today)}` : '';
    const where = ['s.gap_eligible = 1', `(${codes.map((code) => GAP_CONDITIONS[code](day)).join(' OR ')})`];
    if (filter.unit != null) {
      const units = params.push(idList(em, await this.units.expand(filter.unit, true, 'filter.unit')));
      where.push(`EXISTS (SELECT 1 FROM collaboration_unit cu WHERE cu.collaboration_id = s.collaboration_id AND ${inIdList(em, 'cu.unit_id', units)})`);
    }
    return {
      select: 's.collaboration_id, s.agreement_id, s.missing_sector, s.no_contact, s.gap_eligible, s.end_date, ag.valid_to',
      from: `${tablesOf(generation).collaborations} s LEFT JOIN agreement ag ON ag.id = s.agreement_id AND ag.deleted_at IS NULL`,
      where,
      params,
      codes: new Set(codes),
    };
  }

  private gapEntry(row: Record<string, unknown>, codes: Set<GapCode>, today: string, language: Language): GapEntry {
    const gaps = gapsFrom(
      {
        eligible: Number(row.gap_eligible) === 1,
        agreementId: row.agreement_id === null ? null : Number(row.agreement_id),
        missingSector: (row.missing_sector as never) ?? null,
        noContact: Number(row.no_contact) === 1,
      },
      dateText(row.valid_to),
      dateText(row.end_date),
      today,
      ANALYSIS_MESSAGES[language],
    ).filter((g) => codes.has(g.code));
    return { collaborationId: Number(row.collaboration_id), gaps };
  }

  /** A page of the planned and active collaborations with coordination gaps, in key order, each as `shape` makes it. */
  async gapPage<T>(filter: { unit?: string | null; codes?: GapCode[] | null }, page: ConnectionArgs, shape: (entry: GapEntry) => T, language: Language = 'en'): Promise<Connection<T>> {
    const { generation } = await this.current();
    const today = todayIso();
    const q = await this.gapQuery(filter, generation, today);
    return paginateSql(this.ds.manager, q, page, { expression: 's.key', direction: SortDirection.ASC, id: 's.collaboration_id' }, (row) => shape(this.gapEntry(row, q.codes, today, language)));
  }

  /** All planned and active collaborations with coordination gaps, in key order. */
  async gaps(filter: { unit?: string | null; codes?: GapCode[] | null } = {}, language: Language = 'en'): Promise<GapEntry[]> {
    const { generation } = await this.current();
    const today = todayIso();
    const q = await this.gapQuery(filter, generation, today);
    const rows = await rawQuery<Record<string, unknown>>(this.ds.manager, `SELECT ${q.select} FROM ${q.from} WHERE ${q.where.join(' AND ')} ORDER BY s.key`, q.params);
    return rows.map((row) => this.gapEntry(row, q.codes, today, language));
  }

  async gapsOfCollaboration(collaborationId: number, language: Language = 'en'): Promise<Gap[]> {
    const { generation } = await this.current();
    const today = todayIso();
    const q = await this.gapQuery({}, generation, today);
    const one = q.params.push(collaborationId);
    const rows = await rawQuery<Record<string, unknown>>(this.ds.manager, `SELECT ${q.select} FROM ${q.from} WHERE ${q.where.join(' AND ')} AND s.collaboration_id = $${one}`, q.params);
    return rows.length ? this.gapEntry(rows[0]!, q.codes, today, language).gaps : [];
  }

  /**
   * Who works with a unit (and its subunits) on a topic: the collaborations about that subject (found by their
   * inferred subject, so untagged and mis-tagged ones count), then their people and units, ranked.
   */
  async whoWorksWith(unit: string, topic: string, activeOn: string | null | undefined, limit: number, language: Language = 'en'): Promise<WhoWorksWithAnswer> {
    const say = ANALYSIS_MESSAGES[language];
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_WHO_WORKS_WITH) {
      throw RegistryError.of('limit', 'INVALID', `must be from 1 to ${MAX_WHO_WORKS_WITH} (was ${limit})`);
    }
    const { generation } = await this.current();
    const em = this.ds.manager;
    const unitIds = idList(em, await this.units.expand(unit, true, 'unit'));
    const named = await this.topicsFor(topic, 'topic');
    const subjects = named?.subjects ?? null;
    const queryWords = new Set(searchText(topic, 'topic').words.filter(isContentWord).map(stem));
    const today = todayIso();
    // OFFSET 0 keeps PostgreSQL from turning this into a join with every collaboration of a big municipality's
    // units (14,000 rows at 100,000 collaborations, 60 ms): it is asked once per candidate, by the candidate's rows.
    const inUnit = `EXISTS (SELECT 1 FROM collaboration_unit cu WHERE cu.collaboration_id = c.id AND ${inIdList(em, 'cu.unit_id', 1)}${isPostgres(em) ? ' OFFSET 0' : ''})`;
    const onSubjects = (ids: Iterable<number>) =>
      rawQuery<Record<string, unknown>>(
        em,
        `SELECT c.id, c.status, c.start_date, c.end_date, s.topic_id, s.confidence FROM ${tablesOf(generation).collaborations} s JOIN collaboration c ON c.id = s.collaboration_id
         WHERE ${inIdList(em, 's.topic_id', 2)} AND c.status <> '${Status.CANCELLED}' AND ${inUnit} ORDER BY c.id`,
        [unitIds, idList(em, [...ids])],
      );
    const inPeriod = (row: Record<string, unknown>) =>
      !activeOn || overlapOf({ startDate: dateText(row.start_date), endDate: dateText(row.end_date) }, { startDate: activeOn, endDate: activeOn });
    const candidates = subjects
      ? await onSubjects(subjects)
      : await rawQuery<Record<string, unknown>>(
          em,
          `SELECT c.id, c.status, c.start_date, c.end_date, c.title, c.summary, c.keywords FROM collaboration c
           WHERE c.deleted_at IS NULL AND c.status <> '${Status.CANCELLED}' AND ${inUnit} ORDER BY c.id`,
          [unitIds],
        );
    const { topics, under } = await this.trees();
    const matches: WhoWorksWithAnswer['collaborations'] = [];
    for (const row of candidates) {
      const c = { startDate: dateText(row.start_date), endDate: dateText(row.end_date), status: row.status as Status };
      if (!inPeriod(row)) continue;
      const reasons: string[] = [];
      let strength = 0;
      if (subjects) {
        strength = Number(row.confidence);
        reasons.push(say.aboutSubject(topics.get(Number(row.topic_id))?.label ?? String(row.topic_id), Math.round(strength * 100)));
      } else {
        const features = documentFeatures({ title: String(row.title), summary: (row.summary as string | null) ?? null, keywords: JSON.parse(String(row.keywords)) as string[], unitNames: [] });
        const hits = [...queryWords].filter((w) => features.has(w));
        if (hits.length && hits.length === queryWords.size) {
          strength = 0.6;
          reasons.push(say.mentionsEveryWord);
        }
      }
      if (!strength) continue;
      const running = c.status === Status.ACTIVE || c.status === Status.PLANNED || !c.endDate || c.endDate >= today;
      const yearsAgo = running ? 0 : (Date.parse(today) - Date.parse(c.endDate!)) / (365.25 * 864e5);
      const recency = 1 / (1 + yearsAgo / 3);
      reasons.push(running ? say.activeOrPlanned : say.ended(c.endDate!));
      matches.push({ collaborationId: Number(row.id), score: Math.round(strength * (0.5 + 0.5 * recency) * 1000) / 1000, reasons });
    }
    matches.sort(byScore);
    const participants = async (table: string, column: string) =>
      rawQuery<Record<string, unknown>>(em, `SELECT collaboration_id, ${column} AS id, role FROM ${table} WHERE ${inIdList(em, 'collaboration_id', 1)} ORDER BY collaboration_id, position`, [
        idList(
          em,
          matches.map((m) => m.collaborationId),
        ),
      ]);
    const group = (rows: Record<string, unknown>[]) => {
      const out = new Map<number, { id: number; role: string }[]>();
      for (const r of rows) out.set(Number(r.collaboration_id), [...(out.get(Number(r.collaboration_id)) ?? []), { id: Number(r.id), role: String(r.role) }]);
      return out;
    };
    const peopleOf = group(await participants('collaboration_person', 'person_id'));
    const unitsOf = group(await participants('collaboration_unit', 'unit_id'));
    const people = new Map<number, { personId: number; score: number; roles: Set<PersonRole>; collaborationIds: number[] }>();
    const units = new Map<number, { unitId: number; score: number; collaborationIds: number[] }>();
    for (const m of matches) {
      const id = m.collaborationId;
      for (const p of peopleOf.get(id) ?? []) {
        const entry = people.get(p.id) ?? { personId: p.id, score: 0, roles: new Set(), collaborationIds: [] };
        entry.score = Math.max(entry.score, m.score);
        entry.roles.add(p.role as PersonRole);
        if (!entry.collaborationIds.includes(id)) entry.collaborationIds.push(id);
        people.set(p.id, entry);
      }
      for (const u of unitsOf.get(id) ?? []) {
        const entry = units.get(u.id) ?? { unitId: u.id, score: 0, collaborationIds: [] };
        entry.score = Math.max(entry.score, m.score);
        if (!entry.collaborationIds.includes(id)) entry.collaborationIds.push(id);
        units.set(u.id, entry);
      }
    }
    // Where else the unit's work may be filed, counted as the answer counts its own (unit, period, status, a
    // subject held with some confidence); a topic given by reference is the one topic in topicIds.
    const similarTopics: WhoWorksWithAnswer['similarTopics'] = [];
    const similar = named?.byReference ? topicsSimilarByName(named.topicIds[0]!, topics) : [];
    if (similar.length) {
      // Similar topics are never above or below one another, so each subject counts toward at most one of them.
      const topicOfSubject = new Map(similar.flatMap((id) => (under.get(id) ?? []).map((subject) => [subject, id] as const)));
      const collaborationsOf = new Map(similar.map((id) => [id, new Set<number>()]));
      for (const row of await onSubjects(topicOfSubject.keys())) {
        if (inPeriod(row) && Number(row.confidence) > 0) collaborationsOf.get(topicOfSubject.get(Number(row.topic_id))!)!.add(Number(row.id));
      }
      for (const [topicId, ids] of collaborationsOf) if (ids.size) similarTopics.push({ topicId, collaborations: ids.size });
      similarTopics.sort((a, b) => b.collaborations - a.collaborations);
    }
    const rank = <T extends { score: number; collaborationIds: number[] }>(list: T[]) =>
      list.sort((x, y) => byScore(x, y) || y.collaborationIds.length - x.collaborationIds.length).slice(0, limit);
    return {
      topicIds: named?.topicIds.slice(0, MAX_NAMED_TOPICS) ?? [],
      collaborations: matches.slice(0, limit),
      people: rank([...people.values()]).map((p) => ({ ...p, roles: [...p.roles] })),
      units: rank([...units.values()]),
      similarTopics: similarTopics.slice(0, MAX_SIMILAR_TOPICS),
    };
  }

  /** Subjects and confidences as the current analysis holds them (for tests and the benchmark). */
  async subjects(ids: number[]): Promise<Map<number, { topicId: number; confidence: number } | null>> {
    const { generation } = await this.current();
    const rows = await readCollaborationRows(this.ds.manager, generation, ids);
    return new Map(ids.map((id) => [id, rows.get(id)?.subject ?? null]));
  }
}

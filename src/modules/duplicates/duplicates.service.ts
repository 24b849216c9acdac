import { DataSource } from 'typeorm';
import { RegistryError } from '../../errors/registry-error';
import { ACollaboration, AnalysisData, pairKey } from '../analysis/analysis.data';
import { savePairReview } from '../analysis/pair-review';
import { UnitService } from '../units/unit.service';
import { RegistryCopy } from './registry-copy';
import { DEFAULT_DUPLICATE_SCORE, DuplicateDetector, DuplicatePair } from './duplicate-detector';
import { DuplicateDecision, DuplicateReview } from './duplicate-review.entity';
import { sharedWork } from '../../db/work-budget';

export interface DuplicateFilter {
  /** Pairs where either side involves this unit or one of its subunits. */
  unit?: string | null;
  minScore?: number | null;
  /** Also list pairs reviewed as NOT_DUPLICATE. */
  includeReviewed?: boolean | null;
}

/** Pairs scored at least this are kept per analysis revision; a caller's minScore filters them. */
const FLOOR = 0.5;

/**
 * Duplicate candidates over an in-memory copy of the registry (patched after every write): computed once per
 * revision of that copy and reused by every request until the next write.
 */
export class DuplicatesService {
  private cached: { revision: number; data: AnalysisData; pairs: DuplicatePair[] } | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly registry: RegistryCopy,
    private readonly units: UnitService,
  ) {}

  private async current(): Promise<{ data: AnalysisData; pairs: DuplicatePair[] }> {
    const { data, revision } = await this.registry.current();
    if (this.cached?.revision !== revision || this.cached.data !== data) {
      this.cached = { revision, data, pairs: sharedWork(() => new DuplicateDetector(data).all(FLOOR)) };
    }
    return this.cached;
  }

  async candidates(filter: DuplicateFilter = {}): Promise<DuplicatePair[]> {
    const minScore = filter.minScore ?? DEFAULT_DUPLICATE_SCORE;
    if (minScore < FLOOR || minScore > 1) throw RegistryError.of('filter.minScore', 'INVALID', `must be between ${FLOOR} and 1 (was ${minScore})`);
    const { data, pairs } = await this.current();
    const unitIds = filter.unit != null ? new Set(await this.units.expand(filter.unit, true, 'filter.unit')) : null;
    const involves = (id: number) => data.collaborations.get(id)?.units.some((u) => unitIds!.has(u.unitId)) ?? false;
    const reviews = await this.reviews();
    return pairs.filter(
      (p) =>
        p.score >= minScore &&
        (!unitIds || involves(p.a) || involves(p.b)) &&
        (filter.includeReviewed || reviews.get(pairKey(p.a, p.b))?.decision !== DuplicateDecision.NOT_DUPLICATE),
    );
  }

  /** Registered collaborations a record about to be created probably duplicates, most certain first (for an import's dry run). */
  async againstRegistry(records: Omit<ACollaboration, 'id'>[]): Promise<{ key: string; title: string; score: number }[][]> {
    const { data } = await this.current();
    const detector = new DuplicateDetector(data);
    return records.map((record) =>
      detector.against({ ...record, id: 0 }).map((pair) => {
        const other = data.collaborations.get(pair.a === 0 ? pair.b : pair.a)!;
        return { key: other.key, title: other.title, score: pair.score };
      }),
    );
  }

  async reviewOf(pair: DuplicatePair): Promise<DuplicateReview | null> {
    return (await this.reviews()).get(pairKey(pair.a, pair.b)) ?? null;
  }

  private async reviews(): Promise<Map<string, DuplicateReview>> {
    const rows = await this.ds.getRepository(DuplicateReview).find();
    return new Map(rows.map((r) => [pairKey(r.aId, r.bId), r]));
  }

  /** Records (or changes) a reviewer's decision on a pair. */
  review(input: { a: string; b: string; decision: DuplicateDecision; note?: string | null }, reviewedBy: string): Promise<DuplicateReview> {
    return savePairReview(this.ds.manager, DuplicateReview, input, reviewedBy, 'a collaboration cannot duplicate itself');
  }
}

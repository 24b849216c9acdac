import { PersonRole, Status } from '../collaborations/collaboration.enums';
import { Sector } from '../units/unit.enums';
import { AnalysisData, AUnit } from './analysis.data';

/**
 * What the pair rules and the gaps read of a collaboration, by id. The same rules run over a few records fresh
 * from the database (a write's neighbourhood: `RecordFacts`) and over a whole registry held in flat arrays (a full
 * build: `CompactRegistry`), so both always agree.
 */
export interface CollaborationFacts {
  has(id: number): boolean;
  key(id: number): string;
  status(id: number): Status;
  startDate(id: number): string | null;
  endDate(id: number): string | null;
  parentId(id: number): number | null;
  agreementId(id: number): number | null;
  /** Every unit taking part. */
  units(id: number): ArrayLike<number>;
  /** The municipal-sector units taking part, each once, in the order given. */
  municipal(id: number): ArrayLike<number>;
  people(id: number): ArrayLike<number>;
  /** Whether someone takes part as project leader or contact. */
  hasContact(id: number): boolean;
  topics(id: number): ArrayLike<number>;
}

/** The municipal-sector units of a list, each once, in order. */
export function municipalOf(unitIds: Iterable<number>, units: Map<number, AUnit>): number[] {
  const out: number[] = [];
  for (const u of unitIds) if (units.get(u)?.sector === Sector.MUNICIPAL && !out.includes(u)) out.push(u);
  return out;
}

/** Facts of collaborations read as records (AnalysisData): a write's neighbourhood, an explanation's pair. */
export class RecordFacts implements CollaborationFacts {
  private readonly municipalCache = new Map<number, number[]>();

  constructor(private readonly data: AnalysisData) {}

  private c(id: number) {
    return this.data.collaborations.get(id)!;
  }

  has(id: number): boolean {
    return this.data.collaborations.has(id);
  }

  key(id: number): string {
    return this.c(id).key;
  }

  status(id: number): Status {
    return this.c(id).status;
  }

  startDate(id: number): string | null {
    return this.c(id).startDate;
  }

  endDate(id: number): string | null {
    return this.c(id).endDate;
  }

  parentId(id: number): number | null {
    return this.c(id).parentId;
  }

  agreementId(id: number): number | null {
    return this.c(id).agreementId;
  }

  units(id: number): number[] {
    return this.c(id).units.map((u) => u.unitId);
  }

  municipal(id: number): number[] {
    let list = this.municipalCache.get(id);
    if (!list) this.municipalCache.set(id, (list = municipalOf(this.units(id), this.data.units)));
    return list;
  }

  people(id: number): number[] {
    return this.c(id).people.map((p) => p.personId);
  }

  hasContact(id: number): boolean {
    return this.c(id).people.some((p) => p.role === PersonRole.PROJECT_LEADER || p.role === PersonRole.CONTACT);
  }

  topics(id: number): number[] {
    return this.c(id).topicIds;
  }
}

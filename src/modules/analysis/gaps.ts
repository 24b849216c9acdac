import { registerEnumType } from 'type-graphql';
import { Status } from '../collaborations/collaboration.enums';
import { Sector } from '../units/unit.enums';
import { AUnit } from './analysis.data';
import { CollaborationFacts } from './analysis.facts';
import { AnalysisMessages } from './analysis.messages';

export enum GapCode {
  NO_AGREEMENT = 'NO_AGREEMENT',
  AGREEMENT_EXPIRED = 'AGREEMENT_EXPIRED',
  ONE_SIDED = 'ONE_SIDED',
  NO_CONTACT = 'NO_CONTACT',
}
registerEnumType(GapCode, {
  name: 'GapCode',
  description: 'Ways a planned or active collaboration stands unconnected from the coordination structure.',
  valuesConfig: {
    NO_AGREEMENT: { description: 'Neither it nor any collaboration it is part of names an agreement.' },
    AGREEMENT_EXPIRED: { description: "Its agreement ends before the collaboration does (or, with no end, before today)." },
    ONE_SIDED: { description: 'No municipal-sector unit or no academic-sector unit takes part.' },
    NO_CONTACT: { description: 'Nobody takes part as PROJECT_LEADER or CONTACT.' },
  },
});

export interface Gap {
  code: GapCode;
  message: string;
}

/** The agreement a collaboration runs under: its own, or the nearest one up its `parent` chain. */
function agreementOf(facts: CollaborationFacts, id: number): number | null {
  const seen = new Set<number>();
  for (let x: number | null = id; x !== null && facts.has(x) && !seen.has(x); x = facts.parentId(x)) {
    const agreement = facts.agreementId(x);
    if (agreement !== null) return agreement;
    seen.add(x);
  }
  return null;
}

/**
 * What the gaps of a collaboration depend on, apart from its agreement's end and today's date (read when the gaps
 * are: an agreement changed or a day passed changes no stored row).
 */
export interface GapBasis {
  /** Only PLANNED and ACTIVE collaborations can have gaps. */
  eligible: boolean;
  /** The agreement it runs under (its own or the nearest up its parent chain). */
  agreementId: number | null;
  /** The sector with no unit taking part, when one is missing. */
  missingSector: Sector.MUNICIPAL | Sector.ACADEMIC | null;
  noContact: boolean;
}

export function gapBasisOf(facts: CollaborationFacts, units: Map<number, AUnit>, id: number): GapBasis {
  const sectors = new Set<Sector | undefined>();
  const list = facts.units(id);
  for (let i = 0; i < list.length; i++) sectors.add(units.get(list[i]!)?.sector);
  const oneSided = !sectors.has(Sector.MUNICIPAL) || !sectors.has(Sector.ACADEMIC);
  const status = facts.status(id);
  return {
    eligible: status === Status.PLANNED || status === Status.ACTIVE,
    agreementId: agreementOf(facts, id),
    missingSector: oneSided ? (sectors.has(Sector.MUNICIPAL) ? Sector.ACADEMIC : Sector.MUNICIPAL) : null,
    noContact: !facts.hasContact(id),
  };
}

/** The gaps of a collaboration from its basis, its agreement's end (null: open-ended or none) and its own end. */
export function gapsFrom(basis: GapBasis, validTo: string | null, endDate: string | null, today: string, say: AnalysisMessages): Gap[] {
  if (!basis.eligible) return [];
  const gaps: Gap[] = [];
  if (basis.agreementId === null) {
    gaps.push({ code: GapCode.NO_AGREEMENT, message: say.noAgreement });
  } else if (validTo !== null && validTo < (endDate ?? today)) {
    gaps.push({ code: GapCode.AGREEMENT_EXPIRED, message: endDate ? say.agreementEndsFirst(validTo, endDate) : say.agreementEnded(validTo) });
  }
  if (basis.missingSector) {
    gaps.push({ code: GapCode.ONE_SIDED, message: basis.missingSector === Sector.ACADEMIC ? say.noAcademicUnit : say.noMunicipalUnit });
  }
  if (basis.noContact) gaps.push({ code: GapCode.NO_CONTACT, message: say.noContact });
  return gaps;
}

import { registerEnumType } from 'type-graphql';
import { PersonRole, Status } from '../collaborations/collaboration.enums';
import { Sector } from '../units/unit.enums';
import { ACollaboration, AnalysisData } from './analysis.data';

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
function agreementOf(data: AnalysisData, c: ACollaboration): number | null {
  const seen = new Set<number>();
  for (let x: ACollaboration | undefined = c; x && !seen.has(x.id); x = x.parentId === null ? undefined : data.collaborations.get(x.parentId)) {
    if (x.agreementId !== null) return x.agreementId;
    seen.add(x.id);
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

export function gapBasisOf(data: AnalysisData, c: ACollaboration): GapBasis {
  const sectors = new Set(c.units.map((u) => data.units.get(u.unitId)?.sector));
  const oneSided = !sectors.has(Sector.MUNICIPAL) || !sectors.has(Sector.ACADEMIC);
  return {
    eligible: c.status === Status.PLANNED || c.status === Status.ACTIVE,
    agreementId: agreementOf(data, c),
    missingSector: oneSided ? (sectors.has(Sector.MUNICIPAL) ? Sector.ACADEMIC : Sector.MUNICIPAL) : null,
    noContact: !c.people.some((p) => p.role === PersonRole.PROJECT_LEADER || p.role === PersonRole.CONTACT),
  };
}

/** The gaps of a collaboration from its basis, its agreement's end (null: open-ended or none) and its own end. */
export function gapsFrom(basis: GapBasis, validTo: string | null, endDate: string | null, today: string): Gap[] {
  if (!basis.eligible) return [];
  const gaps: Gap[] = [];
  if (basis.agreementId === null) {
    gaps.push({ code: GapCode.NO_AGREEMENT, message: 'Neither this collaboration nor any it is part of names an agreement.' });
  } else if (validTo !== null && validTo < (endDate ?? today)) {
    gaps.push({
      code: GapCode.AGREEMENT_EXPIRED,
      message: endDate
        ? `Its agreement ends on ${validTo}, before the collaboration ends on ${endDate}.`
        : `Its agreement ended on ${validTo}, and the collaboration is still running.`,
    });
  }
  if (basis.missingSector) {
    gaps.push({
      code: GapCode.ONE_SIDED,
      message: basis.missingSector === Sector.ACADEMIC ? 'No academic-sector unit takes part.' : 'No municipal-sector unit takes part.',
    });
  }
  if (basis.noContact) gaps.push({ code: GapCode.NO_CONTACT, message: 'Nobody takes part as project leader or contact.' });
  return gaps;
}

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

/** The coordination gaps of one collaboration; only PLANNED and ACTIVE collaborations can have any. */
export function gapsOf(data: AnalysisData, c: ACollaboration, today: string): Gap[] {
  if (c.status !== Status.PLANNED && c.status !== Status.ACTIVE) return [];
  const gaps: Gap[] = [];
  const agreementId = agreementOf(data, c);
  if (agreementId === null) {
    gaps.push({ code: GapCode.NO_AGREEMENT, message: 'Neither this collaboration nor any it is part of names an agreement.' });
  } else {
    const validTo = data.agreementValidTo.get(agreementId) ?? null;
    const until = c.endDate ?? today;
    if (validTo !== null && validTo < until) {
      gaps.push({
        code: GapCode.AGREEMENT_EXPIRED,
        message: c.endDate
          ? `Its agreement ends on ${validTo}, before the collaboration ends on ${c.endDate}.`
          : `Its agreement ended on ${validTo}, and the collaboration is still running.`,
      });
    }
  }
  const sectors = new Set(c.units.map((u) => data.units.get(u.unitId)?.sector));
  if (!sectors.has(Sector.MUNICIPAL) || !sectors.has(Sector.ACADEMIC)) {
    gaps.push({
      code: GapCode.ONE_SIDED,
      message: sectors.has(Sector.MUNICIPAL) ? 'No academic-sector unit takes part.' : 'No municipal-sector unit takes part.',
    });
  }
  if (!c.people.some((p) => p.role === PersonRole.PROJECT_LEADER || p.role === PersonRole.CONTACT)) {
    gaps.push({ code: GapCode.NO_CONTACT, message: 'Nobody takes part as project leader or contact.' });
  }
  return gaps;
}

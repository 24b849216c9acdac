import { registerEnumType } from 'type-graphql';

export enum UnitKind {
  MUNICIPALITY = 'MUNICIPALITY',
  COUNTY = 'COUNTY',
  DISTRICT = 'DISTRICT',
  MUNICIPAL_SERVICE = 'MUNICIPAL_SERVICE',
  UNIVERSITY = 'UNIVERSITY',
  UNIVERSITY_COLLEGE = 'UNIVERSITY_COLLEGE',
  FACULTY = 'FACULTY',
  DEPARTMENT = 'DEPARTMENT',
  RESEARCH_CENTRE = 'RESEARCH_CENTRE',
  RESEARCH_INSTITUTE = 'RESEARCH_INSTITUTE',
  FUNDER = 'FUNDER',
  NETWORK = 'NETWORK',
  COMPANY = 'COMPANY',
  GOVERNANCE_BODY = 'GOVERNANCE_BODY',
  OTHER = 'OTHER',
}

export enum Sector {
  MUNICIPAL = 'MUNICIPAL',
  ACADEMIC = 'ACADEMIC',
  STATE = 'STATE',
  PRIVATE = 'PRIVATE',
  OTHER = 'OTHER',
}

const SECTOR_OF_KIND: Record<UnitKind, Sector> = {
  MUNICIPALITY: Sector.MUNICIPAL,
  COUNTY: Sector.MUNICIPAL,
  DISTRICT: Sector.MUNICIPAL,
  MUNICIPAL_SERVICE: Sector.MUNICIPAL,
  UNIVERSITY: Sector.ACADEMIC,
  UNIVERSITY_COLLEGE: Sector.ACADEMIC,
  FACULTY: Sector.ACADEMIC,
  DEPARTMENT: Sector.ACADEMIC,
  RESEARCH_CENTRE: Sector.ACADEMIC,
  RESEARCH_INSTITUTE: Sector.ACADEMIC,
  COMPANY: Sector.PRIVATE,
  // Funders, networks and joint bodies can belong to any sector; set `sector` explicitly where it matters.
  FUNDER: Sector.OTHER,
  NETWORK: Sector.OTHER,
  GOVERNANCE_BODY: Sector.OTHER,
  OTHER: Sector.OTHER,
};

export function sectorForKind(kind: UnitKind): Sector {
  return SECTOR_OF_KIND[kind];
}

registerEnumType(UnitKind, {
  name: 'UnitKind',
  description: 'What kind of organisational unit this is.',
  valuesConfig: {
    MUNICIPALITY: { description: 'A municipality (kommune).' },
    COUNTY: { description: 'A county authority (fylkeskommune).' },
    DISTRICT: { description: "A city district (bydel), such as Oslo's fifteen." },
    MUNICIPAL_SERVICE: { description: 'A municipal service: etat, tjenesteområde, virksomhet, NAV office, USHT, kindergarten…' },
    UNIVERSITY: { description: 'A university (universitet).' },
    UNIVERSITY_COLLEGE: { description: 'A university college (høgskole).' },
    FACULTY: { description: 'A faculty (fakultet).' },
    DEPARTMENT: { description: 'A department or institute (institutt).' },
    RESEARCH_CENTRE: { description: 'A research centre (senter) inside an academic institution.' },
    RESEARCH_INSTITUTE: { description: 'An independent research institute (forskningsinstitutt).' },
    FUNDER: { description: 'A funding body, e.g. the Research Council (Forskningsrådet).' },
    NETWORK: { description: 'A network or cluster of organisations (nettverk, klynge).' },
    COMPANY: { description: 'A private company (bedrift).' },
    GOVERNANCE_BODY: { description: 'A joint governance body (styringsgruppe, samarbeidsutvalg).' },
    OTHER: { description: 'Anything else.' },
  },
});

registerEnumType(Sector, {
  name: 'Sector',
  description: 'The sector a unit belongs to; derived from its kind unless set.',
  valuesConfig: {
    MUNICIPAL: { description: 'Municipal sector (kommunesektoren).' },
    ACADEMIC: { description: 'Universities, colleges and research (UH-sektoren).' },
    STATE: { description: 'State agencies (staten).' },
    PRIVATE: { description: 'Private sector (næringslivet).' },
    OTHER: { description: 'Other.' },
  },
});

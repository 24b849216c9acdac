import { registerEnumType } from 'type-graphql';

export enum CollaborationKind {
  RESEARCH_PROJECT = 'RESEARCH_PROJECT',
  INNOVATION_PROJECT = 'INNOVATION_PROJECT',
  PHD_PROJECT = 'PHD_PROJECT',
  PUBLIC_SECTOR_PHD = 'PUBLIC_SECTOR_PHD',
  CONTINUING_EDUCATION = 'CONTINUING_EDUCATION',
  PRACTICE_PLACEMENT = 'PRACTICE_PLACEMENT',
  DEGREE_PROGRAMME = 'DEGREE_PROGRAMME',
  STUDENT_THESIS = 'STUDENT_THESIS',
  COMBINED_POSITION = 'COMBINED_POSITION',
  SECONDMENT = 'SECONDMENT',
  WORKING_GROUP = 'WORKING_GROUP',
  NETWORK = 'NETWORK',
  MEETING_PLACE = 'MEETING_PLACE',
  ANALYSIS = 'ANALYSIS',
  TEACHING = 'TEACHING',
  OTHER = 'OTHER',
}

export enum Axis {
  EDUCATION = 'EDUCATION',
  KNOWLEDGE_PRODUCTION = 'KNOWLEDGE_PRODUCTION',
  WORKFORCE_MOBILITY = 'WORKFORCE_MOBILITY',
  MEETING_PLACES = 'MEETING_PLACES',
}

export enum Status {
  PLANNED = 'PLANNED',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

export enum ParticipantRole {
  LEAD = 'LEAD',
  PARTNER = 'PARTNER',
  HOST = 'HOST',
  FUNDER = 'FUNDER',
  OBSERVER = 'OBSERVER',
}

export enum PersonRole {
  PROJECT_LEADER = 'PROJECT_LEADER',
  CONTACT = 'CONTACT',
  COORDINATOR = 'COORDINATOR',
  RESEARCHER = 'RESEARCHER',
  PHD_CANDIDATE = 'PHD_CANDIDATE',
  SUPERVISOR = 'SUPERVISOR',
  STUDENT = 'STUDENT',
  MEMBER = 'MEMBER',
}

registerEnumType(CollaborationKind, {
  name: 'CollaborationKind',
  description: 'The form a collaboration takes.',
  valuesConfig: {
    RESEARCH_PROJECT: { description: 'Research project (forskningsprosjekt).' },
    INNOVATION_PROJECT: { description: 'Innovation project (innovasjonsprosjekt).' },
    PHD_PROJECT: { description: 'PhD project (ph.d.-prosjekt).' },
    PUBLIC_SECTOR_PHD: { description: 'Public sector PhD (offentlig sektor-ph.d.).' },
    CONTINUING_EDUCATION: { description: 'Continuing and further education (etter- og videreutdanning, EVU).' },
    PRACTICE_PLACEMENT: { description: 'Student practice placement (praksis).' },
    DEGREE_PROGRAMME: { description: 'A degree programme run together (studietilbud).' },
    STUDENT_THESIS: { description: "Bachelor's or master's thesis (bachelor-/masteroppgave)." },
    COMBINED_POSITION: { description: 'Combined position in both organisations (kombinasjonsstilling, delt stilling).' },
    SECONDMENT: { description: 'Secondment or job shadowing (hospitering).' },
    WORKING_GROUP: { description: 'Working group (arbeidsgruppe).' },
    NETWORK: { description: 'Network (nettverk).' },
    MEETING_PLACE: { description: 'Meeting place: conference, seminar, forum (møteplass).' },
    ANALYSIS: { description: 'Commissioned analysis or study (analyse, utredning).' },
    TEACHING: { description: 'Joint teaching (undervisning).' },
    OTHER: { description: 'Other.' },
  },
});

registerEnumType(Axis, {
  name: 'Axis',
  description: 'The four axes of collaboration from the Unikom Oslo pilot.',
  valuesConfig: {
    EDUCATION: { description: 'Education pathways (utdanningsløp).' },
    KNOWLEDGE_PRODUCTION: { description: 'Knowledge production (kunnskapsproduksjon).' },
    WORKFORCE_MOBILITY: { description: 'Workforce mobility (arbeidskraftmobilitet).' },
    MEETING_PLACES: { description: 'Meeting places (møteplasser).' },
  },
});

registerEnumType(Status, {
  name: 'Status',
  description: 'Where a collaboration stands.',
  valuesConfig: {
    PLANNED: { description: 'Planned: not started, not yet started, upcoming, proposed (planlagt, ikke startet, ikke påbegynt, kommende, under planlegging, foreslått).' },
    ACTIVE: { description: 'Running: active, ongoing, in progress, started, current (pågående, aktiv, aktivt, pågår, i gang, igangsatt, påbegynt, startet, løpende, under arbeid).' },
    COMPLETED: { description: 'Finished: completed, ended, done, closed, concluded (avsluttet, ferdig, fullført, gjennomført, ferdigstilt, avslutta).' },
    CANCELLED: { description: 'Cancelled: canceled, called off, abandoned, discontinued, stopped, withdrawn (avlyst, avbrutt, kansellert, stoppet, stanset, nedlagt, lagt ned, skrinlagt, trukket).' },
  },
});

registerEnumType(ParticipantRole, {
  name: 'ParticipantRole',
  description: 'The role a unit has in a collaboration.',
  valuesConfig: {
    LEAD: { description: 'Leads the collaboration: lead, leader, lead partner, project owner, owner, coordinator, responsible (prosjekteier, ansvarlig, leder, ledende, hovedansvarlig, prosjektansvarlig, eier, koordinator).' },
    PARTNER: { description: 'Partner: participant, party, member, collaborator, co-applicant (partner, deltaker, deltakende, samarbeidspartner, samarbeidspart, part, medlem, medsøker).' },
    HOST: { description: 'The unit where the work or placement happens: host, host unit, placement site (vertsenhet, vert, vertskap, praksissted, praksisarena).' },
    FUNDER: { description: 'Funds the collaboration: funder, funding body, financier, sponsor (finansiør, finansierer, tilskuddsgiver).' },
    OBSERVER: { description: 'Follows without taking part: observer, follower (observatør, følger).' },
  },
});

registerEnumType(PersonRole, {
  name: 'PersonRole',
  description: 'The role a person has in a collaboration.',
  valuesConfig: {
    PROJECT_LEADER: { description: 'Project leader: project manager, leader, lead, principal investigator, PI (prosjektleder, leder, prosjektansvarlig, ansvarlig, faglig leder, hovedansvarlig).' },
    CONTACT: { description: 'Contact person: contact, contact point, liaison (kontaktperson, kontakt, kontaktpunkt).' },
    COORDINATOR: { description: 'Coordinator: project coordinator (koordinator, prosjektkoordinator).' },
    RESEARCHER: { description: 'Researcher: scientist, postdoc, postdoctoral fellow (forsker, postdoktor, postdok, forskningsmedarbeider).' },
    PHD_CANDIDATE: { description: 'PhD candidate: PhD student, doctoral candidate, doctoral student, research fellow (stipendiat, ph.d.-kandidat, ph.d.-stipendiat, ph.d.-student, doktorgradsstipendiat, doktorand).' },
    SUPERVISOR: { description: 'Supervisor: advisor, adviser, mentor (veileder, hovedveileder, medveileder, biveileder).' },
    STUDENT: { description: "Student: master's student, master student, bachelor's student, bachelor student (masterstudent, bachelorstudent)." },
    MEMBER: { description: 'Member, e.g. of a working group: participant, team member (medlem, deltaker, prosjektdeltaker, prosjektmedarbeider, medarbeider).' },
  },
});

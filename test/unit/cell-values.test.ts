import 'reflect-metadata';
import '../../src/modules/collaborations/collaboration.enums';
import '../../src/modules/units/unit.enums';
import fc from 'fast-check';
import { cellDate, cellItems, cellList, enumValue, listCell } from '../../src/modules/spreadsheets/cell-values';

describe('dates as people type them', () => {
  it.each([
    ['2021-08-01', false, '2021-08-01'],
    ['01.08.2021', false, '2021-08-01'],
    ['1.8.2021', false, '2021-08-01'],
    ['1/8/2021', false, '2021-08-01'],
    ['8/2021', false, '2021-08-01'],
    ['8/2021', true, '2021-08-31'],
    ['02.2024', true, '2024-02-29'],
    ['2021-02', true, '2021-02-28'],
    ['2021', false, '2021-01-01'],
    ['2021', true, '2021-12-31'],
    [44927, false, '2023-01-01'],
    // Two-digit years in d.m.yy are this century's.
    ['01.08.21', false, '2021-08-01'],
    ['1.8.21', true, '2021-08-01'],
    ['21.08.21', false, '2021-08-21'],
    ['1/8/21', false, '2021-08-01'],
    // Months by Norwegian or English name, in full or abbreviated: a month, or a day of it.
    ['august 2021', false, '2021-08-01'],
    ['august 2021', true, '2021-08-31'],
    ['August 2021', false, '2021-08-01'],
    ['aug. 2021', false, '2021-08-01'],
    ['aug 2021', true, '2021-08-31'],
    ['Aug.2021', false, '2021-08-01'],
    ['februar 2024', true, '2024-02-29'],
    ['feb. 2023', true, '2023-02-28'],
    ['mars 2022', false, '2022-03-01'],
    ['Mai 2022', true, '2022-05-31'],
    ['okt. 2022', false, '2022-10-01'],
    ['October 2022', false, '2022-10-01'],
    ['des. 2022', true, '2022-12-31'],
    ['Dec 2022', true, '2022-12-31'],
    ['sept. 2022', false, '2022-09-01'],
    ['1. august 2021', false, '2021-08-01'],
    ['1. august 2021', true, '2021-08-01'],
    ['15. okt. 2021', false, '2021-10-15'],
    ['1 August 2021', false, '2021-08-01'],
    ['August 1, 2021', false, '2021-08-01'],
    ['1st August 2021', false, '2021-08-01'],
  ] as const)('%s (end: %s) is %s', (cell, end, date) => {
    expect(cellDate(cell, end)).toBe(date);
  });

  it.each(['31.02.2021', '13/2021', '2021-13', '12345', '31.02.21', 'augustus 2021', '32. august 2021', 'august', 'aug. 21', '1.8.121'])('"%s" is refused, saying what to write', (text) => {
    expect(() => cellDate(text, false)).toThrow(`"${text}" is not a date: write a day (2021-08-01, 01.08.2021 or 1. august 2021), a month (8/2021 or august 2021) or a year (2021)`);
  });

  it.each(['høsten 2021', 'Høst 2021', 'våren 2022', 'vår 2022', 'sommeren 2021', 'vinter 2021', 'autumn 2021', 'fall 2021', 'spring 2022', 'Q3 2021', '3. kvartal 2021', 'H21', 'V2022', 'vårsemesteret 2022'])(
    '"%s" is a part of the year: refused with why, and what to write instead',
    (text) => {
      expect(() => cellDate(text, false)).toThrow(
        `"${text}" names a part of the year, not a date: the registry stores days and does not guess which day a season or quarter starts; write the month it starts ("august 2021" or "8/2021") or the day`,
      );
      expect(() => cellDate(text, true)).toThrow(
        `"${text}" names a part of the year, not a date: the registry stores days and does not guess which day a season or quarter ends; write the month it ends ("desember 2021" or "12/2021") or the day`,
      );
    },
  );

  it('takes a workbook date cell as its calendar day', () => {
    expect(cellDate(new Date(Date.UTC(2020, 2, 15)), false)).toBe('2020-03-15');
  });
});

const synonyms = (enumName: string, words: Record<string, string[]>) => Object.entries(words).flatMap(([value, list]) => list.map((word) => [enumName, word, value]));

describe('enum values by any name the schema gives them', () => {
  it.each([
    ['CollaborationKind', 'RESEARCH_PROJECT', 'RESEARCH_PROJECT'],
    ['CollaborationKind', 'research project', 'RESEARCH_PROJECT'],
    ['CollaborationKind', 'Forskningsprosjekt', 'RESEARCH_PROJECT'],
    ['CollaborationKind', 'EVU', 'CONTINUING_EDUCATION'],
    ['CollaborationKind', 'hospitering', 'SECONDMENT'],
    ['CollaborationKind', 'seminar', 'MEETING_PLACE'],
    ['UnitKind', 'bydel', 'DISTRICT'],
    ['UnitKind', 'Kommune', 'MUNICIPALITY'],
    ['UnitKind', 'tjenesteområde', 'MUNICIPAL_SERVICE'],
    ['Status', 'avsluttet', 'COMPLETED'],
    ['ParticipantRole', 'partner', 'PARTNER'],
  ])('%s "%s" is %s', (enumName, text, value) => {
    expect(enumValue(enumName, text)).toBe(value);
  });

  // The words people write for a status or a role, Norwegian and English; each names one value only.
  it.each([
    ...synonyms('Status', {
      PLANNED: ['planlagt', 'ikke startet', 'ikke påbegynt', 'kommende', 'under planlegging', 'foreslått', 'planned', 'not started', 'Not yet started', 'upcoming', 'proposed'],
      ACTIVE: ['aktiv', 'Aktivt', 'pågående', 'pågår', 'i gang', 'igangsatt', 'påbegynt', 'startet', 'løpende', 'under arbeid', 'active', 'ongoing', 'in progress', 'started', 'current', 'running'],
      COMPLETED: ['avsluttet', 'ferdig', 'fullført', 'gjennomført', 'ferdigstilt', 'avslutta', 'finished', 'completed', 'ended', 'done', 'closed', 'concluded'],
      CANCELLED: ['avlyst', 'avbrutt', 'kansellert', 'stoppet', 'stanset', 'nedlagt', 'lagt ned', 'skrinlagt', 'trukket', 'cancelled', 'canceled', 'called off', 'abandoned', 'discontinued', 'stopped', 'withdrawn'],
    }),
    ...synonyms('ParticipantRole', {
      LEAD: ['leder', 'Leder', 'ansvarlig', 'prosjekteier', 'ledende', 'hovedansvarlig', 'prosjektansvarlig', 'eier', 'koordinator', 'lead', 'leader', 'lead partner', 'project owner', 'owner', 'coordinator', 'responsible'],
      PARTNER: ['partner', 'deltaker', 'deltakende', 'samarbeidspartner', 'samarbeidspart', 'part', 'medlem', 'medsøker', 'participant', 'party', 'member', 'collaborator', 'co-applicant'],
      HOST: ['vertsenhet', 'vert', 'vertskap', 'praksissted', 'praksisarena', 'host', 'host unit', 'placement site'],
      FUNDER: ['finansiør', 'finansierer', 'tilskuddsgiver', 'funder', 'funding body', 'financier', 'sponsor'],
      OBSERVER: ['observatør', 'følger', 'observer', 'follower'],
    }),
    ...synonyms('PersonRole', {
      PROJECT_LEADER: ['prosjektleder', 'leder', 'prosjektansvarlig', 'ansvarlig', 'faglig leder', 'hovedansvarlig', 'project leader', 'project manager', 'leader', 'lead', 'principal investigator', 'PI'],
      CONTACT: ['kontaktperson', 'kontakt', 'kontaktpunkt', 'contact person', 'contact', 'contact point', 'liaison'],
      COORDINATOR: ['koordinator', 'prosjektkoordinator', 'coordinator', 'project coordinator'],
      RESEARCHER: ['forsker', 'postdoktor', 'postdok', 'forskningsmedarbeider', 'researcher', 'scientist', 'postdoc', 'postdoctoral fellow'],
      PHD_CANDIDATE: ['stipendiat', 'ph.d.-kandidat', 'ph.d.-stipendiat', 'ph.d.-student', 'doktorgradsstipendiat', 'doktorand', 'PhD candidate', 'PhD student', 'doctoral candidate', 'doctoral student', 'research fellow'],
      SUPERVISOR: ['veileder', 'hovedveileder', 'medveileder', 'biveileder', 'supervisor', 'advisor', 'adviser', 'mentor'],
      STUDENT: ['student', 'masterstudent', 'bachelorstudent', "master's student", 'master student', "bachelor's student", 'bachelor student'],
      MEMBER: ['medlem', 'deltaker', 'prosjektdeltaker', 'prosjektmedarbeider', 'medarbeider', 'member', 'participant', 'team member'],
    }),
  ])('%s "%s" is %s', (enumName, text, value) => {
    expect(enumValue(enumName, text)).toBe(value);
  });

  it('refuses an unknown name, listing the values', () => {
    expect(() => enumValue('Status', 'pågår kanskje')).toThrow(/^"pågår kanskje" is not a Status: use one of PLANNED, ACTIVE, COMPLETED, CANCELLED/);
  });
});

describe('list cells', () => {
  it('splits on ";" and line breaks, trimming items and dropping empty ones, as people type lists', () => {
    expect(cellList(' a ; b\nc;; ')).toEqual(['a', 'b', 'c']);
    expect(cellList('a;b\r\nc')).toEqual(['a', 'b', 'c']);
    expect(cellList(null)).toEqual([]);
  });

  it('takes an item in double quotes exactly as written, "" inside for a quote', () => {
    expect(cellItems('"a;b"; c')).toEqual([
      { text: 'a;b', quoted: true },
      { text: 'c', quoted: false },
    ]);
    expect(cellList('" padded "; "line\nbreak" ;"say ""hi"""')).toEqual([' padded ', 'line\nbreak', 'say "hi"']);
    expect(cellList('""; x')).toEqual(['', 'x']);
  });

  it('reads quotes that do not enclose a whole item as part of its text', () => {
    expect(cellList('"Leve hele livet" i Oslo; helse')).toEqual(['"Leve hele livet" i Oslo', 'helse']);
    expect(cellList('"unclosed; b')).toEqual(['"unclosed', 'b']);
    expect(cellList('5" skjerm')).toEqual(['5" skjerm']);
  });

  it('writes plain items plainly and quotes only those that need it', () => {
    expect(listCell(['a', 'b c', 'https://example.no/x?y=1'].map((text) => ({ text, quoted: false })))).toBe('a; b c; https://example.no/x?y=1');
    expect(listCell(['a;b', ' padded', 'line\nbreak', '"quoted"', ''].map((text) => ({ text, quoted: false })))).toBe('"a;b"; " padded"; "line\nbreak"; """quoted"""; ""');
    expect(listCell([{ text: 'key:role', quoted: true }])).toBe('"key:role"');
  });

  it('reads back every list it writes, item for item, whatever the items hold', () => {
    const item = fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(';', '"', '\n', '\r', ' ', '\t', 'a', ':', "'", '=') }));
    fc.assert(
      fc.property(fc.array(item, { maxLength: 6 }), fc.array(fc.boolean(), { maxLength: 6 }), (texts, quoted) => {
        const items = texts.map((text, i) => ({ text, quoted: quoted[i] ?? false }));
        expect(cellList(listCell(items))).toEqual(texts);
      }),
      { numRuns: 2000 },
    );
  });
});

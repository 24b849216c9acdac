import 'reflect-metadata';
import '../../src/modules/collaborations/collaboration.enums';
import '../../src/modules/units/unit.enums';
import { cellDate, cellList, enumValue } from '../../src/modules/spreadsheets/cell-values';

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
  ] as const)('%s (end: %s) is %s', (cell, end, date) => {
    expect(cellDate(cell, end)).toBe(date);
  });

  it.each(['høsten 2021', '31.02.2021', '13/2021', '2021-13', 'Q3 2021', '21.08.21', '12345'])('"%s" is refused, saying what to write', (text) => {
    expect(() => cellDate(text, false)).toThrow(`"${text}" is not a date: write a day (2021-08-01 or 01.08.2021), a month (8/2021) or a year (2021)`);
  });

  it('takes a workbook date cell as its calendar day', () => {
    expect(cellDate(new Date(Date.UTC(2020, 2, 15)), false)).toBe('2020-03-15');
  });
});

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

  it('refuses an unknown name, listing the values', () => {
    expect(() => enumValue('Status', 'pågår kanskje')).toThrow(/^"pågår kanskje" is not a Status: use one of PLANNED, ACTIVE, COMPLETED, CANCELLED/);
  });
});

it('splits list cells on ";" and line breaks, dropping empty items', () => {
  expect(cellList(' a ; b\nc;; ')).toEqual(['a', 'b', 'c']);
  expect(cellList(null)).toEqual([]);
});

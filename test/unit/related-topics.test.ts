import { topicsRelatedByName } from '../../src/modules/analysis/subject-model';

const taxonomy = new Map(
  [
    { id: 1, parentId: null, label: 'Helse og omsorg' },
    { id: 2, parentId: 1, label: 'Psykisk helse og rus' },
    { id: 3, parentId: null, label: 'Arbeid og helse' },
    { id: 4, parentId: 3, label: 'Arbeidsinkludering ved rus- og psykiske utfordringer' },
    { id: 5, parentId: 1, label: 'Helsesykepleie' },
    { id: 6, parentId: null, label: 'Digitalisering' },
    { id: 7, parentId: 6, label: 'Digital kompetanse' },
    { id: 8, parentId: null, label: 'Digitale læremidler' },
    { id: 9, parentId: null, label: 'Youth mental health' },
    { id: 10, parentId: null, label: 'Mental health services' },
    { id: 11, parentId: null, label: 'Health' },
    { id: 12, parentId: null, label: 'Og for til' },
  ].map((t) => [t.id, t]),
);

describe('topics related by name', () => {
  it('are those whose label shares two content words with the topic\'s label, in another branch of the taxonomy', () => {
    // "rus" and "psykisk(e)" are shared; "helse" alone (Arbeid og helse) is not enough, and Helse og omsorg is above it.
    expect(topicsRelatedByName(2, taxonomy)).toEqual([4]);
    expect(topicsRelatedByName(4, taxonomy)).toEqual([2]);
    expect(topicsRelatedByName(9, taxonomy)).toEqual([10]);
  });

  it('share the only word of a one-word label, and leave out topics above and below it', () => {
    // Digital kompetanse shares the word too, but it is filed below Digitalisering: its work is already in the answer.
    expect(topicsRelatedByName(6, taxonomy)).toEqual([8]);
    // In label order.
    expect(topicsRelatedByName(11, taxonomy)).toEqual([10, 9]);
    // Two words are needed when a label has two: Digitale læremidler shares only one with Digital kompetanse.
    expect(topicsRelatedByName(7, taxonomy)).toEqual([]);
  });

  it('are none for a topic it does not know or a label of function words only', () => {
    expect(topicsRelatedByName(99, taxonomy)).toEqual([]);
    expect(topicsRelatedByName(12, taxonomy)).toEqual([]);
  });
});

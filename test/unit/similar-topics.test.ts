import { topicsSimilarByName } from '../../src/modules/analysis/subject-model';

const taxonomy = new Map(
  [
    { id: 1, parentId: null, label: 'Helse og omsorg' },
    { id: 2, parentId: 1, label: 'Psykisk helse og rus' },
    { id: 3, parentId: null, label: 'Arbeid og helse' },
    { id: 4, parentId: 3, label: 'Arbeidsinkludering ved rus- og psykiske utfordringer' },
    { id: 5, parentId: 1, label: 'Helsesykepleie' },
    { id: 6, parentId: null, label: 'Digitalisering' },
    { id: 7, parentId: 6, label: 'Digital kompetanse' },
    { id: 8, parentId: null, label: 'Digitalisering i barnehagen' },
    { id: 9, parentId: null, label: 'Youth mental health' },
    { id: 10, parentId: null, label: 'Mental health services' },
    { id: 11, parentId: null, label: 'Health' },
    { id: 12, parentId: null, label: 'Og for til' },
    { id: 13, parentId: null, label: 'Grunnskole' },
    { id: 14, parentId: 3, label: 'Grunnstønad og hjelpestønad' },
    { id: 15, parentId: null, label: 'Rus og psykisk helse i arbeidslivet' },
    { id: 16, parentId: 15, label: 'Psykisk helse og rus blant unge arbeidstakere' },
    { id: 17, parentId: null, label: 'Russ' },
    { id: 18, parentId: null, label: 'Barnehager og skoler' },
    { id: 19, parentId: null, label: 'Barnehagen og skolen' },
    { id: 20, parentId: null, label: 'Barn og barns oppvekst' },
    { id: 21, parentId: null, label: 'Barn og familie' },
    { id: 22, parentId: null, label: 'Skole' },
    { id: 23, parentId: null, label: 'Skolemat' },
  ].map((t) => [t.id, t]),
);
const similar = (id: number) => topicsSimilarByName(id, taxonomy);

describe('topics with similar names', () => {
  it("are those whose label shares two content words with the topic's label, a word and its inflected form alike", () => {
    // "rus" and "psykisk"/"psykiske" are shared; "helse" alone (Arbeid og helse) is not enough, and Helse og omsorg is above it.
    expect(similar(2)).toEqual([4, 15]);
    expect(similar(4)).toEqual([2, 15]);
    expect(similar(9)).toEqual([11, 10]);
  });

  it('share one word when either label has only one, both ways, and never a topic above or below; in label order', () => {
    expect(similar(11)).toEqual([10, 9]);
    expect(similar(10)).toEqual([11, 9]);
    // Digital kompetanse is filed below Digitalisering: its work is already in Digitalisering's answer.
    expect(similar(6)).toEqual([8]);
    expect(similar(8)).toEqual([6]);
    // Two words are needed when both labels have two, and "digital" and "digitalisering" are not forms of one word.
    expect(similar(7)).toEqual([]);
  });

  it('reads two inflected forms of one word as that word, and a label naming one word twice as naming it once', () => {
    expect(similar(18)).toEqual([19, 22]);
    expect(similar(19)).toEqual([18, 22]);
    // {barn, oppvekst} and {barn, familie} share one word of two: not similar, either way.
    expect(similar(20)).not.toContain(21);
    expect(similar(21)).not.toContain(20);
  });

  it('does not tie words that merely begin alike: compounds, or a short word and a longer one', () => {
    expect(similar(13)).toEqual([]);
    expect(similar(14)).toEqual([]);
    expect(similar(5)).toEqual([]);
    // "rus" (intoxication) and "russ" (school leavers' celebration); "skole" and "skolemat".
    expect(similar(2)).not.toContain(17);
    expect(similar(17)).toEqual([]);
    expect(similar(22)).not.toContain(23);
    expect(similar(23)).toEqual([]);
  });

  it('names only the upper of two similar topics where one is below the other: its work includes the lower one\'s', () => {
    expect(similar(2)).not.toContain(16);
    expect(similar(15)).toEqual([4, 2]);
    // The lower one still names the topic that leaves it out (its parent, above it, is not named).
    expect(similar(16)).toEqual([4, 2]);
  });

  it('are none for a topic it does not know or a label of function words only', () => {
    expect(similar(99)).toEqual([]);
    expect(similar(12)).toEqual([]);
  });
});

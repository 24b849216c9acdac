import { isContentWord } from '../../src/text/normalize';
import { documentFeatures, featureWords } from '../../src/modules/analysis/subject-model';
import { subjectDocument } from '../../src/modules/analysis/analysis.data';

describe('the words the subject model reads', () => {
  it('leaves out Norwegian and English function words, short words and numbers, and keeps words about the work', () => {
    for (const word of ['til', 'som', 'for', 'ved', 'med', 'mellom', 'også', 'verken', 'gjennom', 'the', 'with', 'ab', '2021']) expect(isContentWord(word)).toBe(false);
    for (const word of ['rus', 'barnehage', 'velferdsteknologi', 'library']) expect(isContentWord(word)).toBe(true);
    const features = documentFeatures({ title: 'Søknad til DIKU om nye praksisplassmodeller', summary: 'Et samarbeid med bydelene for 2021', keywords: [], unitNames: [] });
    expect([...features.keys()].sort()).toEqual(['bydele', 'diku', 'nye', 'praksi', 'samarb', 'søknad']);
    expect(features.get('søknad')).toBe(2);
    expect([...featureWords('Søknad til DIKU om nye praksisplassmodeller').values()]).toEqual(['søknad', 'diku', 'nye', 'praksisplassmodeller']);
  });

  it("leaves out the names of the units taking part and of those above them, their short names and their genitives", () => {
    const units = new Map([
      [1, { id: 1, key: 'usn', name: 'Universitetet i Sørøst-Norge', shortName: 'USN', parentId: null, sector: 'ACADEMIC' }],
      [2, { id: 2, key: 'baerum', name: 'Bærum kommune', shortName: null, parentId: null, sector: 'MUNICIPAL' }],
    ]);
    const collaboration = { id: 9, title: 'Velferdsteknologi i Bærums hjemmetjeneste', summary: 'USN og USNs studenter', keywords: ['sørøst'], topicIds: [], units: [{ unitId: 1 }, { unitId: 2 }] };
    const doc = subjectDocument({ units, collaborations: new Map([[9, collaboration]]) } as never, collaboration as never);
    expect(doc.unitNames).toEqual(['Universitetet i Sørøst-Norge', 'USN', 'Bærum kommune']);
    expect([...documentFeatures(doc).keys()].sort()).toEqual(['hjemme', 'studen', 'velfer']);
  });
});

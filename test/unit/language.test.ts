import { languageNamed, preferredLanguage } from '../../src/http/language';

describe('the language a caller prefers (Accept-Language)', () => {
  it('answers Norwegian for bokmål, nynorsk or plain Norwegian, with or without a region', () => {
    for (const header of ['nb', 'nb-NO', 'no', 'nn-NO', 'NB', ' nb ; q=1']) expect([header, preferredLanguage(header)]).toEqual([header, 'nb']);
  });

  it('takes the highest q among the languages it writes, the first of equals, and ignores the others', () => {
    expect(preferredLanguage('en;q=0.5, nb')).toBe('nb');
    expect(preferredLanguage('da, nb;q=0.8, en;q=0.7')).toBe('nb');
    expect(preferredLanguage('fr, en;q=0.5, nb;q=0.4')).toBe('en');
    expect(preferredLanguage('en, nb')).toBe('en');
    expect(preferredLanguage(['de', 'nb;q=0.3'])).toBe('nb');
  });

  it('answers English for no header, a refused or unreadable q, and languages it does not write', () => {
    for (const header of [undefined, '', 'de', '*', 'nb;q=0', 'nb;q=2', 'nb;q=abc', ';;;,,', 'nbx']) expect([header, preferredLanguage(header)]).toEqual([header, 'en']);
  });

  it('reads no further than the first 20 tags of a long header, not counting empty elements', () => {
    expect(preferredLanguage(`${'de, '.repeat(20)}nb`)).toBe('en');
    expect(preferredLanguage(`${'de, '.repeat(19)}nb`)).toBe('nb');
    expect(preferredLanguage(`${', '.repeat(25)}nb`)).toBe('nb');
  });

  it('names the language of a single tag, for the command line', () => {
    expect(['nb', 'NO', 'nn-NO', 'en', 'en-GB', 'sv', '', 'nbx'].map(languageNamed)).toEqual(['nb', 'nb', 'nb', 'en', 'en', null, null, null]);
  });
});

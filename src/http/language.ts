/** The languages the registry writes its explanations in (overlap reasons, gap and whoWorksWith explanations). */
export type Language = 'en' | 'nb';

/** Norwegian in any written form (bokmål, nynorsk, or just "Norwegian") is answered in bokmål. */
const NORWEGIAN = new Set(['nb', 'no', 'nn']);

/** The language a tag names ("nb", "nn-NO", "en-GB", any case), or null for one the registry does not write. */
export function languageNamed(tag: string): Language | null {
  const primary = tag.trim().toLowerCase().split('-')[0]!;
  return NORWEGIAN.has(primary) ? 'nb' : primary === 'en' ? 'en' : null;
}

/**
 * The language a caller prefers, from its Accept-Language header (RFC 9110: tags with optional q-values, the
 * highest first, ties in the order given): Norwegian or English, whichever comes first; English when it names
 * neither, names them with q=0, or cannot be read.
 */
export function preferredLanguage(header: string | string[] | undefined): Language {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  let best: { language: Language; q: number } | null = null;
  // Empty elements are no tags (RFC 9110); of the rest, the first 20 are read (a header is at most Node's 16 KB).
  const elements = text.split(',').filter((element) => element.trim() !== '').slice(0, 20);
  for (const element of elements) {
    const [tag = '', ...parameters] = element.toLowerCase().split(';');
    const language = languageNamed(tag);
    if (!language) continue;
    const qText = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2);
    const q = qText === undefined ? 1 : Number(qText);
    if (!(q > 0 && q <= 1)) continue;
    if (!best || q > best.q) best = { language, q };
  }
  return best?.language ?? 'en';
}

/** The languages the registry writes its explanations in (overlap reasons, gap and whoWorksWith explanations). */
export type Language = 'en' | 'nb';

/** Norwegian in any written form (bokmål, nynorsk, or just "Norwegian") is answered in bokmål. */
const NORWEGIAN = new Set(['nb', 'no', 'nn']);

/**
 * The language a caller prefers, from its Accept-Language header (RFC 9110: tags with optional q-values, the
 * highest first, ties in the order given): Norwegian or English, whichever comes first; English when it names
 * neither, names them with q=0, or cannot be read.
 */
export function preferredLanguage(header: string | string[] | undefined): Language {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  let best: { language: Language; q: number } | null = null;
  // Bounded: a header of thousands of tags is read no further than its first 20.
  for (const part of text.split(',', 20)) {
    const [tag = '', ...parameters] = part.trim().toLowerCase().split(';');
    const primary = tag.trim().split('-')[0]!;
    const language: Language | null = NORWEGIAN.has(primary) ? 'nb' : primary === 'en' ? 'en' : null;
    if (!language) continue;
    const qText = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2);
    const q = qText === undefined ? 1 : Number(qText);
    if (!(q > 0 && q <= 1)) continue;
    if (!best || q > best.q) best = { language, q };
  }
  return best?.language ?? 'en';
}

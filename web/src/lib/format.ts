import type { Dictionary } from '../i18n/nb';
import type { Lang } from '../i18n';

/** Oslo kommune › Bydel Alna › … from a unit and its ancestors (nearest first, as the API gives them). */
export function treePath(unit: { name: string; ancestors: { name: string }[] }): string {
  return [...unit.ancestors].reverse().map((a) => a.name).concat(unit.name).join(' › ');
}

/**
 * A mutation's user errors as one line, each with the input field it names (`remove: is the collaboration to
 * keep`); a field the view already names itself (`file` beside the file picker) is left out. Null when there are none.
 */
export function userErrorText(errors: { field?: string | null; message: string }[], namedByView: string[] = []): string | null {
  if (!errors.length) return null;
  return errors.map((e) => (e.field && !namedByView.includes(e.field) ? `${e.field}: ${e.message}` : e.message)).join(' · ');
}

export function period(t: Dictionary, start: string | null | undefined, end: string | null | undefined): string {
  return `${start ?? t.common.unknown} – ${end ?? t.common.openEnded}`;
}

export const label = (table: Record<string, string>, code: string) => table[code] ?? code;

/** A topic's label in the interface's language (the taxonomy's English label where it has one). */
export const topicLabel = (lang: Lang, topic: { label: string; labelEn?: string | null }) => (lang === 'en' && topic.labelEn) || topic.label;

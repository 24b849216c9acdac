import { Language } from '../../http/language';

/** The sentences a duplicate candidate's reasons are written in, one set per language (Accept-Language). */
export interface DuplicateMessages {
  similarTitles(percent: number, a: string, b: string): string;
  sameUnits: string;
  sameUnit(name: string): string;
  unitInside(inner: string, outer: string): string;
  similarSummaries(percent: number): string;
  samePeople(count: number): string;
  sameStart(date: string): string;
  startsApart(days: number): string;
  sameKind(kind: string): string;
}

const en: DuplicateMessages = {
  similarTitles: (percent, a, b) => `titles ${percent} % alike: "${a}" and "${b}"`,
  sameUnits: 'the same units take part',
  sameUnit: (name) => `${name} takes part in both`,
  unitInside: (inner, outer) => `${inner} lies inside ${outer}`,
  similarSummaries: (percent) => `summaries share ${percent} % of their words`,
  samePeople: (count) => `${count} ${count === 1 ? 'person takes' : 'people take'} part in both`,
  sameStart: (date) => `both start on ${date}`,
  startsApart: (days) => `they start ${days} days apart`,
  sameKind: (kind) => `both are ${kind}`,
};

const nb: DuplicateMessages = {
  similarTitles: (percent, a, b) => `titlene er ${percent} % like: «${a}» og «${b}»`,
  sameUnits: 'de samme enhetene deltar',
  sameUnit: (name) => `${name} deltar i begge`,
  unitInside: (inner, outer) => `${inner} ligger under ${outer}`,
  similarSummaries: (percent) => `sammendragene deler ${percent} % av ordene`,
  samePeople: (count) => `${count} ${count === 1 ? 'person deltar' : 'personer deltar'} i begge`,
  sameStart: (date) => `begge starter ${date}`,
  startsApart: (days) => `de starter med ${days} dagers mellomrom`,
  // The kind's code, as the API names it: the interfaces label it in their own language.
  sameKind: (kind) => `begge er av samme slag (${kind})`,
};

const MESSAGES: Record<Language, DuplicateMessages> = { en, nb };

/** A reason's sentence in every language, made once when the pair is found; each request reads its own. */
export type Localized = Record<Language, string>;

export function localized(sentence: (messages: DuplicateMessages) => string): Localized {
  return { en: sentence(MESSAGES.en), nb: sentence(MESSAGES.nb) };
}

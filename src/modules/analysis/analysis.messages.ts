import { Language } from '../../http/language';

/** A common period: no start is unknown (open), no end is still running. */
export interface Period {
  start: string | null;
  end: string | null;
}

/** The sentences the analysis explains itself in, one set per language (chosen by the caller's Accept-Language). */
export interface AnalysisMessages {
  sharedUnits(names: string[]): string;
  containedUnit(inner: string, outer: string): string;
  sameTopic(label: string): string;
  narrowerTopic(narrower: string, broader: string): string;
  similarText(label: string, words: string[]): string;
  period(period: Period): string;
  noAgreement: string;
  agreementEndsFirst(validTo: string, endDate: string): string;
  agreementEnded(validTo: string): string;
  noAcademicUnit: string;
  noMunicipalUnit: string;
  noContact: string;
  aboutSubject(label: string, percent: number): string;
  mentionsEveryWord: string;
  activeOrPlanned: string;
  ended(date: string): string;
}

const en: AnalysisMessages = {
  sharedUnits: (names) => `Both involve ${names.join(', ')}.`,
  containedUnit: (inner, outer) => `${inner} lies inside ${outer}.`,
  sameTopic: (label) => `Both are tagged "${label}".`,
  narrowerTopic: (narrower, broader) => `"${narrower}" is narrower than "${broader}".`,
  similarText: (label, words) =>
    words.length ? `Both texts are about "${label}": they share ${words.map((w) => `"${w}"`).join(', ')}.` : `Both texts are about "${label}".`,
  period: ({ start, end }) =>
    start && end ? `Both run from ${start} to ${end}.` : start ? `Both run from ${start}, still running.` : end ? `Both run until ${end}.` : 'Both run with open periods.',
  noAgreement: 'Neither this collaboration nor any it is part of names an agreement.',
  agreementEndsFirst: (validTo, endDate) => `Its agreement ends on ${validTo}, before the collaboration ends on ${endDate}.`,
  agreementEnded: (validTo) => `Its agreement ended on ${validTo}, and the collaboration is still running.`,
  noAcademicUnit: 'No academic-sector unit takes part.',
  noMunicipalUnit: 'No municipal-sector unit takes part.',
  noContact: 'Nobody takes part as project leader or contact.',
  aboutSubject: (label, percent) => `About "${label}" (${percent} % sure from its text and tags).`,
  mentionsEveryWord: 'Its text mentions every word asked for.',
  activeOrPlanned: 'Active or planned.',
  ended: (date) => `Ended ${date}.`,
};

/** "A, B og C": Norwegian joins the last item with "og". */
const listed = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} og ${items.at(-1)}` : (items[0] ?? ''));

const nb: AnalysisMessages = {
  sharedUnits: (names) => `Begge involverer ${listed(names)}.`,
  containedUnit: (inner, outer) => `${inner} ligger under ${outer}.`,
  sameTopic: (label) => `Begge er merket «${label}».`,
  narrowerTopic: (narrower, broader) => `«${narrower}» er smalere enn «${broader}».`,
  similarText: (label, words) =>
    words.length ? `Begge tekstene handler om «${label}»: de deler ${listed(words.map((w) => `«${w}»`))}.` : `Begge tekstene handler om «${label}».`,
  period: ({ start, end }) =>
    start && end
      ? `Periodene overlapper fra ${start} til ${end}.`
      : start
        ? `Periodene overlapper fra ${start}, og ingen av dem er avsluttet.`
        : end
          ? `Periodene overlapper til ${end}.`
          : 'Begge har åpne perioder.',
  noAgreement: 'Verken dette samarbeidet eller noe samarbeid det er del av, viser til en avtale.',
  agreementEndsFirst: (validTo, endDate) => `Avtalen utløper ${validTo}, før samarbeidet slutter ${endDate}.`,
  agreementEnded: (validTo) => `Avtalen utløp ${validTo}, og samarbeidet pågår fortsatt.`,
  noAcademicUnit: 'Ingen enhet fra UH-sektoren deltar.',
  noMunicipalUnit: 'Ingen enhet fra kommunesektoren deltar.',
  noContact: 'Ingen deltar som prosjektleder eller kontaktperson.',
  aboutSubject: (label, percent) => `Handler om «${label}» (${percent} % sikkerhet ut fra tekst og emner).`,
  mentionsEveryWord: 'Teksten nevner alle ordene det ble spurt etter.',
  activeOrPlanned: 'Aktivt eller planlagt.',
  ended: (date) => `Avsluttet ${date}.`,
};

export const ANALYSIS_MESSAGES: Record<Language, AnalysisMessages> = { en, nb };

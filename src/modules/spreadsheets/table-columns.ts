import { RegistryError } from '../../errors/registry-error';
import { comparable } from './cell-values';

/** The record types a table may hold (a snapshot section each). */
export const TABLE_TYPES = ['units', 'people', 'agreements', 'collaborations'] as const;
export type TableType = (typeof TABLE_TYPES)[number];
export type ReferenceTarget = 'topics' | 'units' | 'people' | 'agreements' | 'collaborations';

/** How a column's cells become a snapshot field. */
export type FieldKind =
  | { kind: 'text' }
  | { kind: 'textList' }
  | { kind: 'date'; end: boolean }
  | { kind: 'enum'; enumName: string }
  | { kind: 'enumList'; enumName: string }
  | { kind: 'reference'; target: ReferenceTarget }
  | { kind: 'referenceList'; target: ReferenceTarget }
  /** `key:ROLE; key:ROLE`: a participant and its role (an enum, or free text when roleEnum is null). */
  | { kind: 'roleList'; target: ReferenceTarget; item: 'unit' | 'person'; roleEnum: string | null; defaultRole: string | null }
  /** A public number (organisasjonsnummer, kommunenummer, bydelsnummer) kept as text with its leading zeros. */
  | { kind: 'identifier'; digits: number };

export type FieldSpec = FieldKind & {
  /** The snapshot field; `identifiers.orgNumber` for a nested one. */
  field: string;
  /** Header names recognised without a mapping, Norwegian and English, beside the field's own name. */
  headers: string[];
  /** The record's name (title or name): what finds an existing record when a row has no key. */
  required?: boolean;
};

/** The value a record holds for a spec's field (`identifiers.orgNumber` inside `identifiers`). */
export function fieldValue(record: Record<string, unknown> | undefined, field: string): unknown {
  const [top, nested] = field.split('.') as [string, string | undefined];
  const value = record?.[top];
  return nested ? (value as Record<string, unknown> | undefined)?.[nested] : value;
}

const text = (field: string, headers: string[], required = false): FieldSpec => ({ kind: 'text', field, headers, required });
const date = (field: string, headers: string[], end = false): FieldSpec => ({ kind: 'date', field, headers, end });

export const FIELDS: Record<TableType, FieldSpec[]> = {
  collaborations: [
    text('key', ['nøkkel', 'id', 'referanse', 'ref']),
    text('title', ['tittel', 'navn', 'name', 'prosjekt', 'prosjektnavn', 'prosjekttittel', 'project', 'aktivitet', 'samarbeid', 'tiltak'], true),
    text('summary', ['sammendrag', 'beskrivelse', 'description', 'omtale', 'formål', 'kort beskrivelse']),
    { kind: 'enum', enumName: 'CollaborationKind', field: 'kind', headers: ['type', 'samarbeidsform', 'form', 'kategori', 'type samarbeid'] },
    { kind: 'enumList', enumName: 'Axis', field: 'axes', headers: ['akse', 'akser'] },
    { kind: 'textList', field: 'keywords', headers: ['nøkkelord', 'stikkord', 'emneord'] },
    { kind: 'enum', enumName: 'Status', field: 'status', headers: ['tilstand'] },
    date('startDate', ['start', 'startdato', 'oppstart', 'fra', 'from', 'fra dato', 'start date', 'begins']),
    date('endDate', ['slutt', 'sluttdato', 'til', 'to', 'til dato', 'end', 'end date', 'avslutning'], true),
    { kind: 'reference', target: 'agreements', field: 'agreement', headers: ['avtale'] },
    { kind: 'reference', target: 'collaborations', field: 'parent', headers: ['overordnet', 'del av', 'part of'] },
    { kind: 'roleList', target: 'units', item: 'unit', roleEnum: 'ParticipantRole', defaultRole: 'PARTNER', field: 'units', headers: ['enheter', 'parter', 'partnere', 'partners', 'aktører', 'organisasjoner', 'deltakende enheter', 'samarbeidspartnere'] },
    { kind: 'roleList', target: 'people', item: 'person', roleEnum: 'PersonRole', defaultRole: 'MEMBER', field: 'people', headers: ['personer', 'deltakere', 'kontaktpersoner', 'kontakter', 'contacts', 'participants'] },
    { kind: 'referenceList', target: 'topics', field: 'topics', headers: ['tema', 'temaer', 'emner', 'fagområde', 'fagområder', 'themes'] },
    { kind: 'textList', field: 'links', headers: ['lenker', 'lenke', 'url', 'nettside', 'link'] },
  ],
  units: [
    text('key', ['nøkkel', 'id', 'referanse']),
    text('name', ['navn', 'enhet', 'enhetsnavn', 'organisasjon', 'virksomhet'], true),
    text('shortName', ['kortnavn', 'forkortelse', 'short name', 'abbreviation']),
    { kind: 'enum', enumName: 'UnitKind', field: 'kind', headers: ['type', 'enhetstype', 'nivå', 'kategori'] },
    { kind: 'enum', enumName: 'Sector', field: 'sector', headers: ['sektor'] },
    { kind: 'reference', target: 'units', field: 'parent', headers: ['overordnet', 'overordnet enhet', 'del av', 'tilhører', 'part of'] },
    { kind: 'identifier', digits: 9, field: 'identifiers.orgNumber', headers: ['orgnumber', 'organisasjonsnummer', 'orgnr', 'org nr', 'organisation number', 'organization number'] },
    { kind: 'identifier', digits: 4, field: 'identifiers.municipalityNumber', headers: ['municipalitynumber', 'kommunenummer', 'kommunenr', 'knr', 'municipality number'] },
    { kind: 'identifier', digits: 6, field: 'identifiers.districtNumber', headers: ['districtnumber', 'bydelsnummer', 'bydelsnr', 'district number'] },
    text('identifiers.ror', ['ror']),
    text('identifiers.cristin', ['cristin', 'cristin id']),
    text('website', ['nettside', 'hjemmeside', 'url', 'web']),
    text('description', ['beskrivelse', 'omtale']),
  ],
  people: [
    text('key', ['nøkkel', 'id', 'referanse']),
    text('name', ['navn', 'fullt navn', 'full name'], true),
    text('email', ['e-post', 'epost', 'e-mail', 'mail', 'e-postadresse']),
    text('phone', ['telefon', 'tlf', 'mobil', 'telephone']),
    text('title', ['tittel', 'stilling', 'stillingstittel', 'position']),
    { kind: 'roleList', target: 'units', item: 'unit', roleEnum: null, defaultRole: null, field: 'affiliations', headers: ['tilknytning', 'arbeidssted', 'enhet', 'enheter', 'arbeidsgiver', 'affiliation', 'units'] },
  ],
  agreements: [
    text('key', ['nøkkel', 'id', 'referanse']),
    text('title', ['tittel', 'navn', 'name', 'avtale', 'avtalenavn'], true),
    { kind: 'enum', enumName: 'AgreementKind', field: 'kind', headers: ['type', 'avtaletype'] },
    { kind: 'enum', enumName: 'AnchoringLevel', field: 'anchoring', headers: ['forankring', 'nivå', 'level'] },
    date('signedOn', ['signert', 'inngått', 'signeringsdato', 'signed']),
    date('validFrom', ['gyldig fra', 'fra', 'from', 'valid from']),
    date('validTo', ['gyldig til', 'til', 'to', 'utløper', 'valid to'], true),
    date('reviewOn', ['revisjon', 'revideres', 'evalueres', 'review']),
    { kind: 'referenceList', target: 'units', field: 'parties', headers: ['parter', 'avtaleparter', 'enheter', 'units'] },
    { kind: 'referenceList', target: 'topics', field: 'focusTopics', headers: ['tema', 'fokusområder', 'satsingsområder', 'topics', 'focus'] },
    { kind: 'roleList', target: 'people', item: 'person', roleEnum: null, defaultRole: null, field: 'contacts', headers: ['kontaktpersoner', 'kontakter', 'kontaktperson'] },
    { kind: 'reference', target: 'agreements', field: 'parent', headers: ['overordnet', 'rammeavtale', 'del av', 'part of'] },
    text('description', ['beskrivelse', 'omtale']),
  ],
};

/** A file column and the field it fills (null: the column is left out, with the reason). */
export interface ColumnUse {
  index: number;
  header: string;
  spec: FieldSpec | null;
  note: string | null;
}

/**
 * Which field each column fills: by the mapping file when given (header → field, or null to leave a column
 * out), else by its header: the field's own name ("startDate", "identifiers.orgNumber", any case) or one of
 * its recognised Norwegian and English names. A file with two columns for one field, or with no column saying
 * which record a row is (key, or title/name), is refused before any row is read.
 */
export function columnsOf(type: TableType, headers: string[], mapping: Record<string, unknown> | null): ColumnUse[] {
  const specs = FIELDS[type];
  const byName = new Map<string, FieldSpec>();
  for (const spec of specs) for (const name of [spec.field, spec.field.replace(/^identifiers\./, ''), ...spec.headers]) byName.set(comparable(name), spec);
  const problems: { field: string; message: string }[] = [];
  if (mapping) {
    for (const [header, field] of Object.entries(mapping)) {
      if (!headers.includes(header)) problems.push({ field: `mapping.${header}`, message: `the file has no column "${header}" (its columns: ${headers.join(', ')})` });
      if (field !== null && !specs.some((s) => s.field === field)) {
        problems.push({ field: `mapping.${header}`, message: `"${String(field)}" is not a field of ${type} (fields: ${specs.map((s) => s.field).join(', ')})` });
      }
    }
  }
  const uses = headers.map((header, index): ColumnUse => {
    if (mapping && Object.hasOwn(mapping, header)) {
      const field = mapping[header];
      return { index, header, spec: specs.find((s) => s.field === field) ?? null, note: field === null ? 'left out by the mapping' : null };
    }
    const spec = header === '' ? undefined : byName.get(comparable(header));
    return { index, header, spec: spec ?? null, note: spec ? null : 'not a recognised column name; name its field in a mapping file to use it' };
  });
  for (const spec of specs) {
    const filling = uses.filter((u) => u.spec === spec);
    if (filling.length > 1) problems.push({ field: 'file', message: `columns ${filling.map((u) => `"${u.header}"`).join(' and ')} both fill ${spec.field}: leave one out in a mapping file` });
  }
  const naming = specs.find((s) => s.required)!;
  if (!uses.some((u) => u.spec?.field === 'key' || u.spec === naming)) {
    problems.push({ field: 'file', message: `no column says which record a row is: name one "key" or "${naming.field}" (or ${naming.headers.slice(0, 3).map((h) => `"${h}"`).join(', ')}), or map one to it` });
  }
  if (problems.length) throw new RegistryError(problems.map((p) => ({ field: p.field, code: 'INVALID', message: p.message })));
  return uses;
}

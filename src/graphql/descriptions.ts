import {
  GraphQLSchema,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';

/**
 * What a field means wherever it appears (record type, create input, update input, filter), so the same
 * sentence is written once. A field's own description, where it has one, wins.
 */
const FIELD_MEANING: Record<string, string> = {
  id: 'Global id or key of the record (the record itself on output types: its opaque global id).',
  version: 'The version this change is based on; a stale one is a CONFLICT user error.',
  key: 'Stable external key, unique per record type (the `key` of the snapshot format).',
  title: 'Title (tittel).',
  name: 'Full name (navn).',
  shortName: 'Short name or acronym, e.g. "USN".',
  label: 'Norwegian label.',
  labelEn: 'English label.',
  synonyms: 'Other words for the same subject, used by search and overlap detection.',
  summary: 'What the collaboration is about, in a few sentences (sammendrag).',
  description: 'Free-text description.',
  kind: 'What kind of record this is.',
  status: 'Where the collaboration stands; defaults to ACTIVE.',
  axes: 'Axes of collaboration (akser) the work belongs to.',
  keywords: 'Free keywords (stikkord).',
  topics: 'Topics (global ids or keys on input).',
  startDate: 'First day (YYYY-MM-DD); null = unknown.',
  endDate: 'Last day (YYYY-MM-DD); null = still running.',
  agreement: 'The agreement (avtale) it runs under (global id or key on input).',
  parent: 'The record one level up in its tree (global id or key on input).',
  units: 'Units taking part, each with a role.',
  people: 'People taking part, each with a role.',
  funding: 'Sources of funding (finansiering).',
  links: 'Web addresses (http or https).',
  role: 'Role in free text or, where typed, the enumerated role.',
  from: 'First day of the period (YYYY-MM-DD).',
  to: 'Last day of the period (YYYY-MM-DD); null = still running.',
  unit: 'The unit (global id or key on input).',
  person: 'The person (global id or key on input).',
  email: 'E-mail address (personal data).',
  phone: 'Phone number (personal data).',
  affiliations: "The person's ties to units, with role and period; on update the list replaces the old one.",
  anchoring: 'At what level the agreement is anchored (forankring).',
  signedOn: 'Date signed.',
  validFrom: 'First day in force.',
  validTo: 'Last day in force; null = open-ended.',
  reviewOn: 'When the agreement is to be reviewed.',
  contacts: 'Contact persons for the agreement.',
  parties: 'The units party to the agreement (avtaleparter), at least two.',
  focusTopics: 'Focus topics (satsingsområder).',
  identifiers: 'Public identifiers: organisasjonsnummer, kommunenummer, bydelsnummer, ROR, Cristin.',
  website: 'Web site (http or https).',
  ror: 'Research Organization Registry id.',
  cristin: 'Cristin institution or unit id.',
  sector: 'Sector; derived from the kind unless set.',
  amountNok: 'Amount in Norwegian kroner.',
  source: 'The funding unit, when it is in the registry.',
  sourceName: 'Name of a funder that is not a unit in the registry.',
  userErrors: 'Problems with the input; when there are any, nothing was changed.',
  deletedId: 'Global id of the deleted record.',
  edges: 'The records of this page with their cursors.',
  pageInfo: 'Where this page lies in the list.',
  node: 'The record.',
  hasNextPage: 'Whether more records follow this page.',
  hasPreviousPage: 'Whether records come before this page.',
  startCursor: 'Cursor of the first record of the page.',
  endCursor: 'Cursor of the last record of the page; pass it as `after` for the next page.',
  field: 'What to order by.',
  direction: 'Ascending or descending.',
  code: 'Machine-readable reason.',
  reasons: 'Why, one reason per line of evidence.',
  decision: "The reviewer's verdict.",
  codes: 'The gap codes that apply.',
  score: 'How strong the match is, from 0 to 1.',
  collaboration: 'The collaboration concerned.',
  periodTo: 'With periodFrom: the period the collaboration must overlap.',
  collaborations: 'Collaborations.',
  agreements: 'Agreements.',
  created: 'Records that were new.',
  updated: 'Existing records whose content changed.',
  unchanged: 'Existing records left as they were.',
};

const TYPE_MEANING: Record<string, string> = {
  Query: 'Reading the registry: lookups by id or key, filtered lists (Relay connections), and snapshots.',
  Mutation: 'Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing.',
};

/** Fills in missing descriptions from the glossary above; run once after the schema is built. */
export function describeSchema(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    if (!type.description) {
      type.description =
        TYPE_MEANING[type.name] ??
        (type.name.endsWith('Order') ? `How to order a list of ${type.name.replace(/Order$/, '').toLowerCase()} records.` : undefined) ??
        (type.name.endsWith('OrderField') ? 'Field to order by.' : undefined) ??
        (type.name.endsWith('DeleteInput') ? 'Which record to delete (global id or key) and the version last read.' : undefined) ??
        null;
    }
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) field.description = FIELD_MEANING[field.name] ?? null;
      }
    }
    if (isObjectType(type) && type.name === 'Mutation') {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) {
          const [, record, verb] = /^([a-z]+)(Create|Update|Delete)$/.exec(field.name) ?? [];
          if (record && verb) field.description = `${verb}s a ${record} (one transaction; userErrors name each bad field).`;
        }
      }
    }
  }
  return schema;
}

/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date without time zone, written YYYY-MM-DD. */
  Date: { input: string; output: string; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
};

/** A person's affiliation to a unit, with role and period. */
export type Affiliation = {
  /** First day of the period (YYYY-MM-DD). */
  from?: Maybe<Scalars['Date']['output']>;
  /** Role at the unit in free text, e.g. "Kombinasjonsstilling". */
  role?: Maybe<Scalars['String']['output']>;
  /** Last day of the period (YYYY-MM-DD); null = still running. */
  to?: Maybe<Scalars['Date']['output']>;
  /** The unit (global id or key on input). */
  unit: Unit;
};

/** A person's tie to a unit. */
export type AffiliationInput = {
  /** First day of the period (YYYY-MM-DD). */
  from?: InputMaybe<Scalars['Date']['input']>;
  /** Role in free text, e.g. "Kombinasjonsstilling". */
  role?: InputMaybe<Scalars['String']['input']>;
  /** Last day of the period (YYYY-MM-DD); null = still running. */
  to?: InputMaybe<Scalars['Date']['input']>;
  /** The unit (global id or key). */
  unit: Scalars['ID']['input'];
};

/** A formal agreement (avtale) between units, e.g. a university municipality agreement (universitetskommuneavtale). */
export type Agreement = Node & {
  /** Where the agreement is anchored (forankring). */
  anchoring?: Maybe<AnchoringLevel>;
  /** Collaborations running under this agreement. */
  collaborations: CollaborationConnection;
  /** Contact persons for the agreement. At most 20. */
  contacts: Array<AgreementContact>;
  /** When the record was created. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Free-text description. */
  description?: Maybe<Scalars['String']['output']>;
  /** Focus topics (satsingsområder). At most 20. */
  focusTopics: Array<Topic>;
  /** Changes to this record, newest first (null, with an error, for anonymous callers). */
  history?: Maybe<AuditEntryConnection>;
  /** Opaque global identifier. */
  id: Scalars['ID']['output'];
  /** Stable external key, unique per record type (the `key` of the snapshot format). */
  key: Scalars['String']['output'];
  /** What kind of record this is. */
  kind: AgreementKind;
  /** The agreement this one falls under. */
  parent?: Maybe<Agreement>;
  /** The units party to the agreement (avtaleparter). At most 100. */
  parties: Array<Unit>;
  /** When the agreement is to be reviewed (revideres). */
  reviewOn?: Maybe<Scalars['Date']['output']>;
  /** Date signed. */
  signedOn?: Maybe<Scalars['Date']['output']>;
  /** Agreements made under this one (underliggende avtaler). At most 100. */
  subAgreements: Array<Agreement>;
  /** Title (tittel). */
  title: Scalars['String']['output'];
  /** When the record was last changed. */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** First day in force. */
  validFrom?: Maybe<Scalars['Date']['output']>;
  /** Last day in force; null = open-ended. */
  validTo?: Maybe<Scalars['Date']['output']>;
  /** Optimistic-concurrency version: pass it to updates and deletes; a stale one is a CONFLICT. */
  version: Scalars['Int']['output'];
};


/** A formal agreement (avtale) between units, e.g. a university municipality agreement (universitetskommuneavtale). */
export type AgreementCollaborationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CollaborationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<CollaborationOrder>;
};


/** A formal agreement (avtale) between units, e.g. a university municipality agreement (universitetskommuneavtale). */
export type AgreementHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of Agreement records (Relay connection). */
export type AgreementConnection = {
  /** The records of this page with their cursors. */
  edges: Array<AgreementEdge>;
  /** The nodes of the edges, for clients that do not need cursors. */
  nodes: Array<Agreement>;
  /** Where this page lies in the list. */
  pageInfo: PageInfo;
  /** How many records match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A contact person for an agreement. */
export type AgreementContact = {
  /** The person (global id or key on input). */
  person: Person;
  /** Role in free text, e.g. "avtalekoordinator". */
  role?: Maybe<Scalars['String']['output']>;
};

/** A contact person for an agreement. */
export type AgreementContactInput = {
  /** The person (global id or key). */
  person: Scalars['ID']['input'];
  /** Role in free text, e.g. "avtalekoordinator". */
  role?: InputMaybe<Scalars['String']['input']>;
};

/** A new agreement; the fields of the snapshot format. */
export type AgreementCreateInput = {
  /** At what level the agreement is anchored (forankring). */
  anchoring?: InputMaybe<AnchoringLevel>;
  /** Contact persons for the agreement. */
  contacts?: InputMaybe<Array<AgreementContactInput>>;
  /** Free-text description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Focus topics (satsingsområder), by global id or key. */
  focusTopics?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Stable external key, unique per record type (the `key` of the snapshot format). */
  key: Scalars['String']['input'];
  /** What kind of record this is. */
  kind: AgreementKind;
  /** The agreement this one falls under (global id or key). */
  parent?: InputMaybe<Scalars['ID']['input']>;
  /** The units that are party to it (global ids or keys), at least two. */
  parties: Array<Scalars['ID']['input']>;
  /** When the agreement is to be reviewed. */
  reviewOn?: InputMaybe<Scalars['Date']['input']>;
  /** Date signed. */
  signedOn?: InputMaybe<Scalars['Date']['input']>;
  /** Title (tittel). */
  title: Scalars['String']['input'];
  /** First day in force. */
  validFrom?: InputMaybe<Scalars['Date']['input']>;
  /** Last day in force; null = open-ended. */
  validTo?: InputMaybe<Scalars['Date']['input']>;
};

/** Result of AgreementCreate: the record, or the userErrors that kept it from changing. */
export type AgreementCreatePayload = {
  /** The record as it is after the change; null when there are userErrors. */
  agreement?: Maybe<Agreement>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** Which record to delete (global id or key) and the version last read. */
export type AgreementDeleteInput = {
  /** Global id or key of the record. */
  id: Scalars['ID']['input'];
  /** The version this change is based on; a stale one is a CONFLICT. */
  version: Scalars['Int']['input'];
};

/** Result of a delete: the id that was deleted, or userErrors. */
export type AgreementDeletePayload = {
  /** Global id of the deleted record. */
  deletedId?: Maybe<Scalars['ID']['output']>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** An edge in a Agreement connection. */
export type AgreementEdge = {
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The record. */
  node: Agreement;
};

/** Which agreements to list. */
export type AgreementFilter = {
  /** With `party`: also agreements of its subunits. */
  includeSubunits?: Scalars['Boolean']['input'];
  /** What kind of record this is. */
  kind?: InputMaybe<Array<AgreementKind>>;
  /** Agreements this unit is party to. */
  party?: InputMaybe<Scalars['ID']['input']>;
  /** In force on this date (open ends count as in force). */
  validOn?: InputMaybe<Scalars['Date']['input']>;
};

/** What kind of agreement (avtale) this is. */
export type AgreementKind =
  /** Cooperation agreement (samarbeidsavtale). */
  | 'COOPERATION'
  /** Framework agreement, e.g. a university municipality agreement (universitetskommuneavtale). */
  | 'FRAMEWORK'
  /** Letter of intent (intensjonsavtale). */
  | 'INTENT'
  /** Other. */
  | 'OTHER'
  /** Agreement for a PhD position (ph.d.-avtale). */
  | 'PHD'
  /** Practice placement agreement (praksisavtale). */
  | 'PRACTICE'
  /** Agreement for one project (prosjektavtale). */
  | 'PROJECT';

/** How to order a list of agreement records. */
export type AgreementOrder = {
  /** Ascending or descending. */
  direction?: SortDirection;
  /** What to order by. */
  field: AgreementOrderField;
};

/** Field to order by. */
export type AgreementOrderField =
  | 'KEY'
  | 'TITLE'
  | 'VALID_FROM';

/** Changes to an agreement; omitted fields stay as they are, null clears an optional one; lists replace. */
export type AgreementUpdateInput = {
  /** At what level the agreement is anchored (forankring). */
  anchoring?: InputMaybe<AnchoringLevel>;
  /** Replaces the contacts. */
  contacts?: InputMaybe<Array<AgreementContactInput>>;
  /** Free-text description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the focus topics. */
  focusTopics?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Global id or key of the agreement. */
  id: Scalars['ID']['input'];
  /** New key. */
  key?: InputMaybe<Scalars['String']['input']>;
  /** What kind of record this is. */
  kind?: InputMaybe<AgreementKind>;
  /** The record one level up in its tree (global id or key on input). */
  parent?: InputMaybe<Scalars['ID']['input']>;
  /** Replaces the parties; at least two. */
  parties?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** When the agreement is to be reviewed. */
  reviewOn?: InputMaybe<Scalars['Date']['input']>;
  /** Date signed. */
  signedOn?: InputMaybe<Scalars['Date']['input']>;
  /** Title (tittel). */
  title?: InputMaybe<Scalars['String']['input']>;
  /** First day in force. */
  validFrom?: InputMaybe<Scalars['Date']['input']>;
  /** Last day in force; null = open-ended. */
  validTo?: InputMaybe<Scalars['Date']['input']>;
  /** The version this change is based on; a stale one is a CONFLICT. */
  version: Scalars['Int']['input'];
};

/** Result of AgreementUpdate: the record, or the userErrors that kept it from changing. */
export type AgreementUpdatePayload = {
  /** The record as it is after the change; null when there are userErrors. */
  agreement?: Maybe<Agreement>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** The overlap analysis that reports are read from, and whether a full rebuild is running. */
export type AnalysisStatus = {
  /** When the last complete full build finished; null before the first. */
  builtAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Collaborations in the analysis. */
  collaborations: Scalars['Int']['output'];
  /** Which trained subject model classifies collaborations: it goes up with every full build. */
  modelVersion: Scalars['Int']['output'];
  /** Flagged pairs (before review and score filters). */
  pairs: Scalars['Int']['output'];
  /** A full rebuild runs now (after a topic change or an import); reports keep the last complete analysis until it is done. */
  rebuilding: Scalars['Boolean']['output'];
};

/** At what level an agreement is anchored (forankret). */
export type AnchoringLevel =
  /** Department level (instituttleder). */
  | 'DEPARTMENT'
  /** Executive level: chief municipal executive or rector (rådmann/kommunedirektør, rektor). */
  | 'EXECUTIVE'
  /** Faculty level (dekan). */
  | 'FACULTY'
  /** Operational level: services and research groups. */
  | 'OPERATIONAL'
  /** Political level: municipal council or city government (kommunestyre, byråd). */
  | 'POLITICAL';

/** An API token (its secret is never shown again after creation). */
export type ApiToken = {
  /** When the token was created. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** After this moment the token no longer works. */
  expiresAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** When the token was last used (to the minute); null: never. */
  lastUsedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Unique name, used in the audit history as the actor. */
  name: Scalars['String']['output'];
  /** When the token was revoked; null: still active. */
  revokedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Role in free text or, where typed, the enumerated role. */
  role: Role;
  /** Keys of the units in its scope (EDITOR), as the units are called now. At most 100. */
  unitScope: Array<Scalars['String']['output']>;
};

/** A new API token. */
export type ApiTokenCreateInput = {
  /** When the token stops working. */
  expiresAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Unique name; it stands for the token in the audit history. */
  name: Scalars['String']['input'];
  /** Role in free text or, where typed, the enumerated role. */
  role: Role;
  /** Units (global ids or keys) in an EDITOR token’s scope, each with everything below it. */
  units?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** Result of apiTokenCreate. */
export type ApiTokenCreatePayload = {
  /** The token and its secret; null when there are userErrors. */
  created?: Maybe<CreatedToken>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** Which token to revoke. */
export type ApiTokenRevokeInput = {
  /** The token’s name. */
  name: Scalars['String']['input'];
};

/** Result of apiTokenRevoke. */
export type ApiTokenRevokePayload = {
  /** The revoked token; null when there are userErrors. */
  token?: Maybe<ApiToken>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** What a change did to a record. */
export type AuditAction =
  | 'CREATE'
  | 'DELETE'
  | 'ERASE'
  | 'MERGE'
  | 'RESTORE'
  | 'UPDATE';

/** An entry in the audit history. */
export type AuditEntry = {
  /** Whether the record was created, changed or deleted. */
  action: AuditAction;
  /** Who: the API token’s name, "cli" for the command line, "seed" for seeding at start. */
  actor: Scalars['String']['output'];
  /** When. */
  at: Scalars['DateTimeISO']['output'];
  /** The fields that changed, with values before and after. At most 100. */
  changes: Array<FieldChange>;
  /** Global id of the record changed (it may since have been deleted). */
  recordId: Scalars['ID']['output'];
  /** The record’s key when the change was made. */
  recordKey: Scalars['String']['output'];
  /** Topic, Unit, Person, Agreement or Collaboration. */
  recordType: Scalars['String']['output'];
};

/** A page of AuditEntry records (Relay connection). */
export type AuditEntryConnection = {
  /** The records of this page with their cursors. */
  edges: Array<AuditEntryEdge>;
  /** The nodes of the edges, for clients that do not need cursors. */
  nodes: Array<AuditEntry>;
  /** Where this page lies in the list. */
  pageInfo: PageInfo;
  /** How many records match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a AuditEntry connection. */
export type AuditEntryEdge = {
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The record. */
  node: AuditEntry;
};

/** Which audit entries to list; all conditions must hold. */
export type AuditLogFilter = {
  /** Entries made by this actor (token name, "cli", "seed"). */
  actor?: InputMaybe<Scalars['String']['input']>;
  /** Entries made at or after this moment. */
  from?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Entries about this record (its global id). */
  record?: InputMaybe<Scalars['ID']['input']>;
  /** Entries made before this moment. */
  to?: InputMaybe<Scalars['DateTimeISO']['input']>;
};

/** The four axes of collaboration from the Unikom Oslo pilot. */
export type Axis =
  /** Education pathways (utdanningsløp). */
  | 'EDUCATION'
  /** Knowledge production (kunnskapsproduksjon). */
  | 'KNOWLEDGE_PRODUCTION'
  /** Meeting places (møteplasser). */
  | 'MEETING_PLACES'
  /** Workforce mobility (arbeidskraftmobilitet). */
  | 'WORKFORCE_MOBILITY';

/** Someone to contact in a cluster: a project leader or contact person of one of its collaborations. */
export type ClusterContact = {
  /** The collaboration they lead or are contact for. */
  collaboration: Collaboration;
  /** The person (global id or key on input). */
  person: Person;
  /** Role in free text or, where typed, the enumerated role. */
  role: PersonRole;
};

/** A collaboration (samarbeid) between municipal and academic units: a project, placement, network, course… */
export type Collaboration = Node & {
  /** The agreement it runs under. */
  agreement?: Maybe<Agreement>;
  /** Axes of collaboration (akser) the work belongs to. At most 4. */
  axes: Array<Axis>;
  /** Collaborations that are part of this one. At most 100. */
  children: Array<Collaboration>;
  /** When the record was created. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** End date; null = still running. */
  endDate?: Maybe<Scalars['Date']['output']>;
  /** Sources of funding (finansiering). At most 20. */
  funding: Array<CollaborationFunding>;
  /** Coordination gaps of this collaboration (empty unless planned or active). */
  gaps: CoordinationGap;
  /** Changes to this record, newest first (null, with an error, for anonymous callers). */
  history?: Maybe<AuditEntryConnection>;
  /** Opaque global identifier. */
  id: Scalars['ID']['output'];
  /** Stable external key, unique per record type (the `key` of the snapshot format). */
  key: Scalars['String']['output'];
  /** Free keywords (stikkord). At most 30. */
  keywords: Array<Scalars['String']['output']>;
  /** What kind of record this is. */
  kind: CollaborationKind;
  /** Web addresses about the collaboration. At most 20. */
  links: Array<Scalars['String']['output']>;
  /** Flagged overlaps of this collaboration, strongest first (reviewed-away pairs left out). At most 20. */
  overlaps: Array<Overlap>;
  /** The collaboration this one is part of. */
  parent?: Maybe<Collaboration>;
  /** People taking part, with their roles. At most 50. */
  people: Array<CollaborationPerson>;
  /** Start date; null = unknown. */
  startDate?: Maybe<Scalars['Date']['output']>;
  /** Where the collaboration stands; defaults to ACTIVE. */
  status: Status;
  /** What the collaboration is about, in a few sentences (sammendrag). */
  summary?: Maybe<Scalars['String']['output']>;
  /** Title (tittel). */
  title: Scalars['String']['output'];
  /** Topics the collaboration is tagged with. At most 20. */
  topics: Array<Topic>;
  /** Units taking part, with their roles. At most 50. */
  units: Array<CollaborationUnit>;
  /** When the record was last changed. */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Optimistic-concurrency version: pass it to updates and deletes; a stale one is a CONFLICT. */
  version: Scalars['Int']['output'];
};


/** A collaboration (samarbeid) between municipal and academic units: a project, placement, network, course… */
export type CollaborationHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A collaboration (samarbeid) between municipal and academic units: a project, placement, network, course… */
export type CollaborationOverlapsArgs = {
  minScore?: Scalars['Float']['input'];
};

/** A page of Collaboration records (Relay connection). */
export type CollaborationConnection = {
  /** The records of this page with their cursors. */
  edges: Array<CollaborationEdge>;
  /** The nodes of the edges, for clients that do not need cursors. */
  nodes: Array<Collaboration>;
  /** Where this page lies in the list. */
  pageInfo: PageInfo;
  /** How many records match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A new collaboration; the fields of the snapshot format. */
export type CollaborationCreateInput = {
  /** The agreement it runs under (global id or key). */
  agreement?: InputMaybe<Scalars['ID']['input']>;
  /** Axes of collaboration (akser) the work belongs to. */
  axes?: InputMaybe<Array<Axis>>;
  /** Leave out while still running. */
  endDate?: InputMaybe<Scalars['Date']['input']>;
  /** Sources of funding (finansiering). */
  funding?: InputMaybe<Array<FundingInput>>;
  /** Stable external key, unique per record type (the `key` of the snapshot format). */
  key: Scalars['String']['input'];
  /** Free keywords (stikkord). */
  keywords?: InputMaybe<Array<Scalars['String']['input']>>;
  /** What kind of record this is. */
  kind: CollaborationKind;
  /** Web addresses (http or https). */
  links?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The collaboration it is part of (global id or key). */
  parent?: InputMaybe<Scalars['ID']['input']>;
  /** People taking part, each with a role. */
  people?: InputMaybe<Array<CollaborationPersonInput>>;
  /** First day (YYYY-MM-DD); null = unknown. */
  startDate?: InputMaybe<Scalars['Date']['input']>;
  /** Defaults to ACTIVE. */
  status?: InputMaybe<Status>;
  /** What the collaboration is about, in a few sentences (sammendrag). */
  summary?: InputMaybe<Scalars['String']['input']>;
  /** Title (tittel). */
  title: Scalars['String']['input'];
  /** Topics (global ids or keys). */
  topics?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Units taking part, each with a role. */
  units: Array<CollaborationUnitInput>;
};

/** Result of CollaborationCreate: the record, or the userErrors that kept it from changing. */
export type CollaborationCreatePayload = {
  /** The record as it is after the change; null when there are userErrors. */
  collaboration?: Maybe<Collaboration>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** Which record to delete (global id or key) and the version last read. */
export type CollaborationDeleteInput = {
  /** Global id or key of the record. */
  id: Scalars['ID']['input'];
  /** The version this change is based on; a stale one is a CONFLICT. */
  version: Scalars['Int']['input'];
};

/** Result of a delete: the id that was deleted, or userErrors. */
export type CollaborationDeletePayload = {
  /** Global id of the deleted record. */
  deletedId?: Maybe<Scalars['ID']['output']>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** An edge in a Collaboration connection. */
export type CollaborationEdge = {
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The record. */
  node: Collaboration;
};

/** Which collaborations to list; all conditions must hold. */
export type CollaborationFilter = {
  /** Running on this date: started by then, not ended before, not cancelled. */
  activeOn?: InputMaybe<Scalars['Date']['input']>;
  /** Running under this agreement. */
  agreement?: InputMaybe<Scalars['ID']['input']>;
  /** On any of these axes. */
  axis?: InputMaybe<Array<Axis>>;
  /** With `topic`: count narrower topics too. */
  includeNarrower?: Scalars['Boolean']['input'];
  /** With `unit`: count the unit's subunits too (a kommune's bydeler and services). */
  includeSubunits?: Scalars['Boolean']['input'];
  /** Any of these kinds. */
  kind?: InputMaybe<Array<CollaborationKind>>;
  /** Period overlaps [periodFrom, periodTo]; open ends count as open. */
  periodFrom?: InputMaybe<Scalars['Date']['input']>;
  /** With periodFrom: the period the collaboration must overlap. */
  periodTo?: InputMaybe<Scalars['Date']['input']>;
  /** A person taking part. */
  person?: InputMaybe<Scalars['ID']['input']>;
  /** Any of these statuses. */
  status?: InputMaybe<Array<Status>>;
  /** Words in title, summary or keywords; all must occur (as words or word beginnings). */
  text?: InputMaybe<Scalars['String']['input']>;
  /** Tagged with this topic (global id or key). */
  topic?: InputMaybe<Scalars['ID']['input']>;
  /** A unit taking part (global id or key). */
  unit?: InputMaybe<Scalars['ID']['input']>;
};

/** A source of funding (finansiering) for a collaboration. */
export type CollaborationFunding = {
  /** Amount in Norwegian kroner. */
  amountNok?: Maybe<Scalars['Float']['output']>;
  /** The funding unit, when it is in the registry. */
  source?: Maybe<Unit>;
  /** Name of a funder that is not a unit in the registry. */
  sourceName?: Maybe<Scalars['String']['output']>;
};

/** The form a collaboration takes. */
export type CollaborationKind =
  /** Commissioned analysis or study (analyse, utredning). */
  | 'ANALYSIS'
  /** Combined position in both organisations (kombinasjonsstilling, delt stilling). */
  | 'COMBINED_POSITION'
  /** Continuing and further education (etter- og videreutdanning, EVU). */
  | 'CONTINUING_EDUCATION'
  /** A degree programme run together (studietilbud). */
  | 'DEGREE_PROGRAMME'
  /** Innovation project (innovasjonsprosjekt). */
  | 'INNOVATION_PROJECT'
  /** Meeting place: conference, seminar, forum (møteplass). */
  | 'MEETING_PLACE'
  /** Network (nettverk). */
  | 'NETWORK'
  /** Other. */
  | 'OTHER'
  /** PhD project (ph.d.-prosjekt). */
  | 'PHD_PROJECT'
  /** Student practice placement (praksis). */
  | 'PRACTICE_PLACEMENT'
  /** Public sector PhD (offentlig sektor-ph.d.). */
  | 'PUBLIC_SECTOR_PHD'
  /** Research project (forskningsprosjekt). */
  | 'RESEARCH_PROJECT'
  /** Secondment or job shadowing (hospitering). */
  | 'SECONDMENT'
  /** Bachelor's or master's thesis (bachelor-/masteroppgave). */
  | 'STUDENT_THESIS'
  /** Joint teaching (undervisning). */
  | 'TEACHING'
  /** Working group (arbeidsgruppe). */
  | 'WORKING_GROUP';

/** A collaboration about the topic that involves the unit. */
export type CollaborationMatch = {
  /** The collaboration concerned. */
  collaboration: Collaboration;
  /** Why it matched, in the language of the request's Accept-Language (Norwegian or English, as for overlap reasons). At most 10. */
  reasons: Array<Scalars['String']['output']>;
  /** Match strength times recency: active and recent first. */
  score: Scalars['Float']['output'];
};

/** Two collaborations that are one activity: the first is kept, the second merged into it and deleted. */
export type CollaborationMergeInput = {
  /** The collaboration to keep (global id or key). */
  keep: Scalars['ID']['input'];
  /** The kept collaboration’s version; a stale one is a CONFLICT. */
  keepVersion: Scalars['Int']['input'];
  /** The collaboration to merge into it and delete (global id or key). */
  remove: Scalars['ID']['input'];
  /** The removed collaboration’s version; a stale one is a CONFLICT. */
  removeVersion: Scalars['Int']['input'];
};

/** Result of CollaborationMerge: the record, or the userErrors that kept it from changing. */
export type CollaborationMergePayload = {
  /** The record as it is after the change; null when there are userErrors. */
  collaboration?: Maybe<Collaboration>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** How to order a list of collaboration records. */
export type CollaborationOrder = {
  /** Ascending or descending. */
  direction?: SortDirection;
  /** What to order by. */
  field: CollaborationOrderField;
};

/** Field to order by. */
export type CollaborationOrderField =
  | 'END_DATE'
  | 'KEY'
  | 'START_DATE'
  | 'TITLE';

/** A person taking part in a collaboration, with their role. */
export type CollaborationPerson = {
  /** The person (global id or key on input). */
  person: Person;
  /** Role in free text or, where typed, the enumerated role. */
  role: PersonRole;
};

/** Adds a person to a collaboration in a role. */
export type CollaborationPersonAddInput = {
  /** The collaboration (global id or key). */
  id: Scalars['ID']['input'];
  /** The person (global id or key). */
  person: Scalars['ID']['input'];
  /** Required when adding; when removing, leave out to remove every role. */
  role?: InputMaybe<PersonRole>;
  /** The version this change is based on; a stale one is a CONFLICT. */
  version: Scalars['Int']['input'];
};

/** Result of CollaborationPersonAdd: the record, or the userErrors that kept it from changing. */
export type CollaborationPersonAddPayload = {
  /** The record as it is after the change; null when there are userErrors. */
  collaboration?: Maybe<Collaboration>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** A person taking part, with their role. */
export type CollaborationPersonInput = {
  /** The person (global id or key). */
  person: Scalars['ID']['input'];
  /** Role in free text or, where typed, the enumerated role. */
  role: PersonRole;
};

/** Removes a person from a collaboration. */
export type CollaborationPersonRemoveInput = {
  /** The collaboration (global id or key). */
  id: Scalars['ID']['input'];
  /** The person (global id or key). */
  person: Scalars['ID']['input'];
  /** Required when adding; when removing, leave out to remove every role. */
  role?: InputMaybe<PersonRole>;
  /** The version this change is based on; a stale one is a CONFLICT. */
  version: Scalars['Int']['input'];
};

/** Result of CollaborationPersonRemove: the record, or the userErrors that kept it from changing. */
export type CollaborationPersonRemovePayload = {
  /** The record as it is after the change; null when there are userErrors. */
  collaboration?: Maybe<Collaboration>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** Tags a collaboration with a topic. */
export type CollaborationTopicAddInput = {
  /** The collaboration (global id or key). */
  id: Scalars['ID']['input'];
  /** The topic (global id or key). */
  topic: Scalars['ID']['input'];
  /** The version this change is based on; a stale one is a CONFLICT. */
  version: Scalars['Int']['input'];
};

/** Result of CollaborationTopicAdd: the record, or the userErrors that kept it from changing. */
export type CollaborationTopicAddPayload = {
  /** The record as it is after the change; null when there are userErrors. */
  collaboration?: Maybe<Collaboration>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** Removes a topic tag from a collaboration. */
export type CollaborationTopicRemoveInput = {
  /** The collaboration (global id or key). */
  id: Scalars['ID']['input'];
  /** The topic (global id or key). */
  topic: Scalars['ID']['input'];
  /** The version this change is based on; a stale one is a CONFLICT. */
  version: Scalars['Int']['input'];
};

/** Result of CollaborationTopicRemove: the record, or the userErrors that kept it from changing. */
export type CollaborationTopicRemovePayload = {
  /** The record as it is after the change; null when there are userErrors. */
  collaboration?: Maybe<Collaboration>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** A unit taking part in a collaboration, with its role. */
export type CollaborationUnit = {
  /** Role in free text or, where typed, the enumerated role. */
  role: ParticipantRole;
  /** The unit (global id or key on input). */
  unit: Unit;
};

/** Adds a unit to a collaboration in a role. */
export type CollaborationUnitAddInput = {
  /** The collaboration (global id or key). */
  id: Scalars['ID']['input'];
  /** Required when adding; when removing, leave out to remove every role. */
  role?: InputMaybe<ParticipantRole>;
  /** The unit (global id or key). */
  unit: Scalars['ID']['input'];
  /** The version this change is based on; a stale one is a CONFLICT. */
  version: Scalars['Int']['input'];
};

/** Result of CollaborationUnitAdd: the record, or the userErrors that kept it from changing. */
export type CollaborationUnitAddPayload = {
  /** The record as it is after the change; null when there are userErrors. */
  collaboration?: Maybe<Collaboration>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** A unit taking part, with its role. */
export type CollaborationUnitInput = {
  /** Role in free text or, where typed, the enumerated role. */
  role: ParticipantRole;
  /** The unit (global id or key). */
  unit: Scalars['ID']['input'];
};

/** Removes a unit from a collaboration. */
export type CollaborationUnitRemoveInput = {
  /** The collaboration (global id or key). */
  id: Scalars['ID']['input'];
  /** Required when adding; when removing, leave out to remove every role. */
  role?: InputMaybe<ParticipantRole>;
  /** The unit (global id or key). */
  unit: Scalars['ID']['input'];
  /** The version this change is based on; a stale one is a CONFLICT. */
  version: Scalars['Int']['input'];
};

/** Result of CollaborationUnitRemove: the record, or the userErrors that kept it from changing. */
export type CollaborationUnitRemovePayload = {
  /** The record as it is after the change; null when there are userErrors. */
  collaboration?: Maybe<Collaboration>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** Changes to a collaboration; omitted fields stay as they are, null clears an optional one; lists replace. */
export type CollaborationUpdateInput = {
  /** The agreement (avtale) it runs under (global id or key on input). */
  agreement?: InputMaybe<Scalars['ID']['input']>;
  /** Axes of collaboration (akser) the work belongs to. */
  axes?: InputMaybe<Array<Axis>>;
  /** Last day (YYYY-MM-DD); null = still running. */
  endDate?: InputMaybe<Scalars['Date']['input']>;
  /** Sources of funding (finansiering). */
  funding?: InputMaybe<Array<FundingInput>>;
  /** Global id or key of the collaboration. */
  id: Scalars['ID']['input'];
  /** New key. */
  key?: InputMaybe<Scalars['String']['input']>;
  /** Free keywords (stikkord). */
  keywords?: InputMaybe<Array<Scalars['String']['input']>>;
  /** What kind of record this is. */
  kind?: InputMaybe<CollaborationKind>;
  /** Web addresses (http or https). */
  links?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The record one level up in its tree (global id or key on input). */
  parent?: InputMaybe<Scalars['ID']['input']>;
  /** People taking part, each with a role. */
  people?: InputMaybe<Array<CollaborationPersonInput>>;
  /** First day (YYYY-MM-DD); null = unknown. */
  startDate?: InputMaybe<Scalars['Date']['input']>;
  /** Where the collaboration stands; defaults to ACTIVE. */
  status?: InputMaybe<Status>;
  /** What the collaboration is about, in a few sentences (sammendrag). */
  summary?: InputMaybe<Scalars['String']['input']>;
  /** Title (tittel). */
  title?: InputMaybe<Scalars['String']['input']>;
  /** Topics (global ids or keys on input). */
  topics?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Units taking part, each with a role. */
  units?: InputMaybe<Array<CollaborationUnitInput>>;
  /** The version this change is based on; a stale one is a CONFLICT. */
  version: Scalars['Int']['input'];
};

/** Result of CollaborationUpdate: the record, or the userErrors that kept it from changing. */
export type CollaborationUpdatePayload = {
  /** The record as it is after the change; null when there are userErrors. */
  collaboration?: Maybe<Collaboration>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** How a planned or active collaboration stands unconnected from the coordination structure. */
export type CoordinationGap = {
  /** The gap codes that apply. At most 4. */
  codes: Array<GapCode>;
  /** The collaboration concerned. */
  collaboration: Collaboration;
  /** One sentence per code, in the same order, in the language of the request's Accept-Language (Norwegian or English, as for overlap reasons). At most 4. */
  messages: Array<Scalars['String']['output']>;
};

/** A page of CoordinationGap records (Relay connection). */
export type CoordinationGapConnection = {
  /** The records of this page with their cursors. */
  edges: Array<CoordinationGapEdge>;
  /** The nodes of the edges, for clients that do not need cursors. */
  nodes: Array<CoordinationGap>;
  /** Where this page lies in the list. */
  pageInfo: PageInfo;
  /** How many records match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a CoordinationGap connection. */
export type CoordinationGapEdge = {
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The record. */
  node: CoordinationGap;
};

/** Which coordination gaps to report. */
export type CoordinationGapFilter = {
  /** Only collaborations with any of these gaps (and only those gaps shown). */
  codes?: InputMaybe<Array<GapCode>>;
  /** Collaborations involving this unit or one of its subunits. */
  unit?: InputMaybe<Scalars['ID']['input']>;
};

/** A new token and its secret. The secret is shown this once and never stored. */
export type CreatedToken = {
  /** Send it as "Authorization: Bearer <secret>". */
  secret: Scalars['String']['output'];
  /** The token as stored (without its secret). */
  token: ApiToken;
};

/** Two collaborations that are probably one activity registered twice (unlike an overlap: two activities on the same ground). Merge them with collaborationMerge, or mark them NOT_DUPLICATE. */
export type DuplicateCandidate = {
  /** One collaboration of the pair (the one registered first). */
  a: Collaboration;
  /** The other collaboration of the pair. */
  b: Collaboration;
  /** Why, one line of evidence each. At most 10. */
  reasons: Array<DuplicateReasonType>;
  /** A reviewer's decision on the pair, if any. */
  review?: Maybe<DuplicateReview>;
  /** How sure the registry is, from 0 to 1. */
  score: Scalars['Float']['output'];
};

/** A page of DuplicateCandidate records (Relay connection). */
export type DuplicateCandidateConnection = {
  /** The records of this page with their cursors. */
  edges: Array<DuplicateCandidateEdge>;
  /** The nodes of the edges, for clients that do not need cursors. */
  nodes: Array<DuplicateCandidate>;
  /** Where this page lies in the list. */
  pageInfo: PageInfo;
  /** How many records match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a DuplicateCandidate connection. */
export type DuplicateCandidateEdge = {
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The record. */
  node: DuplicateCandidate;
};

/** A reviewer's verdict on a duplicate candidate. */
export type DuplicateDecision =
  /** The same activity: stays listed, marked, until the two are merged (collaborationMerge). */
  | 'DUPLICATE'
  /** Two activities: the pair leaves the default list and stays quiet. */
  | 'NOT_DUPLICATE';

/** Which duplicate candidates to list. */
export type DuplicateFilterInput = {
  /** Also list pairs reviewed as NOT_DUPLICATE. */
  includeReviewed?: InputMaybe<Scalars['Boolean']['input']>;
  /** Lowest score to list (0.5 to 1); by default 0.7. */
  minScore?: InputMaybe<Scalars['Float']['input']>;
  /** Pairs where either side involves this unit or one of its subunits. */
  unit?: InputMaybe<Scalars['ID']['input']>;
};

/** Why two collaborations look like one activity entered twice. */
export type DuplicateReasonCode =
  /** A unit of one is, or lies inside or above, a unit of the other (a bydel and its service, a kommune and its bydel). */
  | 'NESTED_UNITS'
  /** Both are the same kind of collaboration. */
  | 'SAME_KIND'
  /** People take part in both. */
  | 'SAME_PEOPLE'
  /** They start within two months of each other. */
  | 'SAME_PERIOD'
  /** The same units take part. */
  | 'SAME_UNITS'
  /** The summaries share many words. */
  | 'SIMILAR_SUMMARY'
  /** The titles say nearly the same, place names aside (word order, spelling, typos, added labels forgiven). */
  | 'SIMILAR_TITLE';

/** One reason a pair looks like a duplicate. */
export type DuplicateReasonType = {
  /** Machine-readable reason. */
  code: DuplicateReasonCode;
  /** A sentence naming the titles, units, people or dates concerned, in the language of the request (Accept-Language: English or Norwegian bokmål). */
  message: Scalars['String']['output'];
};

/** The review of a duplicate candidate: decision, note, who and when. */
export type DuplicateReview = {
  /** The reviewer's verdict. */
  decision: DuplicateDecision;
  /** Why, in the reviewer’s words. */
  note?: Maybe<Scalars['String']['output']>;
  /** When the current decision was made. */
  reviewedAt: Scalars['DateTimeISO']['output'];
  /** Who reviewed (the API token’s name). */
  reviewedBy: Scalars['String']['output'];
};

/** A reviewer's decision on a duplicate candidate. */
export type DuplicateReviewInput = {
  /** One collaboration (global id or key). */
  a: Scalars['ID']['input'];
  /** The other collaboration (global id or key). */
  b: Scalars['ID']['input'];
  /** The reviewer's verdict. */
  decision: DuplicateDecision;
  /** Why, in the reviewer’s words. */
  note?: InputMaybe<Scalars['String']['input']>;
};

/** Result of DuplicateReview: the record, or the userErrors that kept it from changing. */
export type DuplicateReviewPayload = {
  /** The record as it is after the change; null when there are userErrors. */
  review?: Maybe<DuplicateReview>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** One field a change touched, with its value before and after (in snapshot form: references as keys). */
export type FieldChange = {
  /** Value after the change (null: absent). */
  after?: Maybe<Scalars['JSON']['output']>;
  /** Value before the change (null: absent). */
  before?: Maybe<Scalars['JSON']['output']>;
  /** The field, as named in the snapshot format. */
  field: Scalars['String']['output'];
};

/** A source of funding: a unit in the registry, a name, an amount, or several of these. */
export type FundingInput = {
  /** Amount in Norwegian kroner. */
  amountNok?: InputMaybe<Scalars['Float']['input']>;
  /** The funding unit (global id or key), when it is in the registry. */
  source?: InputMaybe<Scalars['ID']['input']>;
  /** Name of a funder that is not in the registry. */
  sourceName?: InputMaybe<Scalars['String']['input']>;
};

/** Ways a planned or active collaboration stands unconnected from the coordination structure. */
export type GapCode =
  /** Its agreement ends before the collaboration does (or, with no end, before today). */
  | 'AGREEMENT_EXPIRED'
  /** Neither it nor any collaboration it is part of names an agreement. */
  | 'NO_AGREEMENT'
  /** Nobody takes part as PROJECT_LEADER or CONTACT. */
  | 'NO_CONTACT'
  /** No municipal-sector unit or no academic-sector unit takes part. */
  | 'ONE_SIDED';

/** Result of importRegistry: the summary, or userErrors naming record and field (nothing was written). */
export type ImportRegistryPayload = {
  /** What was created, updated and left unchanged; null when there are userErrors. */
  summary?: Maybe<ImportRegistrySummary>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** What an import did. */
export type ImportRegistrySummary = {
  /** Records that were new. */
  created: RecordCounts;
  /** Existing records left exactly as they were. */
  unchanged: RecordCounts;
  /** Existing records (matched on key) whose content changed. */
  updated: RecordCounts;
};

/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type Mutation = {
  /** Creates a agreement (one transaction; userErrors name each bad field). */
  agreementCreate: AgreementCreatePayload;
  /** Deletes an agreement no collaboration or sub-agreement refers to. */
  agreementDelete: AgreementDeletePayload;
  /** Updates a agreement (one transaction; userErrors name each bad field). */
  agreementUpdate: AgreementUpdatePayload;
  /** Creates an API token (ADMIN); its secret is returned once. */
  apiTokenCreate: ApiTokenCreatePayload;
  /** Revokes an API token (ADMIN); it stops working at once. */
  apiTokenRevoke: ApiTokenRevokePayload;
  /** Creates a collaboration (one transaction; userErrors name each bad field). */
  collaborationCreate: CollaborationCreatePayload;
  /** Deletes a collaboration with no sub-collaborations. */
  collaborationDelete: CollaborationDeletePayload;
  /** Merges a collaboration registered twice into the one to keep (COORDINATOR): participants, topics, funding, links, keywords, sub-collaborations and overlap and duplicate reviews move to it; the other is deleted, and its key and global id lead to the kept one. recordRestore on the removed one undoes the merge. */
  collaborationMerge: CollaborationMergePayload;
  /** Adds a person in a role. */
  collaborationPersonAdd: CollaborationPersonAddPayload;
  /** Removes a person (in one role, or all). */
  collaborationPersonRemove: CollaborationPersonRemovePayload;
  /** Tags the collaboration with a topic. */
  collaborationTopicAdd: CollaborationTopicAddPayload;
  /** Removes a topic tag. */
  collaborationTopicRemove: CollaborationTopicRemovePayload;
  /** Adds a participating unit in a role. */
  collaborationUnitAdd: CollaborationUnitAddPayload;
  /** Removes a participating unit (in one role, or all). */
  collaborationUnitRemove: CollaborationUnitRemovePayload;
  /** Updates a collaboration (one transaction; userErrors name each bad field). */
  collaborationUpdate: CollaborationUpdatePayload;
  /** Records a decision on a duplicate candidate: NOT_DUPLICATE keeps the pair quiet; DUPLICATE marks it for merging. */
  duplicateReview: DuplicateReviewPayload;
  /** Imports a snapshot (format "collaboration-registry", version 1): all or nothing, upsert on key, idempotent. */
  importRegistry: ImportRegistryPayload;
  /** Records a decision on a pair: KNOWN and NOT_OVERLAP take it out of the default report; CONFIRMED keeps it, marked. */
  overlapReview: OverlapReviewPayload;
  /** Creates a person (one transaction; userErrors name each bad field). */
  personCreate: PersonCreatePayload;
  /** Deletes a person who takes part in no collaboration or agreement. */
  personDelete: PersonDeletePayload;
  /** Replaces a person's name and contact data with a placeholder and their key with `erased-person-<n>` (a key is often the name as a slug), in the record and in every history entry naming them, keeping where they took part (ADMIN). The global id stays. */
  personErase: PersonErasePayload;
  /** Updates a person (one transaction; userErrors name each bad field). */
  personUpdate: PersonUpdatePayload;
  /** Brings a deleted record back with its relations (ADMIN; a COORDINATOR may restore a collaboration a merge removed, which undoes the merge). Refused while something it refers to is still deleted. */
  recordRestore: RecordRestorePayload;
  /** Imports a spreadsheet of units, people, agreements or collaborations (EDITOR within its scope, COORDINATOR, ADMIN). A dry run unless `apply`: the report says what each row creates or changes and every row that cannot be read; applying is all or nothing, with history entries. */
  tableImport: TableImportPayload;
  /** Creates a topic (one transaction; userErrors name each bad field). */
  topicCreate: TopicCreatePayload;
  /** Deletes a topic that nothing refers to any more. */
  topicDelete: TopicDeletePayload;
  /** Updates a topic (one transaction; userErrors name each bad field). */
  topicUpdate: TopicUpdatePayload;
  /** Creates a unit (one transaction; userErrors name each bad field). */
  unitCreate: UnitCreatePayload;
  /** Deletes a unit that nothing refers to any more. */
  unitDelete: UnitDeletePayload;
  /** Updates a unit (one transaction; userErrors name each bad field). */
  unitUpdate: UnitUpdatePayload;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationAgreementCreateArgs = {
  input: AgreementCreateInput;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationAgreementDeleteArgs = {
  input: AgreementDeleteInput;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationAgreementUpdateArgs = {
  input: AgreementUpdateInput;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationApiTokenCreateArgs = {
  input: ApiTokenCreateInput;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationApiTokenRevokeArgs = {
  input: ApiTokenRevokeInput;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationCollaborationCreateArgs = {
  input: CollaborationCreateInput;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationCollaborationDeleteArgs = {
  input: CollaborationDeleteInput;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationCollaborationMergeArgs = {
  input: CollaborationMergeInput;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationCollaborationPersonAddArgs = {
  input: CollaborationPersonAddInput;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationCollaborationPersonRemoveArgs = {
  input: CollaborationPersonRemoveInput;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationCollaborationTopicAddArgs = {
  input: CollaborationTopicAddInput;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationCollaborationTopicRemoveArgs = {
  input: CollaborationTopicRemoveInput;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationCollaborationUnitAddArgs = {
  input: CollaborationUnitAddInput;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationCollaborationUnitRemoveArgs = {
  input: CollaborationUnitRemoveInput;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationCollaborationUpdateArgs = {
  input: CollaborationUpdateInput;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationDuplicateReviewArgs = {
  input: DuplicateReviewInput;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationImportRegistryArgs = {
  snapshot: Scalars['JSON']['input'];
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationOverlapReviewArgs = {
  input: OverlapReviewInput;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationPersonCreateArgs = {
  input: PersonCreateInput;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationPersonDeleteArgs = {
  input: PersonDeleteInput;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationPersonEraseArgs = {
  input: PersonEraseInput;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationPersonUpdateArgs = {
  input: PersonUpdateInput;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationRecordRestoreArgs = {
  input: RecordRestoreInput;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationTableImportArgs = {
  input: TableImportInput;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationTopicCreateArgs = {
  input: TopicCreateInput;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationTopicDeleteArgs = {
  input: TopicDeleteInput;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationTopicUpdateArgs = {
  input: TopicUpdateInput;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationUnitCreateArgs = {
  input: UnitCreateInput;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationUnitDeleteArgs = {
  input: UnitDeleteInput;
};


/** Changing the registry. Each mutation takes one `input` and returns the record or userErrors; a mutation with userErrors changed nothing. */
export type MutationUnitUpdateArgs = {
  input: UnitUpdateInput;
};

/** A record with a globally unique, opaque id. */
export type Node = {
  /** Opaque global identifier. */
  id: Scalars['ID']['output'];
};

/** Two collaborations that seem to do the same work on the same ground without knowing of each other. */
export type Overlap = {
  /** One collaboration of the pair. */
  a: Collaboration;
  /** The other collaboration of the pair. */
  b: Collaboration;
  /** End of the common period (null: still running). */
  periodEnd?: Maybe<Scalars['Date']['output']>;
  /** Start of the common period (null: open). */
  periodStart?: Maybe<Scalars['Date']['output']>;
  /** Why the pair was flagged, one reason per line of evidence. At most 10. */
  reasons: Array<OverlapReasonType>;
  /** A reviewer's decision on the pair, if any. */
  review?: Maybe<OverlapReview>;
  /** How sure the registry is, from 0 to 1. */
  score: Scalars['Float']['output'];
  /** Topic tags both carry. At most 20. */
  sharedTopics: Array<Topic>;
  /** The municipal units they share, or the inner unit where one lies inside the other. At most 50. */
  sharedUnits: Array<Unit>;
  /** The subject both are about, as inferred from their text and tags. */
  subject?: Maybe<Topic>;
};

/** Collaborations linked by flagged overlaps: a group that should talk to each other. */
export type OverlapCluster = {
  /** Collaborations. At most 200. */
  collaborations: Array<Collaboration>;
  /** Project leaders and contacts of each collaboration in the group (null, with a FORBIDDEN error, for anonymous callers). At most 400. */
  contacts?: Maybe<Array<ClusterContact>>;
  /** The flagged pairs that link the group. At most 400. */
  overlaps: Array<Overlap>;
  /** Mean score of the pairs in the group. */
  score: Scalars['Float']['output'];
  /** The municipal ground the group shares. At most 50. */
  sharedUnits: Array<Unit>;
  /** How many collaborations the group holds. */
  size: Scalars['Int']['output'];
  /** The subjects the group works on. At most 20. */
  topics: Array<Topic>;
};

/** A page of OverlapCluster records (Relay connection). */
export type OverlapClusterConnection = {
  /** The records of this page with their cursors. */
  edges: Array<OverlapClusterEdge>;
  /** The nodes of the edges, for clients that do not need cursors. */
  nodes: Array<OverlapCluster>;
  /** Where this page lies in the list. */
  pageInfo: PageInfo;
  /** How many records match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a OverlapCluster connection. */
export type OverlapClusterEdge = {
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The record. */
  node: OverlapCluster;
};

/** A page of Overlap records (Relay connection). */
export type OverlapConnection = {
  /** The records of this page with their cursors. */
  edges: Array<OverlapEdge>;
  /** The nodes of the edges, for clients that do not need cursors. */
  nodes: Array<Overlap>;
  /** Where this page lies in the list. */
  pageInfo: PageInfo;
  /** How many records match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An edge in a Overlap connection. */
export type OverlapEdge = {
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The record. */
  node: Overlap;
};

/** Which overlaps to report. */
export type OverlapFilterInput = {
  /** Pairs whose common period includes this date. */
  activeOn?: InputMaybe<Scalars['Date']['input']>;
  /** Also report pairs reviewed as KNOWN or NOT_OVERLAP. */
  includeReviewed?: InputMaybe<Scalars['Boolean']['input']>;
  /** Lowest score to report; defaults to the threshold that meets the quality bar. */
  minScore?: InputMaybe<Scalars['Float']['input']>;
  /** A topic by id or key (narrower topics included), or words matched against the topic tree. */
  topic?: InputMaybe<Scalars['String']['input']>;
  /** Pairs where either side involves this unit or one of its subunits. */
  unit?: InputMaybe<Scalars['ID']['input']>;
};

/** Why a pair was flagged. */
export type OverlapReasonCode =
  /** One's municipal unit lies inside the other's (any depth). */
  | 'CONTAINED_UNIT'
  /** Their periods overlap; the message gives the common period. */
  | 'PERIOD_OVERLAP'
  /** One's topic tag is narrower than the other's. */
  | 'RELATED_TOPIC'
  /** Both are tagged with the subject. */
  | 'SAME_TOPIC'
  /** Both name the same municipal unit. */
  | 'SHARED_UNIT'
  /** Their texts are about the same subject; the message names the shared words. */
  | 'SIMILAR_TEXT';

/** One reason a pair was flagged, readable at a glance. */
export type OverlapReasonType = {
  /** Machine-readable reason. */
  code: OverlapReasonCode;
  /** A sentence naming the units, topics, period or words concerned: in Norwegian (bokmål) when the request's Accept-Language prefers nb, no or nn to en, otherwise in English. */
  message: Scalars['String']['output'];
};

/** The review of a flagged pair: decision, note, who and when. */
export type OverlapReview = {
  /** The reviewer's verdict. */
  decision: ReviewDecision;
  /** Why, in the reviewer’s words. */
  note?: Maybe<Scalars['String']['output']>;
  /** When the current decision was made. */
  reviewedAt: Scalars['DateTimeISO']['output'];
  /** Who reviewed (the API token’s name). */
  reviewedBy: Scalars['String']['output'];
};

/** A reviewer's decision on a pair of collaborations. */
export type OverlapReviewInput = {
  /** One collaboration (global id or key). */
  a: Scalars['ID']['input'];
  /** The other collaboration (global id or key). */
  b: Scalars['ID']['input'];
  /** The reviewer's verdict. */
  decision: ReviewDecision;
  /** Why, in the reviewer’s words. */
  note?: InputMaybe<Scalars['String']['input']>;
};

/** Result of OverlapReview: the record, or the userErrors that kept it from changing. */
export type OverlapReviewPayload = {
  /** The record as it is after the change; null when there are userErrors. */
  review?: Maybe<OverlapReview>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** Relay page information. */
export type PageInfo = {
  /** Cursor of the last record of the page; pass it as `after` for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more records follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether records come before this page. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first record of the page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** The role a unit has in a collaboration. */
export type ParticipantRole =
  /** Funds the collaboration: funder, funding body, financier, sponsor (finansiør, finansierer, tilskuddsgiver). */
  | 'FUNDER'
  /** The unit where the work or placement happens: host, host unit, placement site (vertsenhet, vert, vertskap, praksissted, praksisarena). */
  | 'HOST'
  /** Leads the collaboration: lead, leader, lead partner, project owner, owner, coordinator, responsible (prosjekteier, ansvarlig, leder, ledende, hovedansvarlig, prosjektansvarlig, eier, koordinator). */
  | 'LEAD'
  /** Follows without taking part: observer, follower (observatør, følger). */
  | 'OBSERVER'
  /** Partner: participant, party, member, collaborator, co-applicant (partner, deltaker, deltakende, samarbeidspartner, samarbeidspart, part, medlem, medsøker). */
  | 'PARTNER';

/** A person who takes part in collaborations or agreements. */
export type Person = Node & {
  /** Units the person belongs to, with role and period. At most 10. */
  affiliations: Array<Affiliation>;
  /** Collaborations this person takes part in. */
  collaborations: CollaborationConnection;
  /** When the record was created. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** E-mail address (personal data). */
  email?: Maybe<Scalars['String']['output']>;
  /** Changes to this record, newest first (null, with an error, for anonymous callers). */
  history?: Maybe<AuditEntryConnection>;
  /** Opaque global identifier. */
  id: Scalars['ID']['output'];
  /** Stable external key, unique per record type (the `key` of the snapshot format). */
  key: Scalars['String']['output'];
  /** Full name (navn). */
  name: Scalars['String']['output'];
  /** Phone number (personal data). */
  phone?: Maybe<Scalars['String']['output']>;
  /** Job title (stillingstittel), e.g. "Professor". */
  title?: Maybe<Scalars['String']['output']>;
  /** When the record was last changed. */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Optimistic-concurrency version: pass it to updates and deletes; a stale one is a CONFLICT. */
  version: Scalars['Int']['output'];
};


/** A person who takes part in collaborations or agreements. */
export type PersonCollaborationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CollaborationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<CollaborationOrder>;
};


/** A person who takes part in collaborations or agreements. */
export type PersonHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of Person records (Relay connection). */
export type PersonConnection = {
  /** The records of this page with their cursors. */
  edges: Array<PersonEdge>;
  /** The nodes of the edges, for clients that do not need cursors. */
  nodes: Array<Person>;
  /** Where this page lies in the list. */
  pageInfo: PageInfo;
  /** How many records match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A new person; the fields of the snapshot format. */
export type PersonCreateInput = {
  /** The person's ties to units, with role and period; on update the list replaces the old one. */
  affiliations?: Array<AffiliationInput>;
  /** E-mail address (personal data). */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Stable external key, unique per record type (the `key` of the snapshot format). */
  key: Scalars['String']['input'];
  /** Full name (navn). */
  name: Scalars['String']['input'];
  /** Phone number (personal data). */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Title (tittel). */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Result of PersonCreate: the record, or the userErrors that kept it from changing. */
export type PersonCreatePayload = {
  /** The record as it is after the change; null when there are userErrors. */
  person?: Maybe<Person>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** Which record to delete (global id or key) and the version last read. */
export type PersonDeleteInput = {
  /** Global id or key of the record. */
  id: Scalars['ID']['input'];
  /** The version this change is based on; a stale one is a CONFLICT. */
  version: Scalars['Int']['input'];
};

/** Result of a delete: the id that was deleted, or userErrors. */
export type PersonDeletePayload = {
  /** Global id of the deleted record. */
  deletedId?: Maybe<Scalars['ID']['output']>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** An edge in a Person connection. */
export type PersonEdge = {
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The record. */
  node: Person;
};

/** Whose personal data to erase. */
export type PersonEraseInput = {
  /** Global id of the person. */
  id: Scalars['ID']['input'];
};

/** Result of PersonErase: the record, or the userErrors that kept it from changing. */
export type PersonErasePayload = {
  /** The record as it is after the change; null when there are userErrors. */
  person?: Maybe<Person>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** Which people to list. */
export type PersonFilter = {
  /** With `unit`: include people of its subunits. */
  includeSubunits?: Scalars['Boolean']['input'];
  /** Text in the name, e-mail, title or key (case and accents ignored). */
  text?: InputMaybe<Scalars['String']['input']>;
  /** People affiliated with this unit. */
  unit?: InputMaybe<Scalars['ID']['input']>;
};

/** A person who works with the unit on the topic. */
export type PersonMatch = {
  /** Collaborations. At most 20. */
  collaborations: Array<Collaboration>;
  /** The person (global id or key on input). */
  person: Person;
  /** Roles they hold in those collaborations. At most 8. */
  roles: Array<PersonRole>;
  /** Best score of their matching collaborations. */
  score: Scalars['Float']['output'];
};

/** How to order a list of person records. */
export type PersonOrder = {
  /** Ascending or descending. */
  direction?: SortDirection;
  /** What to order by. */
  field: PersonOrderField;
};

/** Field to order by. */
export type PersonOrderField =
  | 'KEY'
  | 'NAME';

/** The role a person has in a collaboration. */
export type PersonRole =
  /** Contact person: contact, contact point, liaison (kontaktperson, kontakt, kontaktpunkt). */
  | 'CONTACT'
  /** Coordinator: project coordinator (koordinator, prosjektkoordinator). */
  | 'COORDINATOR'
  /** Member, e.g. of a working group: participant, team member (medlem, deltaker, prosjektdeltaker, prosjektmedarbeider, medarbeider). */
  | 'MEMBER'
  /** PhD candidate: PhD student, doctoral candidate, doctoral student, research fellow (stipendiat, ph.d.-kandidat, ph.d.-stipendiat, ph.d.-student, doktorgradsstipendiat, doktorand). */
  | 'PHD_CANDIDATE'
  /** Project leader: project manager, leader, lead, principal investigator, PI (prosjektleder, leder, prosjektansvarlig, ansvarlig, faglig leder, hovedansvarlig). */
  | 'PROJECT_LEADER'
  /** Researcher: scientist, postdoc, postdoctoral fellow (forsker, postdoktor, postdok, forskningsmedarbeider). */
  | 'RESEARCHER'
  /** Student: master's student, master student, bachelor's student, bachelor student (masterstudent, bachelorstudent). */
  | 'STUDENT'
  /** Supervisor: advisor, adviser, mentor (veileder, hovedveileder, medveileder, biveileder). */
  | 'SUPERVISOR';

/** Changes to a person; omitted fields stay as they are, null clears an optional one. */
export type PersonUpdateInput = {
  /** Replaces all affiliations. */
  affiliations?: InputMaybe<Array<AffiliationInput>>;
  /** E-mail address (personal data). */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Global id or key of the person. */
  id: Scalars['ID']['input'];
  /** New key. */
  key?: InputMaybe<Scalars['String']['input']>;
  /** Full name (navn). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Phone number (personal data). */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Title (tittel). */
  title?: InputMaybe<Scalars['String']['input']>;
  /** The version this change is based on; a stale one is a CONFLICT. */
  version: Scalars['Int']['input'];
};

/** Result of PersonUpdate: the record, or the userErrors that kept it from changing. */
export type PersonUpdatePayload = {
  /** The record as it is after the change; null when there are userErrors. */
  person?: Maybe<Person>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** Reading the registry: lookups by id or key, filtered lists (Relay connections), and snapshots. */
export type Query = {
  /** One agreement by global id or key. */
  agreement?: Maybe<Agreement>;
  /** Agreements, a page at a time. */
  agreements: AgreementConnection;
  /** The state of the overlap analysis: when it was built, what it holds, whether a rebuild runs. */
  analysisStatus: AnalysisStatus;
  /** Active API tokens (ADMIN). At most 1000. */
  apiTokens: Array<ApiToken>;
  /** Every change to the registry (API, import, command line): who, when, which record, what changed. Newest first. */
  auditLog: AuditEntryConnection;
  /** One collaboration by global id or key. */
  collaboration?: Maybe<Collaboration>;
  /** Collaborations matching every condition of the filter, a page at a time. "Who already works with bydel X on Y?" starts here. */
  collaborations: CollaborationConnection;
  /** Planned and active collaborations with coordination gaps, in key order. */
  coordinationGaps: CoordinationGapConnection;
  /** Pairs of collaborations that are probably one activity registered twice, most certain first (default minScore 0.7). */
  duplicateCandidates: DuplicateCandidateConnection;
  /** The whole registry as a snapshot, which imports into an empty registry as the same records. One per request. */
  exportRegistry: Scalars['JSON']['output'];
  /** Any record by its global id; null when there is none. */
  node?: Maybe<Node>;
  /** Several records by global id (at most 100), in the order asked. */
  nodes: Array<Maybe<Node>>;
  /** Groups of collaborations linked by flagged overlaps, largest and strongest first. */
  overlapClusters: OverlapClusterConnection;
  /** Pairs of collaborations that overlap without knowing of each other, strongest first (default minScore 0.5). */
  overlapReport: OverlapConnection;
  /** People, a page at a time. */
  people: PersonConnection;
  /** One person by global id or key. */
  person?: Maybe<Person>;
  /** All data the registry holds on one person: record, participation and history (ADMIN). */
  personExport: Scalars['JSON']['output'];
  /** One record type as a spreadsheet whose columns are the snapshot’s field names: it imports back unchanged. One per request. */
  tableExport: TableFile;
  /** One topic by global id or key. */
  topic?: Maybe<Topic>;
  /** Topics, a page at a time. */
  topics: TopicConnection;
  /** One unit by global id or key. */
  unit?: Maybe<Unit>;
  /** Units (kommuner, bydeler, services, universities, faculties…), a page at a time. */
  units: UnitConnection;
  /** Who already works with this unit (and its subunits) on this topic: people, units and collaborations, ranked. */
  whoWorksWith: WhoWorksWith;
};


/** Reading the registry: lookups by id or key, filtered lists (Relay connections), and snapshots. */
export type QueryAgreementArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  key?: InputMaybe<Scalars['String']['input']>;
};


/** Reading the registry: lookups by id or key, filtered lists (Relay connections), and snapshots. */
export type QueryAgreementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AgreementFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<AgreementOrder>;
};


/** Reading the registry: lookups by id or key, filtered lists (Relay connections), and snapshots. */
export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditLogFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Reading the registry: lookups by id or key, filtered lists (Relay connections), and snapshots. */
export type QueryCollaborationArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  key?: InputMaybe<Scalars['String']['input']>;
};


/** Reading the registry: lookups by id or key, filtered lists (Relay connections), and snapshots. */
export type QueryCollaborationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CollaborationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<CollaborationOrder>;
};


/** Reading the registry: lookups by id or key, filtered lists (Relay connections), and snapshots. */
export type QueryCoordinationGapsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CoordinationGapFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Reading the registry: lookups by id or key, filtered lists (Relay connections), and snapshots. */
export type QueryDuplicateCandidatesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DuplicateFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Reading the registry: lookups by id or key, filtered lists (Relay connections), and snapshots. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Reading the registry: lookups by id or key, filtered lists (Relay connections), and snapshots. */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** Reading the registry: lookups by id or key, filtered lists (Relay connections), and snapshots. */
export type QueryOverlapClustersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OverlapFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Reading the registry: lookups by id or key, filtered lists (Relay connections), and snapshots. */
export type QueryOverlapReportArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OverlapFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Reading the registry: lookups by id or key, filtered lists (Relay connections), and snapshots. */
export type QueryPeopleArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PersonFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<PersonOrder>;
};


/** Reading the registry: lookups by id or key, filtered lists (Relay connections), and snapshots. */
export type QueryPersonArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  key?: InputMaybe<Scalars['String']['input']>;
};


/** Reading the registry: lookups by id or key, filtered lists (Relay connections), and snapshots. */
export type QueryPersonExportArgs = {
  id: Scalars['ID']['input'];
};


/** Reading the registry: lookups by id or key, filtered lists (Relay connections), and snapshots. */
export type QueryTableExportArgs = {
  format: TableFormat;
  type: TableType;
};


/** Reading the registry: lookups by id or key, filtered lists (Relay connections), and snapshots. */
export type QueryTopicArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  key?: InputMaybe<Scalars['String']['input']>;
};


/** Reading the registry: lookups by id or key, filtered lists (Relay connections), and snapshots. */
export type QueryTopicsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TopicFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<TopicOrder>;
};


/** Reading the registry: lookups by id or key, filtered lists (Relay connections), and snapshots. */
export type QueryUnitArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  key?: InputMaybe<Scalars['String']['input']>;
};


/** Reading the registry: lookups by id or key, filtered lists (Relay connections), and snapshots. */
export type QueryUnitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UnitFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<UnitOrder>;
};


/** Reading the registry: lookups by id or key, filtered lists (Relay connections), and snapshots. */
export type QueryWhoWorksWithArgs = {
  activeOn?: InputMaybe<Scalars['Date']['input']>;
  limit?: Scalars['Int']['input'];
  topic: Scalars['String']['input'];
  unit: Scalars['ID']['input'];
};

/** Records per type. */
export type RecordCounts = {
  /** Agreements. */
  agreements: Scalars['Int']['output'];
  /** Collaborations. */
  collaborations: Scalars['Int']['output'];
  /** People taking part, each with a role. */
  people: Scalars['Int']['output'];
  /** Topics (global ids or keys on input). */
  topics: Scalars['Int']['output'];
  /** Units taking part, each with a role. */
  units: Scalars['Int']['output'];
};

/** Which deleted record to bring back. */
export type RecordRestoreInput = {
  /** Global id of the deleted record. */
  id: Scalars['ID']['input'];
};

/** Result of recordRestore. */
export type RecordRestorePayload = {
  /** The restored record; null when there are userErrors. */
  record?: Maybe<Node>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** A reviewer's verdict on a flagged pair. */
export type ReviewDecision =
  /** A real overlap: stays in the report, marked as confirmed. */
  | 'CONFIRMED'
  /** The two already know of each other: leaves the default report. */
  | 'KNOWN'
  /** Not the same work: leaves the default report. */
  | 'NOT_OVERLAP';

/** What an API token may do; each role can do everything the ones before it can. */
export type Role =
  /** Everything: tokens, imports, restores. */
  | 'ADMIN'
  /** Editor everywhere, plus topics and overlap reviews. */
  | 'COORDINATOR'
  /** Also create, change and delete the collaborations, agreements and people involving a unit in its scope, and the units in its scope. */
  | 'EDITOR'
  /** Read everything, personal fields included. */
  | 'VIEWER';

/** The sector a unit belongs to; derived from its kind unless set. */
export type Sector =
  /** Universities, colleges and research (UH-sektoren). */
  | 'ACADEMIC'
  /** Municipal sector (kommunesektoren). */
  | 'MUNICIPAL'
  /** Other. */
  | 'OTHER'
  /** Private sector (næringslivet). */
  | 'PRIVATE'
  /** State agencies (staten). */
  | 'STATE';

/** Another topic whose label is similar to the one asked for, and how many of the unit's collaborations are filed there. */
export type SimilarTopic = {
  /** The unit's collaborations on it, counted as whoWorksWith counts its own answer for that topic (same unit with its subunits, period and status), before that answer's `limit`. */
  collaborations: Scalars['Int']['output'];
  /** The similar topic: ask whoWorksWith about its key to see the collaborations. */
  topic: Topic;
};

/** Ascending or descending. */
export type SortDirection =
  | 'ASC'
  | 'DESC';

/** Where a collaboration stands. */
export type Status =
  /** Running: active, ongoing, in progress, started, current (pågående, aktiv, aktivt, pågår, i gang, igangsatt, påbegynt, startet, løpende, under arbeid). */
  | 'ACTIVE'
  /** Cancelled: canceled, called off, abandoned, discontinued, stopped, withdrawn (avlyst, avbrutt, kansellert, stoppet, stanset, nedlagt, lagt ned, skrinlagt, trukket). */
  | 'CANCELLED'
  /** Finished: completed, ended, done, closed, concluded (avsluttet, ferdig, fullført, gjennomført, ferdigstilt, avslutta). */
  | 'COMPLETED'
  /** Planned: not started, not yet started, upcoming, proposed (planlagt, ikke startet, ikke påbegynt, kommende, under planlegging, foreslått). */
  | 'PLANNED';

/** A column of the file and the field it fills. */
export type TableColumn = {
  /** The record field the column fills; null when it is left out (see note). */
  field?: Maybe<Scalars['String']['output']>;
  /** The header as the file writes it. */
  header: Scalars['String']['output'];
  /** Why a column is left out. */
  note?: Maybe<Scalars['String']['output']>;
};

/** A registered collaboration a new row probably duplicates. */
export type TableDuplicate = {
  /** Its key: put it in the row’s key column to update it instead of creating a second record. */
  key: Scalars['String']['output'];
  /** How sure the registry is, from 0 to 1 (as in duplicateCandidates). */
  score: Scalars['Float']['output'];
  /** Title (tittel). */
  title: Scalars['String']['output'];
};

/** A spreadsheet file. */
export type TableFile = {
  /** The file’s bytes in base64. */
  base64: Scalars['String']['output'];
  /** A file name to save it under, e.g. collaborations.xlsx. */
  fileName: Scalars['String']['output'];
  /** Its media type. */
  mediaType: Scalars['String']['output'];
};

/** A spreadsheet file format. */
export type TableFormat =
  /** Delimited text (any of , ; tab |), UTF-8, UTF-16 or Windows-1252; exported as UTF-8 with ";". */
  | 'CSV'
  /** An Excel workbook (its first sheet). */
  | 'XLSX';

/** A spreadsheet to import: a dry run unless `apply` is true. */
export type TableImportInput = {
  /** Write the changes (all or nothing). False: report what would happen and write nothing. */
  apply?: Scalars['Boolean']['input'];
  /** The file’s bytes in base64: CSV (any delimiter; UTF-8, UTF-16 or Windows-1252) or XLSX. */
  file: Scalars['String']['input'];
  /** Column header → field name (e.g. {"Prosjekt": "title", "Notater": null}; null leaves a column out). Without it, columns are recognised by their headers. */
  mapping?: InputMaybe<Scalars['JSON']['input']>;
  /** The kind of record each row is. */
  type: TableType;
};

/** Result of tableImport: the report (with its problems), or userErrors about the request itself. */
export type TableImportPayload = {
  /** The report; null when the request itself is wrong (see userErrors). */
  report?: Maybe<TableImportReport>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** The report of a spreadsheet import or dry run. Nothing is written when `problems` is not empty. */
export type TableImportReport = {
  /** True when the changes were written. */
  applied: Scalars['Boolean']['output'];
  /** Every column of the file, in order, and the field it fills. At most 60. */
  columns: Array<TableColumn>;
  /** Rows that create a record. */
  created: Scalars['Int']['output'];
  /** The character that separates a CSV file’s columns. */
  delimiter?: Maybe<Scalars['String']['output']>;
  /** How a CSV file’s bytes were read: UTF-8, UTF-16 or WINDOWS-1252. */
  encoding?: Maybe<Scalars['String']['output']>;
  /** How the file was read. */
  format: TableFormat;
  /** Every row (or the file) that cannot be imported; nothing is written while there are any. At most 500. */
  problems: Array<TableProblem>;
  /** Every readable row and what the import does with it. At most 5000. */
  rows: Array<TableRowOutcome>;
  /** The kind of record the rows are. */
  type: TableType;
  /** Rows that leave a record as it is. */
  unchanged: Scalars['Int']['output'];
  /** Rows that change a record. */
  updated: Scalars['Int']['output'];
};

/** A row (or the file) that cannot be imported, and why. */
export type TableProblem = {
  /** The column header at fault. */
  column?: Maybe<Scalars['String']['output']>;
  /** The record field at fault. */
  field?: Maybe<Scalars['String']['output']>;
  /** What is wrong, in words that say how to fix it. */
  message: Scalars['String']['output'];
  /** Row number (the header is row 1); null for the whole file. */
  row?: Maybe<Scalars['Int']['output']>;
};

/** What an import does (or would do) with a row. */
export type TableRowAction =
  /** A new record. */
  | 'CREATE'
  /** An existing record the row does not change. */
  | 'UNCHANGED'
  /** An existing record, changed in the fields listed. */
  | 'UPDATE';

/** What an import does with one row. */
export type TableRowOutcome = {
  /** What the import does with the row. */
  action: TableRowAction;
  /** For UPDATE: the fields that change. At most 30. */
  fields: Array<Scalars['String']['output']>;
  /** The record’s key: the key cell, the existing record the row names, or a key made from its name. */
  key: Scalars['String']['output'];
  /** The key the row gave when that collaboration was merged into this one (collaborationMerge): the row updates the one it went into. */
  mergedFrom?: Maybe<Scalars['String']['output']>;
  /** For a new collaboration: registered ones it probably duplicates, most certain first. At most 5. */
  possibleDuplicates: Array<TableDuplicate>;
  /** Row number as a spreadsheet shows it (the header is row 1). */
  row: Scalars['Int']['output'];
};

/** The kind of record each row of a spreadsheet is. */
export type TableType =
  | 'AGREEMENTS'
  | 'COLLABORATIONS'
  | 'PEOPLE'
  | 'UNITS';

/** A subject (tema) in the topic tree, e.g. "Språkutvikling i barnehagen". */
export type Topic = Node & {
  /** All broader topics, nearest first. At most 20. */
  broader: Array<Topic>;
  /** Collaborations tagged with this topic (and, by default, narrower ones). */
  collaborations: CollaborationConnection;
  /** When the record was created. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Changes to this record, newest first (null, with an error, for anonymous callers). */
  history?: Maybe<AuditEntryConnection>;
  /** Opaque global identifier. */
  id: Scalars['ID']['output'];
  /** Stable external key, unique per record type (the `key` of the snapshot format). */
  key: Scalars['String']['output'];
  /** Norwegian label. */
  label: Scalars['String']['output'];
  /** English label. */
  labelEn?: Maybe<Scalars['String']['output']>;
  /** The topics one level narrower. At most 100. */
  narrower: Array<Topic>;
  /** The broader topic one level up (snapshot `parent`). */
  parent?: Maybe<Topic>;
  /** Other words for the same subject, used by search and overlap detection. At most 30. */
  synonyms: Array<Scalars['String']['output']>;
  /** When the record was last changed. */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Optimistic-concurrency version: pass it to updates and deletes; a stale one is a CONFLICT. */
  version: Scalars['Int']['output'];
};


/** A subject (tema) in the topic tree, e.g. "Språkutvikling i barnehagen". */
export type TopicCollaborationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CollaborationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeNarrower?: Scalars['Boolean']['input'];
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<CollaborationOrder>;
};


/** A subject (tema) in the topic tree, e.g. "Språkutvikling i barnehagen". */
export type TopicHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of Topic records (Relay connection). */
export type TopicConnection = {
  /** The records of this page with their cursors. */
  edges: Array<TopicEdge>;
  /** The nodes of the edges, for clients that do not need cursors. */
  nodes: Array<Topic>;
  /** Where this page lies in the list. */
  pageInfo: PageInfo;
  /** How many records match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A new topic; the fields of the snapshot format. */
export type TopicCreateInput = {
  /** Stable external key, unique per record type (the `key` of the snapshot format). */
  key: Scalars['String']['input'];
  /** Norwegian label. */
  label: Scalars['String']['input'];
  /** English label. */
  labelEn?: InputMaybe<Scalars['String']['input']>;
  /** Broader topic (global id or key). */
  parent?: InputMaybe<Scalars['ID']['input']>;
  /** Other words for the same subject. */
  synonyms?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Result of TopicCreate: the record, or the userErrors that kept it from changing. */
export type TopicCreatePayload = {
  /** The record as it is after the change; null when there are userErrors. */
  topic?: Maybe<Topic>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** Which record to delete (global id or key) and the version last read. */
export type TopicDeleteInput = {
  /** Global id or key of the record. */
  id: Scalars['ID']['input'];
  /** The version this change is based on; a stale one is a CONFLICT. */
  version: Scalars['Int']['input'];
};

/** Result of a delete: the id that was deleted, or userErrors. */
export type TopicDeletePayload = {
  /** Global id of the deleted record. */
  deletedId?: Maybe<Scalars['ID']['output']>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** An edge in a Topic connection. */
export type TopicEdge = {
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The record. */
  node: Topic;
};

/** Which topics to list. */
export type TopicFilter = {
  /** Only the direct narrower topics of this one. */
  parent?: InputMaybe<Scalars['ID']['input']>;
  /** Only top-level topics (no parent). */
  rootsOnly?: InputMaybe<Scalars['Boolean']['input']>;
  /** Text in the label, English label, synonyms or key. */
  text?: InputMaybe<Scalars['String']['input']>;
};

/** How to order a list of topic records. */
export type TopicOrder = {
  /** Ascending or descending. */
  direction?: SortDirection;
  /** What to order by. */
  field: TopicOrderField;
};

/** Field to order by. */
export type TopicOrderField =
  | 'KEY'
  | 'LABEL';

/** Changes to a topic; omitted fields stay as they are, null clears an optional one. */
export type TopicUpdateInput = {
  /** Global id or key of the topic. */
  id: Scalars['ID']['input'];
  /** New key. */
  key?: InputMaybe<Scalars['String']['input']>;
  /** Norwegian label. */
  label?: InputMaybe<Scalars['String']['input']>;
  /** English label. */
  labelEn?: InputMaybe<Scalars['String']['input']>;
  /** Broader topic (global id or key); null makes it a top-level topic. */
  parent?: InputMaybe<Scalars['ID']['input']>;
  /** Replaces the synonyms. */
  synonyms?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The version this change is based on; a stale one is a CONFLICT. */
  version: Scalars['Int']['input'];
};

/** Result of TopicUpdate: the record, or the userErrors that kept it from changing. */
export type TopicUpdatePayload = {
  /** The record as it is after the change; null when there are userErrors. */
  topic?: Maybe<Topic>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** An organisational unit: a municipality (kommune), city district (bydel), service, university, faculty, department… */
export type Unit = Node & {
  /** All units above, nearest first. At most 20. */
  ancestors: Array<Unit>;
  /** The units one level down. At most 200. */
  children: Array<Unit>;
  /** Collaborations this unit (and, by default, its subunits) takes part in. */
  collaborations: CollaborationConnection;
  /** When the record was created. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Free-text description. */
  description?: Maybe<Scalars['String']['output']>;
  /** Changes to this record, newest first (null, with an error, for anonymous callers). */
  history?: Maybe<AuditEntryConnection>;
  /** Opaque global identifier. */
  id: Scalars['ID']['output'];
  /** Public identifiers: organisasjonsnummer, kommunenummer, bydelsnummer, ROR, Cristin. */
  identifiers: UnitIdentifiers;
  /** Stable external key, unique per record type (the `key` of the snapshot format). */
  key: Scalars['String']['output'];
  /** What kind of record this is. */
  kind: UnitKind;
  /** Full name. */
  name: Scalars['String']['output'];
  /** The unit one level up, e.g. the kommune of a bydel. */
  parent?: Maybe<Unit>;
  /** Sector: set explicitly, or derived from the kind. */
  sector: Sector;
  /** Short name or acronym, e.g. "USN". */
  shortName?: Maybe<Scalars['String']['output']>;
  /** When the record was last changed. */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Optimistic-concurrency version: pass it to updates and deletes; a stale one is a CONFLICT. */
  version: Scalars['Int']['output'];
  /** Web site (http or https). */
  website?: Maybe<Scalars['String']['output']>;
};


/** An organisational unit: a municipality (kommune), city district (bydel), service, university, faculty, department… */
export type UnitCollaborationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CollaborationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeSubunits?: Scalars['Boolean']['input'];
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<CollaborationOrder>;
};


/** An organisational unit: a municipality (kommune), city district (bydel), service, university, faculty, department… */
export type UnitHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of Unit records (Relay connection). */
export type UnitConnection = {
  /** The records of this page with their cursors. */
  edges: Array<UnitEdge>;
  /** The nodes of the edges, for clients that do not need cursors. */
  nodes: Array<Unit>;
  /** Where this page lies in the list. */
  pageInfo: PageInfo;
  /** How many records match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A new unit; the fields of the snapshot format. */
export type UnitCreateInput = {
  /** Free-text description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Public identifiers: organisasjonsnummer, kommunenummer, bydelsnummer, ROR, Cristin. */
  identifiers?: InputMaybe<UnitIdentifiersInput>;
  /** Stable external key, unique per record type (the `key` of the snapshot format). */
  key: Scalars['String']['input'];
  /** What kind of record this is. */
  kind: UnitKind;
  /** Full name (navn). */
  name: Scalars['String']['input'];
  /** Parent unit (global id or key). */
  parent?: InputMaybe<Scalars['ID']['input']>;
  /** Leave out to derive it from the kind. */
  sector?: InputMaybe<Sector>;
  /** Short name or acronym, e.g. "USN". */
  shortName?: InputMaybe<Scalars['String']['input']>;
  /** Web site (http or https). */
  website?: InputMaybe<Scalars['String']['input']>;
};

/** Result of UnitCreate: the record, or the userErrors that kept it from changing. */
export type UnitCreatePayload = {
  /** The record as it is after the change; null when there are userErrors. */
  unit?: Maybe<Unit>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** Which record to delete (global id or key) and the version last read. */
export type UnitDeleteInput = {
  /** Global id or key of the record. */
  id: Scalars['ID']['input'];
  /** The version this change is based on; a stale one is a CONFLICT. */
  version: Scalars['Int']['input'];
};

/** Result of a delete: the id that was deleted, or userErrors. */
export type UnitDeletePayload = {
  /** Global id of the deleted record. */
  deletedId?: Maybe<Scalars['ID']['output']>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** An edge in a Unit connection. */
export type UnitEdge = {
  /** Opaque cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The record. */
  node: Unit;
};

/** Which units to list. */
export type UnitFilter = {
  /** Any of these kinds. */
  kind?: InputMaybe<Array<UnitKind>>;
  /** Only the direct subunits of this unit. */
  parent?: InputMaybe<Scalars['ID']['input']>;
  /** Only top-level units (no parent). */
  rootsOnly?: InputMaybe<Scalars['Boolean']['input']>;
  /** Any of these sectors. */
  sector?: InputMaybe<Array<Sector>>;
  /** Text in the name, short name or key (case and accents ignored). */
  text?: InputMaybe<Scalars['String']['input']>;
  /** This unit and everything below it, at any depth. */
  within?: InputMaybe<Scalars['ID']['input']>;
};

/** Public identifiers of a unit. */
export type UnitIdentifiers = {
  /** Cristin institution or unit id. */
  cristin?: Maybe<Scalars['String']['output']>;
  /** District number (bydelsnummer), 6 digits. */
  districtNumber?: Maybe<Scalars['String']['output']>;
  /** Municipality number (kommunenummer), 4 digits. */
  municipalityNumber?: Maybe<Scalars['String']['output']>;
  /** Organisation number (organisasjonsnummer), 9 digits with a mod-11 check digit. */
  orgNumber?: Maybe<Scalars['String']['output']>;
  /** Research Organization Registry id. */
  ror?: Maybe<Scalars['String']['output']>;
};

/** Public identifiers of a unit; each is checked for its form. */
export type UnitIdentifiersInput = {
  /** Cristin institution or unit id. */
  cristin?: InputMaybe<Scalars['String']['input']>;
  /** District number (bydelsnummer): 6 digits. */
  districtNumber?: InputMaybe<Scalars['String']['input']>;
  /** Municipality number (kommunenummer): 4 digits. */
  municipalityNumber?: InputMaybe<Scalars['String']['input']>;
  /** Organisation number: 9 digits with a mod-11 check digit. */
  orgNumber?: InputMaybe<Scalars['String']['input']>;
  /** Research Organization Registry id. */
  ror?: InputMaybe<Scalars['String']['input']>;
};

/** What kind of organisational unit this is. */
export type UnitKind =
  /** A private company (bedrift). */
  | 'COMPANY'
  /** A county authority (fylkeskommune). */
  | 'COUNTY'
  /** A department or institute (institutt). */
  | 'DEPARTMENT'
  /** A city district (bydel), such as Oslo's fifteen. */
  | 'DISTRICT'
  /** A faculty (fakultet). */
  | 'FACULTY'
  /** A funding body, e.g. the Research Council (Forskningsrådet). */
  | 'FUNDER'
  /** A joint governance body (styringsgruppe, samarbeidsutvalg). */
  | 'GOVERNANCE_BODY'
  /** A municipality (kommune). */
  | 'MUNICIPALITY'
  /** A municipal service: etat, tjenesteområde, virksomhet, NAV office, USHT, kindergarten… */
  | 'MUNICIPAL_SERVICE'
  /** A network or cluster of organisations (nettverk, klynge). */
  | 'NETWORK'
  /** Anything else. */
  | 'OTHER'
  /** A research centre (senter) inside an academic institution. */
  | 'RESEARCH_CENTRE'
  /** An independent research institute (forskningsinstitutt). */
  | 'RESEARCH_INSTITUTE'
  /** A university (universitet). */
  | 'UNIVERSITY'
  /** A university college (høgskole). */
  | 'UNIVERSITY_COLLEGE';

/** A unit that takes part in matching collaborations. */
export type UnitMatch = {
  /** Collaborations. At most 20. */
  collaborations: Array<Collaboration>;
  /** How strong the match is, from 0 to 1. */
  score: Scalars['Float']['output'];
  /** The unit (global id or key on input). */
  unit: Unit;
};

/** How to order a list of unit records. */
export type UnitOrder = {
  /** Ascending or descending. */
  direction?: SortDirection;
  /** What to order by. */
  field: UnitOrderField;
};

/** Field to order by. */
export type UnitOrderField =
  | 'KEY'
  | 'NAME';

/** Changes to a unit; omitted fields stay as they are, null clears an optional one. */
export type UnitUpdateInput = {
  /** Free-text description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Global id or key of the unit. */
  id: Scalars['ID']['input'];
  /** Replaces all identifiers. */
  identifiers?: InputMaybe<UnitIdentifiersInput>;
  /** New key. */
  key?: InputMaybe<Scalars['String']['input']>;
  /** What kind of record this is. */
  kind?: InputMaybe<UnitKind>;
  /** Full name (navn). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Parent unit (global id or key); null makes it a top-level unit. */
  parent?: InputMaybe<Scalars['ID']['input']>;
  /** null goes back to deriving the sector from the kind. */
  sector?: InputMaybe<Sector>;
  /** Short name or acronym, e.g. "USN". */
  shortName?: InputMaybe<Scalars['String']['input']>;
  /** The version this change is based on; a stale one is a CONFLICT. */
  version: Scalars['Int']['input'];
  /** Web site (http or https). */
  website?: InputMaybe<Scalars['String']['input']>;
};

/** Result of UnitUpdate: the record, or the userErrors that kept it from changing. */
export type UnitUpdatePayload = {
  /** The record as it is after the change; null when there are userErrors. */
  unit?: Maybe<Unit>;
  /** Problems with the input; when there are any, nothing was changed. At most 100. */
  userErrors: Array<UserError>;
};

/** A problem with a mutation input. A mutation with user errors changed nothing. */
export type UserError = {
  /** Machine-readable reason. */
  code: UserErrorCode;
  /** Path of the field inside `input`, e.g. `units[0].unit`; null for the whole input. */
  field?: Maybe<Scalars['String']['output']>;
  /** English explanation naming the value at fault. */
  message: Scalars['String']['output'];
};

/** Why a mutation refused its input. */
export type UserErrorCode =
  /** The input is wrong in a way no more specific code describes. */
  | 'BAD_USER_INPUT'
  /** The record changed since the version given (optimistic concurrency). */
  | 'CONFLICT'
  /** The change would make a record its own ancestor. */
  | 'CYCLE'
  /** Another record of the same type already has this key. */
  | 'DUPLICATE_KEY'
  /** A value has the wrong form (date, identifier, enum, key…). */
  | 'INVALID'
  /** The record is still referenced by others and cannot be deleted. */
  | 'IN_USE'
  /** The record to change does not exist. */
  | 'NOT_FOUND'
  /** A required field is missing or empty. */
  | 'REQUIRED'
  /** A value is longer than allowed. */
  | 'TOO_LONG'
  /** A referenced record (by id or key) does not exist. */
  | 'UNKNOWN_REFERENCE';

/** Answer to "who already works with this unit on this topic?". */
export type WhoWorksWith = {
  /** Collaborations. */
  collaborations: Array<CollaborationMatch>;
  /** People who work with the unit on the topic (null, with a FORBIDDEN error, for anonymous callers). */
  people?: Maybe<Array<PersonMatch>>;
  /** For a topic given by id or key: other topics whose labels share at least two words with its label (one when either label has only one; a word and its inflected form, such as "psykisk" and "psykiske", count as one word), neither above nor below it in the taxonomy (of two such topics where one is below the other, only the upper), on which the unit has collaborations; most collaborations first. A taxonomy files a piece of work in one place: a coordinator who finds nothing on a topic sees where similar work is filed. Empty for free text, whose words already match every topic that holds one of them. At most 10. */
  similarTopics: Array<SimilarTopic>;
  /** The topics `topic` was taken to mean: the one its id or key names, or those whose label or synonyms hold one of its words (at most 50, in label order). Empty when its words match no topic: then the collaborations' own texts were searched for every word, so a misspelt topic is seen here rather than taken for "nobody". At most 50. */
  topics: Array<Topic>;
  /** Units taking part, each with a role. */
  units: Array<UnitMatch>;
};

export type WhoAmIQueryVariables = Exact<{ [key: string]: never; }>;


export type WhoAmIQuery = { topics: { totalCount: number } };

export type AllTopicsQueryVariables = Exact<{ [key: string]: never; }>;


export type AllTopicsQuery = { topics: { nodes: Array<{ key: string, label: string, labelEn?: string | null, parent?: { label: string, labelEn?: string | null } | null }> } };

export type UnitSearchQueryVariables = Exact<{
  text: Scalars['String']['input'];
}>;


export type UnitSearchQuery = { units: { nodes: Array<{ key: string, name: string, ancestors: Array<{ name: string }> }> } };

export type CollaborationPageQueryVariables = Exact<{
  key: Scalars['ID']['input'];
  signedIn: Scalars['Boolean']['input'];
}>;


export type CollaborationPageQuery = { collaboration?: { key: string, title: string, kind: CollaborationKind, status: Status, startDate?: string | null, endDate?: string | null, summary?: string | null, keywords: Array<string>, links: Array<string>, agreement?: { key: string, title: string, validFrom?: string | null, validTo?: string | null } | null, parent?: { key: string, title: string } | null, children: Array<{ key: string, title: string }>, topics: Array<{ key: string, label: string, labelEn?: string | null }>, units: Array<{ role: ParticipantRole, unit: { key: string, name: string, ancestors: Array<{ name: string }> } }>, people: Array<{ role: PersonRole, person: { key: string, name: string, title?: string | null, email?: string | null, phone?: string | null } }>, overlaps: Array<{ score: number, a: { key: string, title: string }, b: { key: string, title: string }, reasons: Array<{ code: OverlapReasonCode, message: string }>, review?: { decision: ReviewDecision } | null }>, gaps: { codes: Array<GapCode>, messages: Array<string> }, history?: { nodes: Array<{ at: string, actor: string, action: AuditAction, changes: Array<{ field: string, before?: unknown | null, after?: unknown | null }> }> } | null } | null };

export type DuplicatePageQueryVariables = Exact<{
  filter?: InputMaybe<DuplicateFilterInput>;
  unit: Scalars['ID']['input'];
  hasUnit: Scalars['Boolean']['input'];
}>;


export type DuplicatePageQuery = { unit?: { key: string, name: string, ancestors: Array<{ name: string }> } | null, duplicateCandidates: { totalCount: number, nodes: Array<{ score: number, a: { id: string, key: string, title: string, version: number, units: Array<{ unit: { name: string } }> }, b: { id: string, key: string, title: string, version: number, units: Array<{ unit: { name: string } }> }, reasons: Array<{ code: DuplicateReasonCode, message: string }>, review?: { decision: DuplicateDecision, reviewedBy: string } | null }> } };

export type DuplicateSideFragment = { id: string, key: string, title: string, version: number, units: Array<{ unit: { name: string } }> };

export type ReviewDuplicateMutationVariables = Exact<{
  input: DuplicateReviewInput;
}>;


export type ReviewDuplicateMutation = { duplicateReview: { review?: { decision: DuplicateDecision } | null, userErrors: Array<{ field?: string | null, message: string }> } };

export type MergeDuplicateMutationVariables = Exact<{
  input: CollaborationMergeInput;
}>;


export type MergeDuplicateMutation = { collaborationMerge: { collaboration?: { key: string, title: string } | null, userErrors: Array<{ field?: string | null, message: string }> } };

export type UndoMergeMutationVariables = Exact<{
  input: RecordRestoreInput;
}>;


export type UndoMergeMutation = { recordRestore: { userErrors: Array<{ field?: string | null, message: string }> } };

export type GapOverviewQueryVariables = Exact<{
  unit?: InputMaybe<Scalars['ID']['input']>;
  hasUnit: Scalars['Boolean']['input'];
  listUnit?: InputMaybe<Scalars['ID']['input']>;
  codes?: InputMaybe<Array<GapCode> | GapCode>;
}>;


export type GapOverviewQuery = { list: { totalCount: number, nodes: Array<{ codes: Array<GapCode>, messages: Array<string>, collaboration: { key: string, title: string, kind: CollaborationKind, status: Status, startDate?: string | null, endDate?: string | null, units: Array<{ unit: { name: string } }> } }> }, total: { totalCount: number }, NO_AGREEMENT: { totalCount: number }, AGREEMENT_EXPIRED: { totalCount: number }, ONE_SIDED: { totalCount: number }, NO_CONTACT: { totalCount: number }, selected?: { key: string, name: string, ancestors: Array<{ name: string }>, children: Array<{ key: string, name: string }> } | null, roots?: { nodes: Array<{ key: string, name: string }> } };

export type GapListPageFragment = { totalCount: number, nodes: Array<{ codes: Array<GapCode>, messages: Array<string>, collaboration: { key: string, title: string, kind: CollaborationKind, status: Status, startDate?: string | null, endDate?: string | null, units: Array<{ unit: { name: string } }> } }> };

export type TableImportMutationVariables = Exact<{
  input: TableImportInput;
}>;


export type TableImportMutation = { tableImport: { report?: { applied: boolean, format: TableFormat, encoding?: string | null, delimiter?: string | null, created: number, updated: number, unchanged: number, columns: Array<{ header: string, field?: string | null, note?: string | null }>, rows: Array<{ row: number, key: string, action: TableRowAction, fields: Array<string>, mergedFrom?: string | null, possibleDuplicates: Array<{ key: string, title: string, score: number }> }>, problems: Array<{ row?: number | null, column?: string | null, message: string }> } | null, userErrors: Array<{ field?: string | null, message: string }> } };

export type TableExportQueryVariables = Exact<{
  type: TableType;
  format: TableFormat;
}>;


export type TableExportQuery = { tableExport: { fileName: string, mediaType: string, base64: string } };

export type OverlapClustersQueryVariables = Exact<{
  filter?: InputMaybe<OverlapFilterInput>;
  unit: Scalars['ID']['input'];
  hasUnit: Scalars['Boolean']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type OverlapClustersQuery = { unit?: { key: string, name: string, ancestors: Array<{ name: string }> } | null, overlapClusters: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor?: string | null }, nodes: Array<{ score: number, sharedUnits: Array<{ key: string, name: string }>, collaborations: Array<{ key: string, title: string }>, overlaps: Array<{ score: number, a: { key: string, title: string }, b: { key: string, title: string }, reasons: Array<{ code: OverlapReasonCode, message: string }>, review?: { decision: ReviewDecision, reviewedBy: string } | null }>, contacts?: Array<{ role: PersonRole, collaboration: { key: string }, person: { key: string, name: string, email?: string | null, phone?: string | null } }> | null }> } };

export type ReviewMutationVariables = Exact<{
  input: OverlapReviewInput;
}>;


export type ReviewMutation = { overlapReview: { review?: { decision: ReviewDecision } | null, userErrors: Array<{ field?: string | null, message: string }> } };

export type UnitPageQueryVariables = Exact<{
  unit: Scalars['ID']['input'];
}>;


export type UnitPageQuery = { unit?: { key: string, name: string, kind: UnitKind, ancestors: Array<{ key: string, name: string }>, children: Array<{ key: string, name: string }>, collaborations: { totalCount: number, nodes: Array<{ key: string, title: string, kind: CollaborationKind, status: Status, startDate?: string | null, endDate?: string | null }> } } | null, agreements: { nodes: Array<{ key: string, title: string, kind: AgreementKind, validFrom?: string | null, validTo?: string | null, parties: Array<{ name: string }> }> }, overlapReport: { totalCount: number }, coordinationGaps: { totalCount: number } };

export type WhoWorksWithQueryVariables = Exact<{
  unit: Scalars['ID']['input'];
  topic: Scalars['String']['input'];
  activeOn?: InputMaybe<Scalars['Date']['input']>;
}>;


export type WhoWorksWithQuery = { unit?: { key: string, name: string, ancestors: Array<{ name: string }> } | null, whoWorksWith: { topics: Array<{ key: string, label: string, labelEn?: string | null }>, similarTopics: Array<{ collaborations: number, topic: { key: string, label: string, labelEn?: string | null } }>, collaborations: Array<{ score: number, reasons: Array<string>, collaboration: { key: string, title: string, kind: CollaborationKind, status: Status, startDate?: string | null, endDate?: string | null, agreement?: { key: string, title: string } | null, units: Array<{ role: ParticipantRole, unit: { key: string, name: string } }> } }>, people?: Array<{ score: number, roles: Array<PersonRole>, person: { key: string, name: string, title?: string | null, email?: string | null, phone?: string | null }, collaborations: Array<{ key: string, title: string }> }> | null, units: Array<{ score: number, unit: { key: string, name: string }, collaborations: Array<{ key: string }> }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const DuplicateSideFragmentDoc = new TypedDocumentString(`
    fragment DuplicateSide on Collaboration {
  id
  key
  title
  version
  units {
    unit {
      name
    }
  }
}
    `, {"fragmentName":"DuplicateSide"}) as unknown as TypedDocumentString<DuplicateSideFragment, unknown>;
export const GapListPageFragmentDoc = new TypedDocumentString(`
    fragment GapListPage on CoordinationGapConnection {
  totalCount
  nodes {
    codes
    messages
    collaboration {
      key
      title
      kind
      status
      startDate
      endDate
      units {
        unit {
          name
        }
      }
    }
  }
}
    `, {"fragmentName":"GapListPage"}) as unknown as TypedDocumentString<GapListPageFragment, unknown>;
export const WhoAmIDocument = new TypedDocumentString(`
    query WhoAmI {
  topics(first: 1) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<WhoAmIQuery, WhoAmIQueryVariables>;
export const AllTopicsDocument = new TypedDocumentString(`
    query AllTopics {
  topics(first: 100, orderBy: {field: LABEL, direction: ASC}) {
    nodes {
      key
      label
      labelEn
      parent {
        label
        labelEn
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AllTopicsQuery, AllTopicsQueryVariables>;
export const UnitSearchDocument = new TypedDocumentString(`
    query UnitSearch($text: String!) {
  units(filter: {text: $text}, first: 15, orderBy: {field: NAME, direction: ASC}) {
    nodes {
      key
      name
      ancestors {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UnitSearchQuery, UnitSearchQueryVariables>;
export const CollaborationPageDocument = new TypedDocumentString(`
    query CollaborationPage($key: ID!, $signedIn: Boolean!) {
  collaboration(id: $key) {
    key
    title
    kind
    status
    startDate
    endDate
    summary
    keywords
    links
    agreement {
      key
      title
      validFrom
      validTo
    }
    parent {
      key
      title
    }
    children {
      key
      title
    }
    topics {
      key
      label
      labelEn
    }
    units {
      role
      unit {
        key
        name
        ancestors {
          name
        }
      }
    }
    people {
      role
      person {
        key
        name
        title
        email
        phone
      }
    }
    overlaps {
      score
      a {
        key
        title
      }
      b {
        key
        title
      }
      reasons {
        code
        message
      }
      review {
        decision
      }
    }
    gaps {
      codes
      messages
    }
    history(first: 50) @include(if: $signedIn) {
      nodes {
        at
        actor
        action
        changes {
          field
          before
          after
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CollaborationPageQuery, CollaborationPageQueryVariables>;
export const DuplicatePageDocument = new TypedDocumentString(`
    query DuplicatePage($filter: DuplicateFilterInput, $unit: ID!, $hasUnit: Boolean!) {
  unit(id: $unit) @include(if: $hasUnit) {
    key
    name
    ancestors {
      name
    }
  }
  duplicateCandidates(filter: $filter, first: 100) {
    totalCount
    nodes {
      score
      a {
        ...DuplicateSide
      }
      b {
        ...DuplicateSide
      }
      reasons {
        code
        message
      }
      review {
        decision
        reviewedBy
      }
    }
  }
}
    fragment DuplicateSide on Collaboration {
  id
  key
  title
  version
  units {
    unit {
      name
    }
  }
}`) as unknown as TypedDocumentString<DuplicatePageQuery, DuplicatePageQueryVariables>;
export const ReviewDuplicateDocument = new TypedDocumentString(`
    mutation ReviewDuplicate($input: DuplicateReviewInput!) {
  duplicateReview(input: $input) {
    review {
      decision
    }
    userErrors {
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ReviewDuplicateMutation, ReviewDuplicateMutationVariables>;
export const MergeDuplicateDocument = new TypedDocumentString(`
    mutation MergeDuplicate($input: CollaborationMergeInput!) {
  collaborationMerge(input: $input) {
    collaboration {
      key
      title
    }
    userErrors {
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<MergeDuplicateMutation, MergeDuplicateMutationVariables>;
export const UndoMergeDocument = new TypedDocumentString(`
    mutation UndoMerge($input: RecordRestoreInput!) {
  recordRestore(input: $input) {
    userErrors {
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<UndoMergeMutation, UndoMergeMutationVariables>;
export const GapOverviewDocument = new TypedDocumentString(`
    query GapOverview($unit: ID, $hasUnit: Boolean!, $listUnit: ID, $codes: [GapCode!]) {
  list: coordinationGaps(filter: {unit: $listUnit, codes: $codes}, first: 100) {
    ...GapListPage
  }
  total: coordinationGaps(filter: {unit: $unit}) {
    totalCount
  }
  NO_AGREEMENT: coordinationGaps(filter: {unit: $unit, codes: [NO_AGREEMENT]}) {
    totalCount
  }
  AGREEMENT_EXPIRED: coordinationGaps(
    filter: {unit: $unit, codes: [AGREEMENT_EXPIRED]}
  ) {
    totalCount
  }
  ONE_SIDED: coordinationGaps(filter: {unit: $unit, codes: [ONE_SIDED]}) {
    totalCount
  }
  NO_CONTACT: coordinationGaps(filter: {unit: $unit, codes: [NO_CONTACT]}) {
    totalCount
  }
  selected: unit(id: $unit) @include(if: $hasUnit) {
    key
    name
    ancestors {
      name
    }
    children {
      key
      name
    }
  }
  roots: units(
    filter: {rootsOnly: true, sector: [MUNICIPAL]}
    first: 100
    orderBy: {field: NAME, direction: ASC}
  ) @skip(if: $hasUnit) {
    nodes {
      key
      name
    }
  }
}
    fragment GapListPage on CoordinationGapConnection {
  totalCount
  nodes {
    codes
    messages
    collaboration {
      key
      title
      kind
      status
      startDate
      endDate
      units {
        unit {
          name
        }
      }
    }
  }
}`) as unknown as TypedDocumentString<GapOverviewQuery, GapOverviewQueryVariables>;
export const TableImportDocument = new TypedDocumentString(`
    mutation TableImport($input: TableImportInput!) {
  tableImport(input: $input) {
    report {
      applied
      format
      encoding
      delimiter
      created
      updated
      unchanged
      columns {
        header
        field
        note
      }
      rows {
        row
        key
        action
        fields
        mergedFrom
        possibleDuplicates {
          key
          title
          score
        }
      }
      problems {
        row
        column
        message
      }
    }
    userErrors {
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<TableImportMutation, TableImportMutationVariables>;
export const TableExportDocument = new TypedDocumentString(`
    query TableExport($type: TableType!, $format: TableFormat!) {
  tableExport(type: $type, format: $format) {
    fileName
    mediaType
    base64
  }
}
    `) as unknown as TypedDocumentString<TableExportQuery, TableExportQueryVariables>;
export const OverlapClustersDocument = new TypedDocumentString(`
    query OverlapClusters($filter: OverlapFilterInput, $unit: ID!, $hasUnit: Boolean!, $after: String) {
  unit(id: $unit) @include(if: $hasUnit) {
    key
    name
    ancestors {
      name
    }
  }
  overlapClusters(filter: $filter, first: 12, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      score
      sharedUnits {
        key
        name
      }
      collaborations {
        key
        title
      }
      overlaps {
        score
        a {
          key
          title
        }
        b {
          key
          title
        }
        reasons {
          code
          message
        }
        review {
          decision
          reviewedBy
        }
      }
      contacts {
        role
        collaboration {
          key
        }
        person {
          key
          name
          email
          phone
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OverlapClustersQuery, OverlapClustersQueryVariables>;
export const ReviewDocument = new TypedDocumentString(`
    mutation Review($input: OverlapReviewInput!) {
  overlapReview(input: $input) {
    review {
      decision
    }
    userErrors {
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ReviewMutation, ReviewMutationVariables>;
export const UnitPageDocument = new TypedDocumentString(`
    query UnitPage($unit: ID!) {
  unit(id: $unit) {
    key
    name
    kind
    ancestors {
      key
      name
    }
    children {
      key
      name
    }
    collaborations(first: 100, orderBy: {field: START_DATE, direction: DESC}) {
      totalCount
      nodes {
        key
        title
        kind
        status
        startDate
        endDate
      }
    }
  }
  agreements(filter: {party: $unit, includeSubunits: true}, first: 100) {
    nodes {
      key
      title
      kind
      validFrom
      validTo
      parties {
        name
      }
    }
  }
  overlapReport(filter: {unit: $unit}) {
    totalCount
  }
  coordinationGaps(filter: {unit: $unit}) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<UnitPageQuery, UnitPageQueryVariables>;
export const WhoWorksWithDocument = new TypedDocumentString(`
    query WhoWorksWith($unit: ID!, $topic: String!, $activeOn: Date) {
  unit(id: $unit) {
    key
    name
    ancestors {
      name
    }
  }
  whoWorksWith(unit: $unit, topic: $topic, activeOn: $activeOn, limit: 100) {
    topics {
      key
      label
      labelEn
    }
    similarTopics {
      collaborations
      topic {
        key
        label
        labelEn
      }
    }
    collaborations {
      score
      reasons
      collaboration {
        key
        title
        kind
        status
        startDate
        endDate
        agreement {
          key
          title
        }
        units {
          role
          unit {
            key
            name
          }
        }
      }
    }
    people {
      score
      roles
      person {
        key
        name
        title
        email
        phone
      }
      collaborations {
        key
        title
      }
    }
    units {
      score
      unit {
        key
        name
      }
      collaborations {
        key
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WhoWorksWithQuery, WhoWorksWithQueryVariables>;
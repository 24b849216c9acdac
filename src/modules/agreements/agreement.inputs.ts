import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { DateField, EnumField, KeyField, NameField, NestedListField, RefField, RefListField, TargetField, TextField, VersionField } from '../../graphql/input-fields';
import { SortDirection } from '../../graphql/pagination';
import { DateScalar } from '../../graphql/scalars';
import { AgreementKind, AnchoringLevel } from './agreement.enums';

@InputType({ description: 'A contact person for an agreement.' })
export class AgreementContactInput {
  @RefField({ description: 'The person (global id or key).' })
  person!: string;

  @TextField(200, 'Role in free text, e.g. "avtalekoordinator".')
  role?: string | null;
}

/** The most items each list of an agreement holds; reads return at most as many (see the list sizes). */
export const AGREEMENT_LISTS = { parties: 100, focusTopics: 20, contacts: 20 } as const;

const PARTIES = { min: 2, minMessage: 'must name at least two parties' };

@InputType({ description: 'A new agreement; the fields of the snapshot format.' })
export class AgreementCreateInput {
  @KeyField()
  key!: string;

  @NameField(500)
  title!: string;

  @EnumField(AgreementKind)
  kind!: AgreementKind;

  @RefListField(AGREEMENT_LISTS.parties, { ...PARTIES, description: 'The units that are party to it (global ids or keys), at least two.' })
  parties!: string[];

  @EnumField(AnchoringLevel, { optional: true })
  anchoring?: AnchoringLevel | null;

  @DateField()
  signedOn?: string | null;

  @DateField()
  validFrom?: string | null;

  @DateField({ notBefore: 'validFrom' })
  validTo?: string | null;

  @DateField()
  reviewOn?: string | null;

  @RefField({ optional: true, description: 'The agreement this one falls under (global id or key).' })
  parent?: string | null;

  @RefListField(AGREEMENT_LISTS.focusTopics, { optional: true, description: 'Focus topics (satsingsområder), by global id or key.' })
  focusTopics?: string[] | null;

  @TextField(10000)
  description?: string | null;

  @NestedListField(AgreementContactInput, AGREEMENT_LISTS.contacts, { optional: true })
  contacts?: AgreementContactInput[] | null;
}

@InputType({ description: 'Changes to an agreement; omitted fields stay as they are, null clears an optional one; lists replace.' })
export class AgreementUpdateInput {
  @TargetField('Global id or key of the agreement.')
  id!: string;

  @VersionField()
  version!: number;

  @KeyField({ optional: true })
  key?: string;

  @NameField(500, { optional: true })
  title?: string;

  @EnumField(AgreementKind, { optional: true })
  kind?: AgreementKind;

  @RefListField(AGREEMENT_LISTS.parties, { ...PARTIES, optional: true, description: 'Replaces the parties; at least two.' })
  parties?: string[];

  @EnumField(AnchoringLevel, { optional: true })
  anchoring?: AnchoringLevel | null;

  @DateField()
  signedOn?: string | null;

  @DateField()
  validFrom?: string | null;

  @DateField({ notBefore: 'validFrom' })
  validTo?: string | null;

  @DateField()
  reviewOn?: string | null;

  @RefField({ optional: true })
  parent?: string | null;

  @RefListField(AGREEMENT_LISTS.focusTopics, { optional: true, description: 'Replaces the focus topics.' })
  focusTopics?: string[] | null;

  @TextField(10000)
  description?: string | null;

  @NestedListField(AgreementContactInput, AGREEMENT_LISTS.contacts, { optional: true, description: 'Replaces the contacts.' })
  contacts?: AgreementContactInput[] | null;
}

@InputType({ description: 'Which agreements to list.' })
export class AgreementFilter {
  @Field(() => ID, { nullable: true, description: 'Agreements this unit is party to.' })
  party?: string | null;

  @Field({ defaultValue: false, description: 'With `party`: also agreements of its subunits.' })
  includeSubunits!: boolean;

  @Field(() => [AgreementKind], { nullable: true })
  kind?: AgreementKind[];

  @Field(() => DateScalar, { nullable: true, description: 'In force on this date (open ends count as in force).' })
  validOn?: string | null;
}

export enum AgreementOrderField {
  KEY = 'KEY',
  TITLE = 'TITLE',
  VALID_FROM = 'VALID_FROM',
}
registerEnumType(AgreementOrderField, { name: 'AgreementOrderField' });

@InputType()
export class AgreementOrder {
  @Field(() => AgreementOrderField)
  field!: AgreementOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}

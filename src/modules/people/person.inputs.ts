import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { DateField, EmailField, KeyField, NameField, NestedListField, RefField, TargetField, TextField, VersionField } from '../../graphql/input-fields';
import { SortDirection } from '../../graphql/pagination';

/** The most affiliations a person holds; reads return at most as many (see the list sizes). */
export const MAX_AFFILIATIONS = 10;

@InputType({ description: "A person's tie to a unit." })
export class AffiliationInput {
  @RefField({ description: 'The unit (global id or key).' })
  unit!: string;

  @TextField(200, 'Role in free text, e.g. "Kombinasjonsstilling".')
  role?: string | null;

  @DateField()
  from?: string | null;

  @DateField({ notBefore: 'from' })
  to?: string | null;
}

@InputType({ description: 'A new person; the fields of the snapshot format.' })
export class PersonCreateInput {
  @KeyField()
  key!: string;

  @NameField(300)
  name!: string;

  @EmailField()
  email?: string | null;

  @TextField(50)
  phone?: string | null;

  @TextField(300)
  title?: string | null;

  @NestedListField(AffiliationInput, MAX_AFFILIATIONS, { defaultValue: [] })
  affiliations!: AffiliationInput[];
}

@InputType({ description: 'Changes to a person; omitted fields stay as they are, null clears an optional one.' })
export class PersonUpdateInput {
  @TargetField('Global id or key of the person.')
  id!: string;

  @VersionField()
  version!: number;

  @KeyField({ optional: true })
  key?: string;

  @NameField(300, { optional: true })
  name?: string;

  @EmailField()
  email?: string | null;

  @TextField(50)
  phone?: string | null;

  @TextField(300)
  title?: string | null;

  @NestedListField(AffiliationInput, MAX_AFFILIATIONS, { optional: true, description: 'Replaces all affiliations.' })
  affiliations?: AffiliationInput[];
}

@InputType({ description: 'Which people to list.' })
export class PersonFilter {
  @Field(() => ID, { nullable: true, description: 'People affiliated with this unit.' })
  unit?: string | null;

  @Field({ defaultValue: true, description: 'With `unit`: include people of its subunits.' })
  includeSubunits!: boolean;

  @Field({ nullable: true, description: 'Text in the name, e-mail, title or key (case and accents ignored).' })
  text?: string;
}

export enum PersonOrderField {
  KEY = 'KEY',
  NAME = 'NAME',
}
registerEnumType(PersonOrderField, { name: 'PersonOrderField' });

@InputType()
export class PersonOrder {
  @Field(() => PersonOrderField)
  field!: PersonOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}

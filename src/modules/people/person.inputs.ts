import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsEmail,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { IsCalendarDate, IsKey, NotBefore } from '../../common/validation';
import { SortDirection } from '../../graphql/pagination';
import { DateScalar } from '../../graphql/scalars';

@InputType({ description: "A person's tie to a unit." })
export class AffiliationInput {
  @Field(() => ID, { description: 'The unit (global id or key).' })
  @IsString()
  @IsNotEmpty()
  unit!: string;

  @Field(() => String, { nullable: true, description: 'Role in free text, e.g. "Kombinasjonsstilling".' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  role?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @IsCalendarDate()
  from?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @IsCalendarDate()
  @NotBefore('from')
  to?: string | null;
}

@InputType({ description: 'A new person; the fields of the snapshot format.' })
export class PersonCreateInput {
  @Field()
  @IsDefined()
  @IsKey()
  key!: string;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(300)
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  title?: string | null;

  @Field(() => [AffiliationInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AffiliationInput)
  affiliations!: AffiliationInput[];
}

@InputType({ description: 'Changes to a person; omitted fields stay as they are, null clears an optional one.' })
export class PersonUpdateInput {
  @Field(() => ID)
  @IsString()
  id!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsKey()
  key?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(300)
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  title?: string | null;

  @Field(() => [AffiliationInput], { nullable: true, description: 'Replaces all affiliations.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AffiliationInput)
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

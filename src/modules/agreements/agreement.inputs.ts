import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsEnum,
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
import { AgreementKind, AnchoringLevel } from './agreement.enums';

@InputType({ description: 'A contact person for an agreement.' })
export class AgreementContactInput {
  @Field(() => ID, { description: 'The person (global id or key).' })
  @IsString()
  @IsNotEmpty()
  person!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  role?: string | null;
}

@InputType({ description: 'A new agreement; the fields of the snapshot format.' })
export class AgreementCreateInput {
  @Field()
  @IsDefined()
  @IsKey()
  key!: string;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title!: string;

  @Field(() => AgreementKind)
  @IsDefined()
  @IsEnum(AgreementKind)
  kind!: AgreementKind;

  @Field(() => [ID], { description: 'The units that are party to it (global ids or keys), at least two.' })
  @IsArray()
  @ArrayMinSize(2, { message: 'must name at least two parties' })
  @ArrayMaxSize(500)
  @IsString({ each: true })
  parties!: string[];

  @Field(() => AnchoringLevel, { nullable: true })
  @IsOptional()
  @IsEnum(AnchoringLevel)
  anchoring?: AnchoringLevel | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @IsCalendarDate()
  signedOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @IsCalendarDate()
  validFrom?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @IsCalendarDate()
  @NotBefore('validFrom')
  validTo?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @IsCalendarDate()
  reviewOn?: string | null;

  @Field(() => ID, { nullable: true, description: 'The agreement this one falls under (global id or key).' })
  @IsOptional()
  @IsString()
  parent?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Focus topics (satsingsområder), by global id or key.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  focusTopics?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string | null;

  @Field(() => [AgreementContactInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AgreementContactInput)
  contacts?: AgreementContactInput[] | null;
}

@InputType({ description: 'Changes to an agreement; omitted fields stay as they are, null clears an optional one.' })
export class AgreementUpdateInput {
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
  @MaxLength(500)
  title?: string;

  @Field(() => AgreementKind, { nullable: true })
  @IsOptional()
  @IsEnum(AgreementKind)
  kind?: AgreementKind;

  @Field(() => [ID], { nullable: true, description: 'Replaces the parties; at least two.' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(2, { message: 'must name at least two parties' })
  @ArrayMaxSize(500)
  @IsString({ each: true })
  parties?: string[];

  @Field(() => AnchoringLevel, { nullable: true })
  @IsOptional()
  @IsEnum(AnchoringLevel)
  anchoring?: AnchoringLevel | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @IsCalendarDate()
  signedOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @IsCalendarDate()
  validFrom?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @IsCalendarDate()
  @NotBefore('validFrom')
  validTo?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @IsCalendarDate()
  reviewOn?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  parent?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the focus topics.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  focusTopics?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string | null;

  @Field(() => [AgreementContactInput], { nullable: true, description: 'Replaces the contacts.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AgreementContactInput)
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

import { Type } from 'class-transformer';
import { IsDefined, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { IsDistrictNumber, IsKey, IsMunicipalityNumber, IsOrgNumber } from '../../common/validation';
import { SortDirection } from '../../graphql/pagination';
import { Sector, UnitKind } from './unit.enums';

@InputType({ description: 'Public identifiers of a unit; each is checked for its form.' })
export class UnitIdentifiersInput {
  @Field(() => String, { nullable: true, description: 'Organisation number: 9 digits with a mod-11 check digit.' })
  @IsOptional()
  @IsOrgNumber()
  orgNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Municipality number (kommunenummer): 4 digits.' })
  @IsOptional()
  @IsMunicipalityNumber()
  municipalityNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'District number (bydelsnummer): 6 digits.' })
  @IsOptional()
  @IsDistrictNumber()
  districtNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  ror?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  cristin?: string | null;
}

@InputType({ description: 'A new unit; the fields of the snapshot format.' })
export class UnitCreateInput {
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
  @IsString()
  @MaxLength(100)
  shortName?: string | null;

  @Field(() => UnitKind)
  @IsDefined()
  @IsEnum(UnitKind)
  kind!: UnitKind;

  @Field(() => Sector, { nullable: true, description: 'Leave out to derive it from the kind.' })
  @IsOptional()
  @IsEnum(Sector)
  sector?: Sector | null;

  @Field(() => ID, { nullable: true, description: 'Parent unit (global id or key).' })
  @IsOptional()
  @IsString()
  parent?: string | null;

  @Field(() => UnitIdentifiersInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => UnitIdentifiersInput)
  identifiers?: UnitIdentifiersInput | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(500)
  website?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string | null;
}

@InputType({ description: 'Changes to a unit; omitted fields stay as they are, null clears an optional one.' })
export class UnitUpdateInput {
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
  @IsString()
  @MaxLength(100)
  shortName?: string | null;

  @Field(() => UnitKind, { nullable: true })
  @IsOptional()
  @IsEnum(UnitKind)
  kind?: UnitKind;

  @Field(() => Sector, { nullable: true, description: 'null goes back to deriving the sector from the kind.' })
  @IsOptional()
  @IsEnum(Sector)
  sector?: Sector | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  parent?: string | null;

  @Field(() => UnitIdentifiersInput, { nullable: true, description: 'Replaces all identifiers.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => UnitIdentifiersInput)
  identifiers?: UnitIdentifiersInput | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(500)
  website?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string | null;
}

@InputType({ description: 'Which units to list.' })
export class UnitFilter {
  @Field(() => [UnitKind], { nullable: true, description: 'Any of these kinds.' })
  kind?: UnitKind[];

  @Field(() => [Sector], { nullable: true, description: 'Any of these sectors.' })
  sector?: Sector[];

  @Field(() => ID, { nullable: true, description: 'Only the direct subunits of this unit.' })
  parent?: string | null;

  @Field(() => ID, { nullable: true, description: 'This unit and everything below it, at any depth.' })
  within?: string | null;

  @Field({ nullable: true, description: 'Only top-level units (no parent).' })
  rootsOnly?: boolean;

  @Field({ nullable: true, description: 'Text in the name, short name or key (case and accents ignored).' })
  text?: string;
}

export enum UnitOrderField {
  KEY = 'KEY',
  NAME = 'NAME',
}
registerEnumType(UnitOrderField, { name: 'UnitOrderField' });

@InputType()
export class UnitOrder {
  @Field(() => UnitOrderField)
  field!: UnitOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}

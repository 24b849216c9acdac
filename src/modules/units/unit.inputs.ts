import { IsOptional } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { IsDistrictNumber, IsMunicipalityNumber, IsOrgNumber } from '../../validation/input-rules';
import { EnumField, KeyField, NameField, NestedField, RefField, TargetField, TextField, UrlField, VersionField } from '../../graphql/input-fields';
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

  @TextField(100)
  ror?: string | null;

  @TextField(100)
  cristin?: string | null;
}

@InputType({ description: 'A new unit; the fields of the snapshot format.' })
export class UnitCreateInput {
  @KeyField()
  key!: string;

  @NameField(300)
  name!: string;

  @TextField(100)
  shortName?: string | null;

  @EnumField(UnitKind)
  kind!: UnitKind;

  @EnumField(Sector, { optional: true, description: 'Leave out to derive it from the kind.' })
  sector?: Sector | null;

  @RefField({ optional: true, description: 'Parent unit (global id or key).' })
  parent?: string | null;

  @NestedField(UnitIdentifiersInput)
  identifiers?: UnitIdentifiersInput | null;

  @UrlField()
  website?: string | null;

  @TextField(10000)
  description?: string | null;
}

@InputType({ description: 'Changes to a unit; omitted fields stay as they are, null clears an optional one.' })
export class UnitUpdateInput {
  @TargetField('Global id or key of the unit.')
  id!: string;

  @VersionField()
  version!: number;

  @KeyField({ optional: true })
  key?: string;

  @NameField(300, { optional: true })
  name?: string;

  @TextField(100)
  shortName?: string | null;

  @EnumField(UnitKind, { optional: true })
  kind?: UnitKind;

  @EnumField(Sector, { optional: true, description: 'null goes back to deriving the sector from the kind.' })
  sector?: Sector | null;

  @RefField({ optional: true, description: 'Parent unit (global id or key); null makes it a top-level unit.' })
  parent?: string | null;

  @NestedField(UnitIdentifiersInput, 'Replaces all identifiers.')
  identifiers?: UnitIdentifiersInput | null;

  @UrlField()
  website?: string | null;

  @TextField(10000)
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

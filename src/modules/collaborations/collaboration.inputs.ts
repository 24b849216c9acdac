import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { IsCalendarDate, IsKey, NotBefore } from '../../common/validation';
import { SortDirection } from '../../graphql/pagination';
import { DateScalar } from '../../graphql/scalars';
import { Axis, CollaborationKind, ParticipantRole, PersonRole, Status } from './collaboration.enums';

@InputType({ description: 'A unit taking part, with its role.' })
export class CollaborationUnitInput {
  @Field(() => ID, { description: 'The unit (global id or key).' })
  @IsString()
  @IsNotEmpty()
  unit!: string;

  @Field(() => ParticipantRole)
  @IsDefined()
  @IsEnum(ParticipantRole)
  role!: ParticipantRole;
}

@InputType({ description: 'A person taking part, with their role.' })
export class CollaborationPersonInput {
  @Field(() => ID, { description: 'The person (global id or key).' })
  @IsString()
  @IsNotEmpty()
  person!: string;

  @Field(() => PersonRole)
  @IsDefined()
  @IsEnum(PersonRole)
  role!: PersonRole;
}

@InputType({ description: 'A source of funding.' })
export class FundingInput {
  @Field(() => ID, { nullable: true, description: 'The funding unit (global id or key), when it is in the registry.' })
  @IsOptional()
  @IsString()
  source?: string | null;

  @Field(() => String, { nullable: true, description: 'Name of a funder that is not in the registry.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  sourceName?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  amountNok?: number | null;
}

const LIST_LIMIT = 500;

@InputType({ description: 'A new collaboration; the fields of the snapshot format.' })
export class CollaborationCreateInput {
  @Field()
  @IsDefined()
  @IsKey()
  key!: string;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  summary?: string | null;

  @Field(() => CollaborationKind)
  @IsDefined()
  @IsEnum(CollaborationKind)
  kind!: CollaborationKind;

  @Field(() => [Axis], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(Axis, { each: true })
  axes?: Axis[] | null;

  @Field(() => [ID], { nullable: true, description: 'Topics (global ids or keys).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIST_LIMIT)
  @IsString({ each: true })
  topics?: string[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIST_LIMIT)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  keywords?: string[] | null;

  @Field(() => Status, { nullable: true, description: 'Defaults to ACTIVE.' })
  @IsOptional()
  @IsEnum(Status)
  status?: Status | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @IsCalendarDate()
  startDate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Leave out while still running.' })
  @IsOptional()
  @IsCalendarDate()
  @NotBefore('startDate')
  endDate?: string | null;

  @Field(() => ID, { nullable: true, description: 'The agreement it runs under (global id or key).' })
  @IsOptional()
  @IsString()
  agreement?: string | null;

  @Field(() => ID, { nullable: true, description: 'The collaboration it is part of (global id or key).' })
  @IsOptional()
  @IsString()
  parent?: string | null;

  @Field(() => [CollaborationUnitInput])
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one unit' })
  @ArrayMaxSize(LIST_LIMIT)
  @ValidateNested({ each: true })
  @Type(() => CollaborationUnitInput)
  units!: CollaborationUnitInput[];

  @Field(() => [CollaborationPersonInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIST_LIMIT)
  @ValidateNested({ each: true })
  @Type(() => CollaborationPersonInput)
  people?: CollaborationPersonInput[] | null;

  @Field(() => [FundingInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIST_LIMIT)
  @ValidateNested({ each: true })
  @Type(() => FundingInput)
  funding?: FundingInput[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { each: true })
  links?: string[] | null;
}

@InputType({ description: 'Changes to a collaboration; omitted fields stay as they are, null clears an optional one; lists replace.' })
export class CollaborationUpdateInput {
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

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  summary?: string | null;

  @Field(() => CollaborationKind, { nullable: true })
  @IsOptional()
  @IsEnum(CollaborationKind)
  kind?: CollaborationKind;

  @Field(() => [Axis], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(Axis, { each: true })
  axes?: Axis[] | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIST_LIMIT)
  @IsString({ each: true })
  topics?: string[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIST_LIMIT)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  keywords?: string[] | null;

  @Field(() => Status, { nullable: true })
  @IsOptional()
  @IsEnum(Status)
  status?: Status;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @IsCalendarDate()
  startDate?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  @IsCalendarDate()
  @NotBefore('startDate')
  endDate?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  agreement?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  parent?: string | null;

  @Field(() => [CollaborationUnitInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one unit' })
  @ArrayMaxSize(LIST_LIMIT)
  @ValidateNested({ each: true })
  @Type(() => CollaborationUnitInput)
  units?: CollaborationUnitInput[];

  @Field(() => [CollaborationPersonInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIST_LIMIT)
  @ValidateNested({ each: true })
  @Type(() => CollaborationPersonInput)
  people?: CollaborationPersonInput[] | null;

  @Field(() => [FundingInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIST_LIMIT)
  @ValidateNested({ each: true })
  @Type(() => FundingInput)
  funding?: FundingInput[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { each: true })
  links?: string[] | null;
}

function unitChangeInput(name: string, description: string) {
  @InputType(name, { description })
  class UnitChange {
    @Field(() => ID, { description: 'The collaboration (global id or key).' })
    @IsString()
    id!: string;

    @Field(() => Int, { description: 'The version this change is based on.' })
    @IsInt()
    @Min(1)
    version!: number;

    @Field(() => ID, { description: 'The unit (global id or key).' })
    @IsString()
    @IsNotEmpty()
    unit!: string;

    @Field(() => ParticipantRole, { nullable: true, description: 'Required when adding; when removing, leave out to remove every role.' })
    @IsOptional()
    @IsEnum(ParticipantRole)
    role?: ParticipantRole | null;
  }
  return UnitChange;
}
export const CollaborationUnitAddInput = unitChangeInput('CollaborationUnitAddInput', 'Adds a unit to a collaboration in a role.');
export const CollaborationUnitRemoveInput = unitChangeInput('CollaborationUnitRemoveInput', 'Removes a unit from a collaboration.');
export type CollaborationUnitChangeInput = InstanceType<typeof CollaborationUnitAddInput>;

function personChangeInput(name: string, description: string) {
  @InputType(name, { description })
  class PersonChange {
    @Field(() => ID, { description: 'The collaboration (global id or key).' })
    @IsString()
    id!: string;

    @Field(() => Int, { description: 'The version this change is based on.' })
    @IsInt()
    @Min(1)
    version!: number;

    @Field(() => ID, { description: 'The person (global id or key).' })
    @IsString()
    @IsNotEmpty()
    person!: string;

    @Field(() => PersonRole, { nullable: true, description: 'Required when adding; when removing, leave out to remove every role.' })
    @IsOptional()
    @IsEnum(PersonRole)
    role?: PersonRole | null;
  }
  return PersonChange;
}
export const CollaborationPersonAddInput = personChangeInput('CollaborationPersonAddInput', 'Adds a person to a collaboration in a role.');
export const CollaborationPersonRemoveInput = personChangeInput('CollaborationPersonRemoveInput', 'Removes a person from a collaboration.');
export type CollaborationPersonChangeInput = InstanceType<typeof CollaborationPersonAddInput>;

function topicChangeInput(name: string, description: string) {
  @InputType(name, { description })
  class TopicChange {
    @Field(() => ID, { description: 'The collaboration (global id or key).' })
    @IsString()
    id!: string;

    @Field(() => Int, { description: 'The version this change is based on.' })
    @IsInt()
    @Min(1)
    version!: number;

    @Field(() => ID, { description: 'The topic (global id or key).' })
    @IsString()
    @IsNotEmpty()
    topic!: string;
  }
  return TopicChange;
}
export const CollaborationTopicAddInput = topicChangeInput('CollaborationTopicAddInput', 'Tags a collaboration with a topic.');
export const CollaborationTopicRemoveInput = topicChangeInput('CollaborationTopicRemoveInput', 'Removes a topic tag from a collaboration.');
export type CollaborationTopicChangeInput = InstanceType<typeof CollaborationTopicAddInput>;

@InputType({ description: 'Which collaborations to list; all conditions must hold.' })
export class CollaborationFilter {
  @Field(() => ID, { nullable: true, description: 'A unit taking part (global id or key).' })
  unit?: string | null;

  @Field({ defaultValue: true, description: "With `unit`: count the unit's subunits too (a kommune's bydeler and services)." })
  includeSubunits!: boolean;

  @Field(() => ID, { nullable: true, description: 'Tagged with this topic (global id or key).' })
  topic?: string | null;

  @Field({ defaultValue: true, description: 'With `topic`: count narrower topics too.' })
  includeNarrower!: boolean;

  @Field(() => [CollaborationKind], { nullable: true, description: 'Any of these kinds.' })
  kind?: CollaborationKind[];

  @Field(() => [Axis], { nullable: true, description: 'On any of these axes.' })
  axis?: Axis[];

  @Field(() => [Status], { nullable: true, description: 'Any of these statuses.' })
  status?: Status[];

  @Field(() => ID, { nullable: true, description: 'Running under this agreement.' })
  agreement?: string | null;

  @Field(() => ID, { nullable: true, description: 'A person taking part.' })
  person?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Running on this date: started by then, not ended before, not cancelled.' })
  activeOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Period overlaps [periodFrom, periodTo]; open ends count as open.' })
  periodFrom?: string | null;

  @Field(() => DateScalar, { nullable: true })
  periodTo?: string | null;

  @Field({ nullable: true, description: 'Words in title, summary or keywords; all must occur (as words or word beginnings).' })
  text?: string;
}

export enum CollaborationOrderField {
  KEY = 'KEY',
  TITLE = 'TITLE',
  START_DATE = 'START_DATE',
  END_DATE = 'END_DATE',
}
registerEnumType(CollaborationOrderField, { name: 'CollaborationOrderField' });

@InputType()
export class CollaborationOrder {
  @Field(() => CollaborationOrderField)
  field!: CollaborationOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}

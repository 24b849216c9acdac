import { IsInt, IsNumber, IsOptional, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import {
  DateField,
  EnumField,
  EnumListField,
  KeyField,
  NameField,
  NestedListField,
  RefField,
  RefListField,
  StringListField,
  TargetField,
  TextField,
  UrlListField,
  VersionField,
} from '../../graphql/input-fields';
import { SortDirection } from '../../graphql/pagination';
import { DateScalar } from '../../graphql/scalars';
import { Axis, CollaborationKind, ParticipantRole, PersonRole, Status } from './collaboration.enums';

@InputType({ description: 'A unit taking part, with its role.' })
export class CollaborationUnitInput {
  @RefField({ description: 'The unit (global id or key).' })
  unit!: string;

  @EnumField(ParticipantRole)
  role!: ParticipantRole;
}

@InputType({ description: 'A person taking part, with their role.' })
export class CollaborationPersonInput {
  @RefField({ description: 'The person (global id or key).' })
  person!: string;

  @EnumField(PersonRole)
  role!: PersonRole;
}

@InputType({ description: 'A source of funding: a unit in the registry, a name, an amount, or several of these.' })
export class FundingInput {
  @RefField({ optional: true, description: 'The funding unit (global id or key), when it is in the registry.' })
  source?: string | null;

  @TextField(300, 'Name of a funder that is not in the registry.')
  sourceName?: string | null;

  @Field(() => Float, { nullable: true, description: 'Amount in Norwegian kroner.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  amountNok?: number | null;
}

/** The most items each list of a collaboration holds; reads return at most as many (see the list sizes). */
export const COLLABORATION_LISTS = { units: 50, people: 50, topics: 20, funding: 20, keywords: 30, links: 20 } as const;
const UNITS = { min: 1, minMessage: 'must name at least one unit' };

@InputType({ description: 'A new collaboration; the fields of the snapshot format.' })
export class CollaborationCreateInput {
  @KeyField()
  key!: string;

  @NameField(500)
  title!: string;

  @TextField(20000)
  summary?: string | null;

  @EnumField(CollaborationKind)
  kind!: CollaborationKind;

  @EnumListField(Axis)
  axes?: Axis[] | null;

  @RefListField(COLLABORATION_LISTS.topics, { optional: true, description: 'Topics (global ids or keys).' })
  topics?: string[] | null;

  @StringListField(COLLABORATION_LISTS.keywords, 200)
  keywords?: string[] | null;

  @EnumField(Status, { optional: true, description: 'Defaults to ACTIVE.' })
  status?: Status | null;

  @DateField()
  startDate?: string | null;

  @DateField({ notBefore: 'startDate', description: 'Leave out while still running.' })
  endDate?: string | null;

  @RefField({ optional: true, description: 'The agreement it runs under (global id or key).' })
  agreement?: string | null;

  @RefField({ optional: true, description: 'The collaboration it is part of (global id or key).' })
  parent?: string | null;

  @NestedListField(CollaborationUnitInput, COLLABORATION_LISTS.units, UNITS)
  units!: CollaborationUnitInput[];

  @NestedListField(CollaborationPersonInput, COLLABORATION_LISTS.people, { optional: true })
  people?: CollaborationPersonInput[] | null;

  @NestedListField(FundingInput, COLLABORATION_LISTS.funding, { optional: true })
  funding?: FundingInput[] | null;

  @UrlListField(COLLABORATION_LISTS.links)
  links?: string[] | null;
}

@InputType({ description: 'Changes to a collaboration; omitted fields stay as they are, null clears an optional one; lists replace.' })
export class CollaborationUpdateInput {
  @TargetField('Global id or key of the collaboration.')
  id!: string;

  @VersionField()
  version!: number;

  @KeyField({ optional: true })
  key?: string;

  @NameField(500, { optional: true })
  title?: string;

  @TextField(20000)
  summary?: string | null;

  @EnumField(CollaborationKind, { optional: true })
  kind?: CollaborationKind;

  @EnumListField(Axis)
  axes?: Axis[] | null;

  @RefListField(COLLABORATION_LISTS.topics, { optional: true })
  topics?: string[] | null;

  @StringListField(COLLABORATION_LISTS.keywords, 200)
  keywords?: string[] | null;

  @EnumField(Status, { optional: true })
  status?: Status;

  @DateField()
  startDate?: string | null;

  @DateField({ notBefore: 'startDate' })
  endDate?: string | null;

  @RefField({ optional: true })
  agreement?: string | null;

  @RefField({ optional: true })
  parent?: string | null;

  @NestedListField(CollaborationUnitInput, COLLABORATION_LISTS.units, { ...UNITS, optional: true })
  units?: CollaborationUnitInput[];

  @NestedListField(CollaborationPersonInput, COLLABORATION_LISTS.people, { optional: true })
  people?: CollaborationPersonInput[] | null;

  @NestedListField(FundingInput, COLLABORATION_LISTS.funding, { optional: true })
  funding?: FundingInput[] | null;

  @UrlListField(COLLABORATION_LISTS.links)
  links?: string[] | null;
}

/** Add and remove inputs share their shape; each mutation still gets an input type named after it. */
function unitChangeInput(name: string, description: string) {
  @InputType(name, { description })
  class UnitChange {
    @TargetField('The collaboration (global id or key).')
    id!: string;

    @VersionField()
    version!: number;

    @RefField({ description: 'The unit (global id or key).' })
    unit!: string;

    @EnumField(ParticipantRole, { optional: true, description: 'Required when adding; when removing, leave out to remove every role.' })
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
    @TargetField('The collaboration (global id or key).')
    id!: string;

    @VersionField()
    version!: number;

    @RefField({ description: 'The person (global id or key).' })
    person!: string;

    @EnumField(PersonRole, { optional: true, description: 'Required when adding; when removing, leave out to remove every role.' })
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
    @TargetField('The collaboration (global id or key).')
    id!: string;

    @VersionField()
    version!: number;

    @RefField({ description: 'The topic (global id or key).' })
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

@InputType({ description: 'Two collaborations that are one activity: the first is kept, the second merged into it and deleted.' })
export class CollaborationMergeInput {
  @TargetField('The collaboration to keep (global id or key).')
  keep!: string;

  @Field(() => Int, { description: 'The kept collaboration’s version; a stale one is a CONFLICT.' })
  @IsInt()
  @Min(1)
  keepVersion!: number;

  @TargetField('The collaboration to merge into it and delete (global id or key).')
  remove!: string;

  @Field(() => Int, { description: 'The removed collaboration’s version; a stale one is a CONFLICT.' })
  @IsInt()
  @Min(1)
  removeVersion!: number;
}

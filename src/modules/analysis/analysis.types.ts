import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EnumField, RefField, TextField } from '../../graphql/input-fields';
import { DateScalar } from '../../graphql/scalars';
import { PersonRole } from '../collaborations/collaboration.enums';
import { GapCode } from './gaps';
import { ReviewDecision } from './overlap-review.entity';

export enum OverlapReasonCode {
  SHARED_UNIT = 'SHARED_UNIT',
  CONTAINED_UNIT = 'CONTAINED_UNIT',
  SAME_TOPIC = 'SAME_TOPIC',
  RELATED_TOPIC = 'RELATED_TOPIC',
  SIMILAR_TEXT = 'SIMILAR_TEXT',
  PERIOD_OVERLAP = 'PERIOD_OVERLAP',
}
registerEnumType(OverlapReasonCode, {
  name: 'OverlapReasonCode',
  description: 'Why a pair was flagged.',
  valuesConfig: {
    SHARED_UNIT: { description: 'Both name the same municipal unit.' },
    CONTAINED_UNIT: { description: "One's municipal unit lies inside the other's (any depth)." },
    SAME_TOPIC: { description: 'Both are tagged with the subject.' },
    RELATED_TOPIC: { description: "One's topic tag is narrower than the other's." },
    SIMILAR_TEXT: { description: 'Their texts are about the same subject; the message names the shared words.' },
    PERIOD_OVERLAP: { description: 'Their periods overlap; the message gives the common period.' },
  },
});

@ObjectType({ description: 'One reason a pair was flagged, readable at a glance.' })
export class OverlapReasonType {
  @Field(() => OverlapReasonCode)
  code!: OverlapReasonCode;

  @Field({ description: 'A sentence naming the units, topics, period or words concerned: in Norwegian (bokmål) when the request\'s Accept-Language prefers nb, no or nn to en, otherwise in English.' })
  message!: string;
}

@ObjectType('Overlap', { description: 'Two collaborations that seem to do the same work on the same ground without knowing of each other.' })
export class OverlapType {
  @Field(() => Float, { description: 'How sure the registry is, from 0 to 1.' })
  score!: number;

  @Field(() => DateScalar, { nullable: true, description: 'Start of the common period (null: open).' })
  periodStart!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'End of the common period (null: still running).' })
  periodEnd!: string | null;
}

@InputType({ description: 'Which overlaps to report.' })
export class OverlapFilterInput {
  @Field(() => ID, { nullable: true, description: 'Pairs where either side involves this unit or one of its subunits.' })
  unit?: string | null;

  @Field(() => String, { nullable: true, description: 'A topic by id or key (narrower topics included), or words matched against the topic tree.' })
  topic?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Pairs whose common period includes this date.' })
  activeOn?: string | null;

  @Field(() => Float, { nullable: true, description: 'Lowest score to report; defaults to the threshold that meets the quality bar.' })
  minScore?: number | null;

  @Field({ nullable: true, description: 'Also report pairs reviewed as KNOWN or NOT_OVERLAP.' })
  includeReviewed?: boolean;
}

@InputType({ description: "A reviewer's decision on a pair of collaborations." })
export class OverlapReviewInput {
  @RefField({ description: 'One collaboration (global id or key).' })
  a!: string;

  @RefField({ description: 'The other collaboration (global id or key).' })
  b!: string;

  @EnumField(ReviewDecision)
  decision!: ReviewDecision;

  @TextField(5000, 'Why, in the reviewer’s words.')
  note?: string | null;
}

@ObjectType('OverlapCluster', { description: 'Collaborations linked by flagged overlaps: a group that should talk to each other.' })
export class OverlapClusterType {
  @Field(() => Float, { description: 'Mean score of the pairs in the group.' })
  score!: number;
}

@ObjectType({ description: 'Someone to contact in a cluster: a project leader or contact person of one of its collaborations.' })
export class ClusterContact {
  @Field(() => PersonRole)
  role!: PersonRole;
}

@ObjectType('CoordinationGap', { description: 'How a planned or active collaboration stands unconnected from the coordination structure.' })
export class CoordinationGapType {
  @Field(() => [GapCode])
  codes!: GapCode[];

  @Field(() => [String], { description: 'One sentence per code, in the same order, in the language of the request\'s Accept-Language (Norwegian or English, as for overlap reasons).' })
  messages!: string[];
}

@InputType({ description: 'Which coordination gaps to report.' })
export class CoordinationGapFilter {
  @Field(() => ID, { nullable: true, description: 'Collaborations involving this unit or one of its subunits.' })
  unit?: string | null;

  @Field(() => [GapCode], { nullable: true, description: 'Only collaborations with any of these gaps (and only those gaps shown).' })
  codes?: GapCode[] | null;
}

@ObjectType({ description: 'A person who works with the unit on the topic.' })
export class PersonMatch {
  @Field(() => Float, { description: 'Best score of their matching collaborations.' })
  score!: number;

  @Field(() => [PersonRole], { description: 'Roles they hold in those collaborations.' })
  roles!: PersonRole[];
}

@ObjectType({ description: 'A unit that takes part in matching collaborations.' })
export class UnitMatch {
  @Field(() => Float)
  score!: number;
}

@ObjectType({ description: 'A collaboration about the topic that involves the unit.' })
export class CollaborationMatch {
  @Field(() => Float, { description: 'Match strength times recency: active and recent first.' })
  score!: number;

  @Field(() => [String], { description: 'Why it matched, in the language of the request\'s Accept-Language (Norwegian or English, as for overlap reasons).' })
  reasons!: string[];
}

@ObjectType({ description: 'Another topic whose label is similar to the one asked for, and how many of the unit\'s collaborations are filed there.' })
export class SimilarTopic {
  @Field(() => Int, { description: 'The unit\'s collaborations on it, counted as whoWorksWith counts its own answer for that topic (same unit with its subunits, period and status), before that answer\'s `limit`.' })
  collaborations!: number;
}

@ObjectType({ description: 'Answer to "who already works with this unit on this topic?".' })
export class WhoWorksWith {
  @Field(() => [UnitMatch])
  units!: UnitMatch[];

  @Field(() => [CollaborationMatch])
  collaborations!: CollaborationMatch[];
}

@ObjectType('AnalysisStatus', { description: 'The overlap analysis that reports are read from, and whether a full rebuild is running.' })
export class AnalysisStatusType {
  @Field(() => Date, { nullable: true, description: 'When the last complete full build finished; null before the first.' })
  builtAt!: Date | null;

  @Field(() => Int, { description: 'Collaborations in the analysis.' })
  collaborations!: number;

  @Field(() => Int, { description: 'Flagged pairs (before review and score filters).' })
  pairs!: number;

  @Field({ description: 'A full rebuild runs now (after a topic change or an import); reports keep the last complete analysis until it is done.' })
  rebuilding!: boolean;

  @Field(() => Int, { description: 'Which trained subject model classifies collaborations: it goes up with every full build.' })
  modelVersion!: number;
}

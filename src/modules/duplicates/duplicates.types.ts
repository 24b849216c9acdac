import { Field, Float, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { EnumField, RefField, TextField } from '../../graphql/input-fields';
import { DuplicateReasonCode } from './duplicate-detector';
import { DuplicateDecision } from './duplicate-review.entity';

const REASONS: Record<DuplicateReasonCode, string> = {
  SIMILAR_TITLE: 'The titles say nearly the same, place names aside (word order, spelling, typos, added labels forgiven).',
  SIMILAR_SUMMARY: 'The summaries share many words.',
  SAME_UNITS: 'The same units take part.',
  NESTED_UNITS: 'A unit of one is, or lies inside or above, a unit of the other (a bydel and its service, a kommune and its bydel).',
  SAME_PEOPLE: 'People take part in both.',
  SAME_PERIOD: 'They start within two months of each other.',
  SAME_KIND: 'Both are the same kind of collaboration.',
};
export const DuplicateReasonCodeEnum = Object.fromEntries(Object.keys(REASONS).map((k) => [k, k])) as Record<DuplicateReasonCode, DuplicateReasonCode>;
registerEnumType(DuplicateReasonCodeEnum, {
  name: 'DuplicateReasonCode',
  description: 'Why two collaborations look like one activity entered twice.',
  valuesConfig: Object.fromEntries(Object.entries(REASONS).map(([k, description]) => [k, { description }])),
});

@ObjectType({ description: 'One reason a pair looks like a duplicate.' })
export class DuplicateReasonType {
  @Field(() => DuplicateReasonCodeEnum)
  code!: DuplicateReasonCode;

  @Field({ description: 'A sentence naming the titles, units, people or dates concerned, in the language of the request (Accept-Language: English or Norwegian bokmål).' })
  message!: string;
}

@ObjectType('DuplicateCandidate', {
  description:
    'Two collaborations that are probably one activity registered twice (unlike an overlap: two activities on the same ground). Merge them with collaborationMerge, or mark them NOT_DUPLICATE.',
})
export class DuplicateCandidateType {
  @Field(() => Float, { description: 'How sure the registry is, from 0 to 1.' })
  score!: number;

  @Field(() => [DuplicateReasonType], { description: 'Why, one line of evidence each.' })
  reasons!: DuplicateReasonType[];
}

@InputType({ description: 'Which duplicate candidates to list.' })
export class DuplicateFilterInput {
  @Field(() => ID, { nullable: true, description: 'Pairs where either side involves this unit or one of its subunits.' })
  unit?: string | null;

  @Field(() => Float, { nullable: true, description: 'Lowest score to list (0.5 to 1); by default 0.7.' })
  minScore?: number | null;

  @Field({ nullable: true, description: 'Also list pairs reviewed as NOT_DUPLICATE.' })
  includeReviewed?: boolean;
}

@InputType({ description: "A reviewer's decision on a duplicate candidate." })
export class DuplicateReviewInput {
  @RefField({ description: 'One collaboration (global id or key).' })
  a!: string;

  @RefField({ description: 'The other collaboration (global id or key).' })
  b!: string;

  @EnumField(DuplicateDecision)
  decision!: DuplicateDecision;

  @TextField(5000, 'Why, in the reviewer’s words.')
  note?: string | null;
}

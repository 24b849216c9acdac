import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { PairReview } from '../analysis/pair-review';

export enum DuplicateDecision {
  DUPLICATE = 'DUPLICATE',
  NOT_DUPLICATE = 'NOT_DUPLICATE',
}
registerEnumType(DuplicateDecision, {
  name: 'DuplicateDecision',
  description: "A reviewer's verdict on a duplicate candidate.",
  valuesConfig: {
    DUPLICATE: { description: 'The same activity: stays listed, marked, until the two are merged (collaborationMerge).' },
    NOT_DUPLICATE: { description: 'Two activities: the pair leaves the default list and stays quiet.' },
  },
});

/** A reviewer's decision on a duplicate candidate. */
@ObjectType({ description: 'The review of a duplicate candidate: decision, note, who and when.' })
@Entity('duplicate_review')
@Index(['aId', 'bId'], { unique: true })
export class DuplicateReview extends PairReview {
  @Field(() => DuplicateDecision)
  @Column({ type: 'varchar', length: 20 })
  decision!: DuplicateDecision;
}

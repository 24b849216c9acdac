import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { PairReview } from './pair-review';

export enum ReviewDecision {
  CONFIRMED = 'CONFIRMED',
  KNOWN = 'KNOWN',
  NOT_OVERLAP = 'NOT_OVERLAP',
}
registerEnumType(ReviewDecision, {
  name: 'ReviewDecision',
  description: "A reviewer's verdict on a flagged pair.",
  valuesConfig: {
    CONFIRMED: { description: 'A real overlap: stays in the report, marked as confirmed.' },
    KNOWN: { description: 'The two already know of each other: leaves the default report.' },
    NOT_OVERLAP: { description: 'Not the same work: leaves the default report.' },
  },
});

/** A reviewer's decision on a flagged overlap. */
@ObjectType({ description: 'The review of a flagged pair: decision, note, who and when.' })
@Entity('overlap_review')
@Index(['aId', 'bId'], { unique: true })
export class OverlapReview extends PairReview {
  @Field(() => ReviewDecision)
  @Column({ type: 'varchar', length: 20 })
  decision!: ReviewDecision;
}

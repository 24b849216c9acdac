import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Collaboration } from '../collaborations/collaboration.entity';

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

/** A reviewer's decision on a pair of collaborations (stored with a < b). One per pair; a new one replaces it. */
@ObjectType({ description: 'The review of a flagged pair: decision, note, who and when.' })
@Entity('overlap_review')
@Index(['aId', 'bId'], { unique: true })
export class OverlapReview {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  aId!: number;

  @ManyToOne(() => Collaboration, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'a_id' })
  aRelation?: Collaboration;

  @Index()
  @Column({ type: 'integer' })
  bId!: number;

  @ManyToOne(() => Collaboration, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'b_id' })
  bRelation?: Collaboration;

  @Field(() => ReviewDecision)
  @Column({ type: 'varchar', length: 20 })
  decision!: ReviewDecision;

  @Field(() => String, { nullable: true, description: 'Why, in the reviewer’s words.' })
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Field({ description: 'Who reviewed (the API token’s name once tokens exist; "anonymous" before).' })
  @Column({ type: 'varchar', length: 200 })
  reviewedBy!: string;

  @Field({ description: 'When the current decision was made.' })
  @UpdateDateColumn()
  reviewedAt!: Date;
}

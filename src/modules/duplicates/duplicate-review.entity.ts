import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Collaboration } from '../collaborations/collaboration.entity';

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

/** A reviewer's decision on a pair of collaborations as duplicates (stored with a < b). One per pair; a new one replaces it. */
@ObjectType({ description: 'The review of a duplicate candidate: decision, note, who and when.' })
@Entity('duplicate_review')
@Index(['aId', 'bId'], { unique: true })
export class DuplicateReview {
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

  @Field(() => DuplicateDecision)
  @Column({ type: 'varchar', length: 20 })
  decision!: DuplicateDecision;

  @Field(() => String, { nullable: true, description: 'Why, in the reviewer’s words.' })
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Field({ description: 'Who reviewed (the API token’s name).' })
  @Column({ type: 'varchar', length: 200 })
  reviewedBy!: string;

  @Field({ description: 'When the current decision was made.' })
  @UpdateDateColumn()
  reviewedAt!: Date;
}

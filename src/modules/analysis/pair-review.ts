import { Field, ObjectType } from 'type-graphql';
import { Column, EntityManager, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { requireRef } from '../../db/references';
import { RegistryError } from '../../errors/registry-error';
import { Collaboration } from '../collaborations/collaboration.entity';

/** A reviewer's decision on a pair of collaborations, stored with a < b: one per pair, a new one replaces it. */
@ObjectType()
export abstract class PairReview {
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

  abstract decision: string;

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

/** Records (or replaces) a decision on the pair a and b name (global ids or keys). */
export async function savePairReview<T extends PairReview>(
  em: EntityManager,
  cls: new () => T,
  input: { a: string; b: string; decision: T['decision']; note?: string | null },
  reviewedBy: string,
  sameMessage: string,
): Promise<T> {
  const a = await requireRef(em, Collaboration, input.a, 'a');
  const b = await requireRef(em, Collaboration, input.b, 'b');
  if (a === b) throw RegistryError.of('b', 'INVALID', sameMessage);
  const [aId, bId] = a < b ? [a, b] : [b, a];
  const repo = em.getRepository<PairReview>(cls);
  const review = (await repo.findOneBy({ aId, bId })) ?? repo.create({ aId, bId });
  review.decision = input.decision;
  review.note = input.note ?? null;
  review.reviewedBy = reviewedBy;
  return (await repo.save(review)) as T;
}

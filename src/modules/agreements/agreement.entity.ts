import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { OrderedRow, RecordBase } from '../../db/record-base';
import { Node } from '../../graphql/node';
import { DateScalar } from '../../graphql/scalars';
import { Person } from '../people/person.entity';
import { Topic } from '../topics/topic.entity';
import { Unit } from '../units/unit.entity';
import { AgreementKind, AnchoringLevel } from './agreement.enums';

@ObjectType({
  implements: Node,
  description: 'A formal agreement (avtale) between units, e.g. a university municipality agreement (universitetskommuneavtale).',
})
@Entity('agreement')
export class Agreement extends RecordBase {
  static override readonly nodeType = 'Agreement';
  static override readonly readWhenSelected = [...RecordBase.readWhenSelected, 'anchoring', 'signedOn', 'reviewOn', 'description'];

  @Field()
  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Field(() => AgreementKind)
  @Column({ type: 'varchar', length: 30 })
  kind!: AgreementKind;

  @Field(() => AnchoringLevel, { nullable: true, description: 'Where the agreement is anchored (forankring).' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  anchoring!: AnchoringLevel | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date signed.' })
  @Column({ type: 'date', nullable: true })
  signedOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day in force.' })
  @Column({ type: 'date', nullable: true })
  validFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day in force; null = open-ended.' })
  @Column({ type: 'date', nullable: true })
  validTo!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the agreement is to be reviewed (revideres).' })
  @Column({ type: 'date', nullable: true })
  reviewOn!: string | null;

  @Index()
  @Column({ type: 'integer', nullable: true })
  parentId!: number | null;

  @ManyToOne(() => Agreement, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parentRelation?: Agreement;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description!: string | null;
}

/** A unit that is party to an agreement (avtalepart). */
@Entity('agreement_party')
export class AgreementParty extends OrderedRow {
  @Index()
  @Column({ type: 'integer' })
  agreementId!: number;

  @ManyToOne(() => Agreement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id' })
  agreementRelation?: Agreement;

  @Index()
  @Column({ type: 'integer' })
  unitId!: number;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unitRelation?: Unit;
}

/** A topic an agreement names as a focus area (satsingsområde). */
@Entity('agreement_focus_topic')
export class AgreementFocusTopic extends OrderedRow {
  @Index()
  @Column({ type: 'integer' })
  agreementId!: number;

  @ManyToOne(() => Agreement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id' })
  agreementRelation?: Agreement;

  @Index()
  @Column({ type: 'integer' })
  topicId!: number;

  @ManyToOne(() => Topic, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'topic_id' })
  topicRelation?: Topic;
}

@ObjectType({ description: 'A contact person for an agreement.' })
@Entity('agreement_contact')
export class AgreementContact extends OrderedRow {
  @Index()
  @Column({ type: 'integer' })
  agreementId!: number;

  @ManyToOne(() => Agreement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id' })
  agreementRelation?: Agreement;

  @Index()
  @Column({ type: 'integer' })
  personId!: number;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  personRelation?: Person;

  @Field(() => String, { nullable: true, description: 'Role in free text, e.g. "avtalekoordinator".' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  role!: string | null;
}

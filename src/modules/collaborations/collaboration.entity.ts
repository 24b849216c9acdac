import { Field, Float, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { OrderedRow, RecordBase } from '../../db/record-base';
import { Node } from '../../graphql/node';
import { DateScalar } from '../../graphql/scalars';
import { Agreement } from '../agreements/agreement.entity';
import { Person } from '../people/person.entity';
import { Topic } from '../topics/topic.entity';
import { Unit } from '../units/unit.entity';
import { Axis, CollaborationKind, ParticipantRole, PersonRole, Status } from './collaboration.enums';

@ObjectType({
  implements: Node,
  description: 'A collaboration (samarbeid) between municipal and academic units: a project, placement, network, course…',
})
@Entity('collaboration')
export class Collaboration extends RecordBase {
  static override readonly nodeType = 'Collaboration';
  static readonly mergedInto = 'mergedIntoId';
  static override readonly readWhenSelected = [...RecordBase.readWhenSelected, 'summary', 'axes', 'keywords', 'links'];

  @Field()
  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  summary!: string | null;

  @Field(() => CollaborationKind)
  @Index()
  @Column({ type: 'varchar', length: 40 })
  kind!: CollaborationKind;

  @Field(() => [Axis], { description: 'Axes of collaboration (akser) the work belongs to.' })
  @Column({ type: 'simple-json' })
  axes!: Axis[];

  @Field(() => [String], { description: 'Free keywords (stikkord).' })
  @Column({ type: 'simple-json' })
  keywords!: string[];

  @Field(() => Status)
  @Index()
  @Column({ type: 'varchar', length: 20 })
  status!: Status;

  @Field(() => DateScalar, { nullable: true, description: 'Start date; null = unknown.' })
  @Index()
  @Column({ type: 'date', nullable: true })
  startDate!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'End date; null = still running.' })
  @Index()
  @Column({ type: 'date', nullable: true })
  endDate!: string | null;

  @Index()
  @Column({ type: 'integer', nullable: true })
  agreementId!: number | null;

  @ManyToOne(() => Agreement, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'agreement_id' })
  agreementRelation?: Agreement;

  @Index()
  @Column({ type: 'integer', nullable: true })
  parentId!: number | null;

  @ManyToOne(() => Collaboration, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parentRelation?: Collaboration;

  @Field(() => [String], { description: 'Web addresses about the collaboration.' })
  @Column({ type: 'simple-json' })
  links!: string[];

  /** Set on a collaboration merged into another (and so deleted): its key and global id lead to the survivor. */
  @Index()
  @Column({ type: 'integer', nullable: true })
  mergedIntoId!: number | null;

  @ManyToOne(() => Collaboration, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'merged_into_id' })
  mergedIntoRelation?: Collaboration;

  /** What the merge added to the survivor and moved from this record (JSON), so restoring this record undoes it exactly. */
  @Column({ type: 'text', nullable: true })
  mergeUndo!: string | null;
}

@ObjectType({ description: 'A unit taking part in a collaboration, with its role.' })
@Entity('collaboration_unit')
export class CollaborationUnit extends OrderedRow {
  @Index()
  @Column({ type: 'integer' })
  collaborationId!: number;

  @ManyToOne(() => Collaboration, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collaboration_id' })
  collaborationRelation?: Collaboration;

  @Index()
  @Column({ type: 'integer' })
  unitId!: number;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unitRelation?: Unit;

  @Field(() => ParticipantRole)
  @Column({ type: 'varchar', length: 20 })
  role!: ParticipantRole;
}

@ObjectType({ description: 'A person taking part in a collaboration, with their role.' })
@Entity('collaboration_person')
export class CollaborationPerson extends OrderedRow {
  @Index()
  @Column({ type: 'integer' })
  collaborationId!: number;

  @ManyToOne(() => Collaboration, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collaboration_id' })
  collaborationRelation?: Collaboration;

  @Index()
  @Column({ type: 'integer' })
  personId!: number;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  personRelation?: Person;

  @Field(() => PersonRole)
  @Column({ type: 'varchar', length: 20 })
  role!: PersonRole;
}

@Entity('collaboration_topic')
export class CollaborationTopic extends OrderedRow {
  @Index()
  @Column({ type: 'integer' })
  collaborationId!: number;

  @ManyToOne(() => Collaboration, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collaboration_id' })
  collaborationRelation?: Collaboration;

  @Index()
  @Column({ type: 'integer' })
  topicId!: number;

  @ManyToOne(() => Topic, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'topic_id' })
  topicRelation?: Topic;
}

@ObjectType({ description: 'A source of funding (finansiering) for a collaboration.' })
@Entity('collaboration_funding')
export class CollaborationFunding extends OrderedRow {
  @Index()
  @Column({ type: 'integer' })
  collaborationId!: number;

  @ManyToOne(() => Collaboration, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collaboration_id' })
  collaborationRelation?: Collaboration;

  @Index()
  @Column({ type: 'integer', nullable: true })
  sourceId!: number | null;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'source_id' })
  sourceRelation?: Unit;

  @Field(() => String, { nullable: true, description: 'Name of a funder that is not a unit in the registry.' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  sourceName!: string | null;

  @Field(() => Float, { nullable: true, description: 'Amount in Norwegian kroner.' })
  @Column({ type: 'double precision', nullable: true })
  amountNok!: number | null;
}

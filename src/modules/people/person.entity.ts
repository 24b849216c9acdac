import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { OrderedRow, RecordBase } from '../../db/record-base';
import { Node } from '../../graphql/node';
import { DateScalar } from '../../graphql/scalars';
import { Unit } from '../units/unit.entity';

@ObjectType({ implements: Node, description: 'A person who takes part in collaborations or agreements.' })
@Entity('person')
export class Person extends RecordBase {
  static override readonly nodeType = 'Person';

  @Field()
  @Column({ type: 'varchar', length: 300 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'E-mail address (personal data).' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number (personal data).' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Job title (stillingstittel), e.g. "Professor".' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  title!: string | null;

  @Column({ type: 'text', default: '' })
  searchText!: string;
}

/**
 * A person's tie to a unit for a period. A person may hold several at once, e.g. a combined position
 * (kombinasjonsstilling) in a municipal service and a university department.
 */
@ObjectType({ description: "A person's affiliation to a unit, with role and period." })
@Entity('affiliation')
export class Affiliation extends OrderedRow {
  @Index()
  @Column({ type: 'integer' })
  personId!: number;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  personRelation?: Person;

  @Index()
  @Column({ type: 'integer' })
  unitId!: number;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unitRelation?: Unit;

  @Field(() => String, { nullable: true, description: 'Role at the unit in free text, e.g. "Kombinasjonsstilling".' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  role!: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ type: 'date', name: 'from_date', nullable: true })
  from!: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ type: 'date', name: 'to_date', nullable: true })
  to!: string | null;
}

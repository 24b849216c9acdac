import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLJSON } from 'graphql-scalars';

export enum AuditAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
  RESTORE = 'RESTORE',
  ERASE = 'ERASE',
  MERGE = 'MERGE',
}
registerEnumType(AuditAction, { name: 'AuditAction', description: 'What a change did to a record.' });

@ObjectType({ description: 'One field a change touched, with its value before and after (in snapshot form: references as keys).' })
export class FieldChange {
  @Field({ description: 'The field, as named in the snapshot format.' })
  field!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Value before the change (null: absent).' })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Value after the change (null: absent).' })
  after!: unknown;
}

/** One change to one record: who, when, what. Written in the same transaction as the change itself. */
@ObjectType({ description: 'An entry in the audit history.' })
@Entity('audit_entry')
@Index(['recordType', 'recordId'])
export class AuditEntry {
  @PrimaryGeneratedColumn()
  id!: number;

  @Field({ description: 'Who: the API token’s name, "cli" for the command line, "seed" for seeding at start.' })
  @Index()
  @Column({ type: 'varchar', length: 200 })
  actor!: string;

  @Field({ description: 'When.' })
  @Index()
  @CreateDateColumn()
  at!: Date;

  @Field(() => AuditAction, { description: 'Whether the record was created, changed or deleted.' })
  @Column({ type: 'varchar', length: 20 })
  action!: AuditAction;

  @Field({ description: 'Topic, Unit, Person, Agreement or Collaboration.' })
  @Column({ type: 'varchar', length: 40 })
  recordType!: string;

  @Column({ type: 'integer' })
  recordId!: number;

  @Field({ description: 'The record’s key when the change was made.' })
  @Column({ type: 'varchar', length: 200 })
  recordKey!: string;

  @Field(() => [FieldChange], { description: 'The fields that changed, with values before and after.' })
  @Column({ type: 'simple-json' })
  changes!: FieldChange[];
}

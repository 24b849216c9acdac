import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, DeleteDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { toGlobalId } from '../graphql/node-id';

/**
 * Columns every record type shares: surrogate id, stable external key, timestamps and the optimistic-lock version.
 * The entity classes are also the GraphQL object types, so the schema and the tables cannot drift apart.
 */
@ObjectType()
export abstract class RecordBase {
  static readonly nodeType: string;
  /**
   * Fields whose columns a query reads only when it selects them (src/graphql/read-plan.ts): each is read by its
   * own GraphQL field of the same name and by nothing else a query runs (tested field by field).
   */
  static readonly readWhenSelected: readonly string[] = ['createdAt', 'updatedAt'];

  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID, { name: 'id', description: 'Opaque global identifier (accepted wherever a record is referenced).' })
  get globalId(): string {
    return toGlobalId((this.constructor as typeof RecordBase).nodeType, this.id);
  }

  @Field({ description: 'Stable external key, unique per record type (the `key` of the snapshot format).' })
  @Column({ type: 'varchar', length: 200, unique: true })
  key!: string;

  @Field({ description: 'When the record was created.' })
  @CreateDateColumn()
  createdAt!: Date;

  @Field({ description: 'When the record was last changed.' })
  @UpdateDateColumn()
  updatedAt!: Date;

  @Field(() => Int, { description: 'Optimistic-concurrency version: pass it to updates and deletes; a stale one is a CONFLICT.' })
  // Managed by the services (not @VersionColumn) so a stale update is refused atomically in SQL.
  @Column({ type: 'integer', default: 1 })
  version!: number;

  /**
   * Set when the record is deleted: TypeORM then leaves it out of every query, so deleted records vanish from
   * lists, lookups, reports and exports, while recordRestore can bring them back.
   */
  @DeleteDateColumn({ nullable: true })
  deletedAt!: Date | null;
}

/** A row listed under a record (participant, party, affiliation…), kept in the order it was given. */
export abstract class OrderedRow {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer', default: 0 })
  position!: number;
}

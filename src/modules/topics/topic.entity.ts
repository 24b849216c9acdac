import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { RecordBase } from '../../db/record-base';
import { Node } from '../../graphql/node';

@ObjectType({ implements: Node, description: 'A subject (tema) in the topic tree, e.g. "Språkutvikling i barnehagen".' })
@Entity('topic')
export class Topic extends RecordBase {
  static override readonly nodeType = 'Topic';
  static override readonly readWhenSelected = [...RecordBase.readWhenSelected, 'labelEn', 'synonyms'];

  @Field({ description: 'Norwegian label.' })
  @Column({ type: 'varchar', length: 300 })
  label!: string;

  @Field(() => String, { nullable: true, description: 'English label.' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  labelEn!: string | null;

  @Index()
  @Column({ type: 'integer', nullable: true })
  parentId!: number | null;

  @ManyToOne(() => Topic, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parentRelation?: Topic;

  @Field(() => [String], { description: 'Other words for the same subject, used by search and overlap detection.' })
  @Column({ type: 'simple-json' })
  synonyms!: string[];

  /** Normalised label, English label, synonyms and key, for case- and accent-insensitive filtering. */
  @Column({ type: 'text', default: '' })
  searchText!: string;
}

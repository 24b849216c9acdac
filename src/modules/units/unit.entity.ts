import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { RecordBase } from '../../db/record-base';
import { Node } from '../../graphql/node';
import { Sector, UnitKind } from './unit.enums';

@ObjectType({ description: 'Public identifiers of a unit.' })
export class UnitIdentifiers {
  @Field(() => String, { nullable: true, description: 'Organisation number (organisasjonsnummer), 9 digits with a mod-11 check digit.' })
  orgNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'Municipality number (kommunenummer), 4 digits.' })
  municipalityNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'District number (bydelsnummer), 6 digits.' })
  districtNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'Research Organization Registry id.' })
  ror!: string | null;

  @Field(() => String, { nullable: true, description: 'Cristin institution or unit id.' })
  cristin!: string | null;
}

@ObjectType({
  implements: Node,
  description: 'An organisational unit: a municipality (kommune), city district (bydel), service, university, faculty, department…',
})
@Entity('unit')
export class Unit extends RecordBase {
  static override readonly nodeType = 'Unit';
  static override readonly readWhenSelected = [...RecordBase.readWhenSelected, 'shortName', 'website', 'description'];

  @Field({ description: 'Full name.' })
  @Column({ type: 'varchar', length: 300 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Short name or acronym, e.g. "USN".' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  shortName!: string | null;

  @Field(() => UnitKind)
  @Index()
  @Column({ type: 'varchar', length: 40 })
  kind!: UnitKind;

  @Field(() => Sector, { description: 'Sector: set explicitly, or derived from the kind.' })
  @Index()
  @Column({ type: 'varchar', length: 20 })
  sector!: Sector;

  /** Whether `sector` was given rather than derived, so an export writes back exactly what was imported. */
  @Column({ type: 'boolean', default: false })
  sectorExplicit!: boolean;

  @Index()
  @Column({ type: 'integer', nullable: true })
  parentId!: number | null;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parentRelation?: Unit;

  @Column({ type: 'varchar', length: 9, nullable: true })
  orgNumber!: string | null;

  @Column({ type: 'varchar', length: 4, nullable: true })
  municipalityNumber!: string | null;

  @Column({ type: 'varchar', length: 6, nullable: true })
  districtNumber!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  ror!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  cristin!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  website!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description!: string | null;

  /** Normalised name, short name and key, for case- and accent-insensitive filtering on any database. */
  @Column({ type: 'text', default: '' })
  searchText!: string;
}

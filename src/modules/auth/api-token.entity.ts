import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum Role {
  VIEWER = 'VIEWER',
  EDITOR = 'EDITOR',
  COORDINATOR = 'COORDINATOR',
  ADMIN = 'ADMIN',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'What an API token may do; each role can do everything the ones before it can.',
  valuesConfig: {
    VIEWER: { description: 'Read everything, personal fields included.' },
    EDITOR: { description: 'Also create, change and delete the collaborations, agreements and people involving a unit in its scope, and the units in its scope.' },
    COORDINATOR: { description: 'Editor everywhere, plus topics and overlap reviews.' },
    ADMIN: { description: 'Everything: tokens, imports, restores.' },
  },
});

export const ROLE_RANK: Record<Role, number> = { VIEWER: 1, EDITOR: 2, COORDINATOR: 3, ADMIN: 4 };

/** An API token. Only a SHA-256 hash of the secret is stored; the secret is shown once, when it is created. */
@ObjectType({ description: 'An API token (its secret is never shown again after creation).' })
@Entity('api_token')
export class ApiToken {
  @PrimaryGeneratedColumn()
  id!: number;

  @Field({ description: 'Unique name, used in the audit history as the actor.' })
  @Column({ type: 'varchar', length: 200, unique: true })
  name!: string;

  @Field(() => Role)
  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  /**
   * Ids of the units an EDITOR's scope covers (with everything below them); empty for other roles. Ids, not keys:
   * a unit keeps its token's rights when its key changes, and a new unit given an old key gets none.
   */
  @Column({ name: 'unit_scope', type: 'simple-json' })
  unitScopeIds!: number[];

  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  @Field({ description: 'When the token was created.' })
  @CreateDateColumn()
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the token was last used (to the minute); null: never.' })
  @Column({ type: Date, nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'After this moment the token no longer works.' })
  @Column({ type: Date, nullable: true })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the token was revoked; null: still active.' })
  @Column({ type: Date, nullable: true })
  revokedAt!: Date | null;
}

import { Arg, Ctx, Field, FieldResolver, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../app/context';
import { UserError, mutationPayload } from '../../graphql/errors';
import { EnumField, NameField, RefListField } from '../../graphql/input-fields';
import { ApiToken, Role } from './api-token.entity';

@InputType({ description: 'A new API token.' })
class ApiTokenCreateInput {
  @NameField(200, { description: 'Unique name; it stands for the token in the audit history.' })
  name!: string;

  @EnumField(Role)
  role!: Role;

  @RefListField(100, { optional: true, description: 'Units (global ids or keys) in an EDITOR token’s scope, each with everything below it.' })
  units?: string[];

  @Field(() => Date, { nullable: true, description: 'When the token stops working.' })
  expiresAt?: Date | null;
}

@InputType({ description: 'Which token to revoke.' })
class ApiTokenRevokeInput {
  @NameField(200, { description: 'The token’s name.' })
  name!: string;
}

@ObjectType({ description: 'A new token and its secret. The secret is shown this once and never stored.' })
class CreatedToken {
  @Field(() => ApiToken, { description: 'The token as stored (without its secret).' })
  token!: ApiToken;

  @Field({ description: 'Send it as "Authorization: Bearer <secret>".' })
  secret!: string;
}

@ObjectType({ description: 'Result of apiTokenCreate.' })
class ApiTokenCreatePayload {
  @Field(() => CreatedToken, { name: 'created', nullable: true, description: 'The token and its secret; null when there are userErrors.' })
  record!: CreatedToken | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of apiTokenRevoke.' })
class ApiTokenRevokePayload {
  @Field(() => ApiToken, { name: 'token', nullable: true, description: 'The revoked token; null when there are userErrors.' })
  record!: ApiToken | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

/** Token management for ADMIN tokens; the same as `registry token create|list|revoke`. */
@Resolver()
export class AuthResolver {
  @Query(() => [ApiToken], { description: 'Active API tokens (ADMIN).' })
  apiTokens(@Ctx() ctx: Context) {
    ctx.access.require(Role.ADMIN, 'Listing tokens');
    return ctx.services.auth.list();
  }

  @Mutation(() => ApiTokenCreatePayload, { description: 'Creates an API token (ADMIN); its secret is returned once.' })
  apiTokenCreate(@Arg('input', () => ApiTokenCreateInput) input: ApiTokenCreateInput, @Ctx() ctx: Context) {
    return mutationPayload(() => {
      ctx.access.require(Role.ADMIN, 'Creating tokens');
      return ctx.services.auth.create({ name: input.name, role: input.role, units: input.units, expiresAt: input.expiresAt });
    });
  }

  @Mutation(() => ApiTokenRevokePayload, { description: 'Revokes an API token (ADMIN); it stops working at once.' })
  apiTokenRevoke(@Arg('input', () => ApiTokenRevokeInput) input: ApiTokenRevokeInput, @Ctx() ctx: Context) {
    return mutationPayload(() => {
      ctx.access.require(Role.ADMIN, 'Revoking tokens');
      return ctx.services.auth.revoke(input.name);
    });
  }
}

@Resolver(() => ApiToken)
export class ApiTokenFieldsResolver {
  @FieldResolver(() => [String], { description: 'Keys of the units in its scope (EDITOR), as the units are called now.' })
  unitScope(@Root() token: ApiToken, @Ctx() ctx: Context) {
    return ctx.services.auth.scopeKeys(token);
  }
}

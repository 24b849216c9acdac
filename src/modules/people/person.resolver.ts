import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertValidInput } from '../../validation/input-rules';
import { Context } from '../../app/context';
import { forbidden } from '../auth/principal';
import { mutationPayload } from '../../graphql/errors';
import { DeleteInput, deleteInputType, deletePayloadType, payloadType } from '../../graphql/mutation-types';
import { ConnectionArgs, connectionType } from '../../graphql/pagination';
import { Unit } from '../units/unit.entity';
import { Affiliation, Person } from './person.entity';
import { PersonCreateInput, PersonFilter, PersonOrder, PersonUpdateInput } from './person.inputs';

export const PersonConnection = connectionType(Person, 'Person');
const PersonCreatePayload = payloadType('PersonCreatePayload', 'person', Person);
const PersonUpdatePayload = payloadType('PersonUpdatePayload', 'person', Person);
const PersonDeletePayload = deletePayloadType('PersonDeletePayload');
const PersonDeleteInput = deleteInputType('PersonDeleteInput');

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: 'One person by global id or key.' })
  person(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('key', () => String, { nullable: true }) key?: string,
  ) {
    return ctx.services.people.lookup(id, key, ctx.readPlan);
  }

  @Query(() => PersonConnection, { description: 'People, a page at a time.' })
  people(
    @Ctx() ctx: Context,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => PersonFilter, { nullable: true }) filter?: PersonFilter,
    @Arg('orderBy', () => PersonOrder, { nullable: true }) orderBy?: PersonOrder,
  ) {
    return ctx.services.people.list(filter, page, orderBy, ctx.access.mayReadPersonal, ctx.loaders.person);
  }

  @FieldResolver(() => String, { nullable: true, description: 'E-mail address (personal data: not for anonymous callers).' })
  email(@Root() person: Person, @Ctx() ctx: Context) {
    if (!ctx.access.mayReadPersonal) throw forbidden('E-mail addresses are personal data: sign in with an API token to read them.');
    return person.email;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Phone number (personal data: not for anonymous callers).' })
  phone(@Root() person: Person, @Ctx() ctx: Context) {
    if (!ctx.access.mayReadPersonal) throw forbidden('Phone numbers are personal data: sign in with an API token to read them.');
    return person.phone;
  }

  @FieldResolver(() => [Affiliation], { description: 'Units the person belongs to, with role and period.' })
  affiliations(@Root() person: Person, @Ctx() ctx: Context) {
    return ctx.loaders.affiliationsByPerson.load(person.id);
  }

  @Mutation(() => PersonCreatePayload)
  personCreate(@Arg('input', () => PersonCreateInput) input: PersonCreateInput, @Ctx() ctx: Context) {
    return mutationPayload(async () => {
      await ctx.access.personWrite(null, (input.affiliations ?? []).map((a) => a.unit));
      await assertValidInput(input);
      return ctx.services.people.create(input);
    });
  }

  @Mutation(() => PersonUpdatePayload)
  personUpdate(@Arg('input', () => PersonUpdateInput) input: PersonUpdateInput, @Ctx() ctx: Context) {
    return mutationPayload(async () => {
      await ctx.access.personWrite(input.id, input.affiliations?.map((a) => a.unit));
      await assertValidInput(input);
      return ctx.services.people.update(input);
    });
  }

  @Mutation(() => PersonDeletePayload, { description: 'Deletes a person who takes part in no collaboration or agreement.' })
  personDelete(@Arg('input', () => PersonDeleteInput) input: DeleteInput, @Ctx() ctx: Context) {
    return mutationPayload(async () => {
      await ctx.access.personWrite(input.id, undefined);
      await assertValidInput(input);
      return ctx.services.people.delete(input);
    });
  }
}

@Resolver(() => Affiliation)
export class AffiliationResolver {
  @FieldResolver(() => Unit)
  unit(@Root() affiliation: Affiliation, @Ctx() ctx: Context) {
    return ctx.loaders.unit.load(affiliation.unitId);
  }
}

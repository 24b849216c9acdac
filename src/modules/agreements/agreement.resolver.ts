import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertValidInput } from '../../validation/input-rules';
import { Context } from '../../app/context';
import { mutationPayload } from '../../graphql/errors';
import { DeleteInput, deleteInputType, deletePayloadType, payloadType } from '../../graphql/mutation-types';
import { ConnectionArgs, connectionType } from '../../graphql/pagination';
import { Person } from '../people/person.entity';
import { Topic } from '../topics/topic.entity';
import { Unit } from '../units/unit.entity';
import { Agreement, AgreementContact } from './agreement.entity';
import { AgreementCreateInput, AgreementFilter, AgreementOrder, AgreementUpdateInput } from './agreement.inputs';

export const AgreementConnection = connectionType(Agreement, 'Agreement');
const AgreementCreatePayload = payloadType('AgreementCreatePayload', 'agreement', Agreement);
const AgreementUpdatePayload = payloadType('AgreementUpdatePayload', 'agreement', Agreement);
const AgreementDeletePayload = deletePayloadType('AgreementDeletePayload');
const AgreementDeleteInput = deleteInputType('AgreementDeleteInput');

@Resolver(() => Agreement)
export class AgreementResolver {
  @Query(() => Agreement, { nullable: true, description: 'One agreement by global id or key.' })
  agreement(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('key', () => String, { nullable: true }) key?: string,
  ) {
    return ctx.services.agreements.lookup(id, key, ctx.readPlan);
  }

  @Query(() => AgreementConnection, { description: 'Agreements, a page at a time.' })
  agreements(
    @Ctx() ctx: Context,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => AgreementFilter, { nullable: true }) filter?: AgreementFilter,
    @Arg('orderBy', () => AgreementOrder, { nullable: true }) orderBy?: AgreementOrder,
  ) {
    return ctx.services.agreements.list(filter, page, orderBy, ctx.loaders.agreement);
  }

  @FieldResolver(() => [Unit], { description: 'The units party to the agreement (avtaleparter).' })
  async parties(@Root() agreement: Agreement, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.partiesByAgreement.load(agreement.id);
    return rows.map((r) => r.unitRelation!);
  }

  @FieldResolver(() => [Topic], { description: 'Focus topics (satsingsområder).' })
  async focusTopics(@Root() agreement: Agreement, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.focusTopicsByAgreement.load(agreement.id);
    return rows.map((r) => r.topicRelation!);
  }

  @FieldResolver(() => [AgreementContact])
  contacts(@Root() agreement: Agreement, @Ctx() ctx: Context) {
    return ctx.loaders.contactsByAgreement.load(agreement.id);
  }

  @FieldResolver(() => Agreement, { nullable: true, description: 'The agreement this one falls under.' })
  parent(@Root() agreement: Agreement, @Ctx() ctx: Context) {
    return agreement.parentId === null ? null : ctx.loaders.agreement.load(agreement.parentId);
  }

  @FieldResolver(() => [Agreement], { description: 'Agreements made under this one (underliggende avtaler).' })
  subAgreements(@Root() agreement: Agreement, @Ctx() ctx: Context) {
    return ctx.loaders.subAgreements.load(agreement.id);
  }

  @Mutation(() => AgreementCreatePayload)
  agreementCreate(@Arg('input', () => AgreementCreateInput) input: AgreementCreateInput, @Ctx() ctx: Context) {
    return mutationPayload(async () => {
      await ctx.access.agreementWrite(null, input.parties);
      await assertValidInput(input);
      return ctx.services.agreements.create(input);
    });
  }

  @Mutation(() => AgreementUpdatePayload)
  agreementUpdate(@Arg('input', () => AgreementUpdateInput) input: AgreementUpdateInput, @Ctx() ctx: Context) {
    return mutationPayload(async () => {
      await ctx.access.agreementWrite(input.id, input.parties);
      await assertValidInput(input);
      return ctx.services.agreements.update(input);
    });
  }

  @Mutation(() => AgreementDeletePayload, { description: 'Deletes an agreement no collaboration or sub-agreement refers to.' })
  agreementDelete(@Arg('input', () => AgreementDeleteInput) input: DeleteInput, @Ctx() ctx: Context) {
    return mutationPayload(async () => {
      await ctx.access.agreementWrite(input.id, undefined);
      await assertValidInput(input);
      return ctx.services.agreements.delete(input);
    });
  }
}

@Resolver(() => AgreementContact)
export class AgreementContactResolver {
  @FieldResolver(() => Person)
  person(@Root() contact: AgreementContact, @Ctx() ctx: Context) {
    return ctx.loaders.person.load(contact.personId);
  }
}

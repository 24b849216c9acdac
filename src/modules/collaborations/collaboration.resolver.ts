import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertValidInput } from '../../validation/input-rules';
import { Context } from '../../app/context';
import { mutationPayload } from '../../graphql/errors';
import { DeleteInput, deleteInputType, deletePayloadType, payloadType } from '../../graphql/mutation-types';
import { ConnectionArgs, connectionType } from '../../graphql/pagination';
import { Agreement } from '../agreements/agreement.entity';
import { Role } from '../auth/api-token.entity';
import { Person } from '../people/person.entity';
import { Topic } from '../topics/topic.entity';
import { Unit } from '../units/unit.entity';
import { Collaboration, CollaborationFunding, CollaborationPerson, CollaborationUnit } from './collaboration.entity';
import {
  CollaborationCreateInput,
  CollaborationFilter,
  CollaborationMergeInput,
  CollaborationOrder,
  CollaborationPersonAddInput,
  CollaborationPersonChangeInput,
  CollaborationPersonRemoveInput,
  CollaborationTopicAddInput,
  CollaborationTopicChangeInput,
  CollaborationTopicRemoveInput,
  CollaborationUnitAddInput,
  CollaborationUnitChangeInput,
  CollaborationUnitRemoveInput,
  CollaborationUpdateInput,
} from './collaboration.inputs';

export const CollaborationConnection = connectionType(Collaboration, 'Collaboration');
const CollaborationCreatePayload = payloadType('CollaborationCreatePayload', 'collaboration', Collaboration);
const CollaborationUpdatePayload = payloadType('CollaborationUpdatePayload', 'collaboration', Collaboration);
const CollaborationDeletePayload = deletePayloadType('CollaborationDeletePayload');
const CollaborationMergePayload = payloadType('CollaborationMergePayload', 'collaboration', Collaboration);
const CollaborationDeleteInput = deleteInputType('CollaborationDeleteInput');
const CollaborationUnitAddPayload = payloadType('CollaborationUnitAddPayload', 'collaboration', Collaboration);
const CollaborationUnitRemovePayload = payloadType('CollaborationUnitRemovePayload', 'collaboration', Collaboration);
const CollaborationPersonAddPayload = payloadType('CollaborationPersonAddPayload', 'collaboration', Collaboration);
const CollaborationPersonRemovePayload = payloadType('CollaborationPersonRemovePayload', 'collaboration', Collaboration);
const CollaborationTopicAddPayload = payloadType('CollaborationTopicAddPayload', 'collaboration', Collaboration);
const CollaborationTopicRemovePayload = payloadType('CollaborationTopicRemovePayload', 'collaboration', Collaboration);

@Resolver(() => Collaboration)
export class CollaborationResolver {
  @Query(() => Collaboration, { nullable: true, description: 'One collaboration by global id or key.' })
  collaboration(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('key', () => String, { nullable: true }) key?: string,
  ) {
    return ctx.services.collaborations.lookup(id, key, ctx.readPlan);
  }

  @Query(() => CollaborationConnection, {
    description: 'Collaborations matching every condition of the filter, a page at a time. "Who already works with bydel X on Y?" starts here.',
  })
  collaborations(
    @Ctx() ctx: Context,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => CollaborationFilter, { nullable: true }) filter?: CollaborationFilter,
    @Arg('orderBy', () => CollaborationOrder, { nullable: true }) orderBy?: CollaborationOrder,
  ) {
    return ctx.services.collaborations.list(filter, page, orderBy, ctx.loaders.collaboration);
  }

  @FieldResolver(() => [CollaborationUnit], { description: 'Units taking part, with their roles.' })
  units(@Root() c: Collaboration, @Ctx() ctx: Context) {
    return ctx.loaders.unitsByCollaboration.load(c.id);
  }

  @FieldResolver(() => [CollaborationPerson], { description: 'People taking part, with their roles.' })
  people(@Root() c: Collaboration, @Ctx() ctx: Context) {
    return ctx.loaders.peopleByCollaboration.load(c.id);
  }

  @FieldResolver(() => [Topic], { description: 'Topics the collaboration is tagged with.' })
  async topics(@Root() c: Collaboration, @Ctx() ctx: Context) {
    return (await ctx.loaders.topicsByCollaboration.load(c.id)).map((r) => r.topicRelation!);
  }

  @FieldResolver(() => [CollaborationFunding])
  funding(@Root() c: Collaboration, @Ctx() ctx: Context) {
    return ctx.loaders.fundingByCollaboration.load(c.id);
  }

  @FieldResolver(() => Agreement, { nullable: true, description: 'The agreement it runs under.' })
  agreement(@Root() c: Collaboration, @Ctx() ctx: Context) {
    return c.agreementId === null ? null : ctx.loaders.agreement.load(c.agreementId);
  }

  @FieldResolver(() => Collaboration, { nullable: true, description: 'The collaboration this one is part of.' })
  parent(@Root() c: Collaboration, @Ctx() ctx: Context) {
    return c.parentId === null ? null : ctx.loaders.collaboration.load(c.parentId);
  }

  @FieldResolver(() => [Collaboration], { description: 'Collaborations that are part of this one.' })
  children(@Root() c: Collaboration, @Ctx() ctx: Context) {
    return ctx.loaders.subCollaborations.load(c.id);
  }

  @Mutation(() => CollaborationCreatePayload)
  collaborationCreate(@Arg('input', () => CollaborationCreateInput) input: CollaborationCreateInput, @Ctx() ctx: Context) {
    return mutationPayload(async () => {
      await ctx.access.collaborationWrite(null, (input.units ?? []).map((u) => u.unit));
      await assertValidInput(input);
      return ctx.services.collaborations.create(input);
    });
  }

  @Mutation(() => CollaborationUpdatePayload)
  collaborationUpdate(@Arg('input', () => CollaborationUpdateInput) input: CollaborationUpdateInput, @Ctx() ctx: Context) {
    return mutationPayload(async () => {
      await ctx.access.collaborationWrite(input.id, input.units?.map((u) => u.unit));
      await assertValidInput(input);
      return ctx.services.collaborations.update(input);
    });
  }

  @Mutation(() => CollaborationDeletePayload, { description: 'Deletes a collaboration with no sub-collaborations.' })
  collaborationDelete(@Arg('input', () => CollaborationDeleteInput) input: DeleteInput, @Ctx() ctx: Context) {
    return mutationPayload(async () => {
      await ctx.access.collaborationWrite(input.id, undefined);
      await assertValidInput(input);
      return ctx.services.collaborations.delete(input);
    });
  }

  @Mutation(() => CollaborationMergePayload, {
    description:
      'Merges a collaboration registered twice into the one to keep (COORDINATOR): participants, topics, funding, links, keywords, sub-collaborations and overlap and duplicate reviews move to it; the other is deleted, and its key and global id lead to the kept one. recordRestore on the removed one undoes the merge.',
  })
  collaborationMerge(@Arg('input', () => CollaborationMergeInput) input: CollaborationMergeInput, @Ctx() ctx: Context) {
    return mutationPayload(async () => {
      ctx.access.require(Role.COORDINATOR, 'Merging collaborations');
      await assertValidInput(input);
      return ctx.services.collaborations.merge(input);
    });
  }

  @Mutation(() => CollaborationUnitAddPayload, { description: 'Adds a participating unit in a role.' })
  collaborationUnitAdd(@Arg('input', () => CollaborationUnitAddInput) input: CollaborationUnitChangeInput, @Ctx() ctx: Context) {
    return mutationPayload(async () => {
      await ctx.access.collaborationWrite(input.id, undefined);
      await assertValidInput(input);
      return ctx.services.collaborations.addUnit(input);
    });
  }

  @Mutation(() => CollaborationUnitRemovePayload, { description: 'Removes a participating unit (in one role, or all).' })
  collaborationUnitRemove(@Arg('input', () => CollaborationUnitRemoveInput) input: CollaborationUnitChangeInput, @Ctx() ctx: Context) {
    return mutationPayload(async () => {
      await ctx.access.collaborationWrite(input.id, undefined);
      await assertValidInput(input);
      return ctx.services.collaborations.removeUnit(input);
    });
  }

  @Mutation(() => CollaborationPersonAddPayload, { description: 'Adds a person in a role.' })
  collaborationPersonAdd(@Arg('input', () => CollaborationPersonAddInput) input: CollaborationPersonChangeInput, @Ctx() ctx: Context) {
    return mutationPayload(async () => {
      await ctx.access.collaborationWrite(input.id, undefined);
      await assertValidInput(input);
      return ctx.services.collaborations.addPerson(input);
    });
  }

  @Mutation(() => CollaborationPersonRemovePayload, { description: 'Removes a person (in one role, or all).' })
  collaborationPersonRemove(@Arg('input', () => CollaborationPersonRemoveInput) input: CollaborationPersonChangeInput, @Ctx() ctx: Context) {
    return mutationPayload(async () => {
      await ctx.access.collaborationWrite(input.id, undefined);
      await assertValidInput(input);
      return ctx.services.collaborations.removePerson(input);
    });
  }

  @Mutation(() => CollaborationTopicAddPayload, { description: 'Tags the collaboration with a topic.' })
  collaborationTopicAdd(@Arg('input', () => CollaborationTopicAddInput) input: CollaborationTopicChangeInput, @Ctx() ctx: Context) {
    return mutationPayload(async () => {
      await ctx.access.collaborationWrite(input.id, undefined);
      await assertValidInput(input);
      return ctx.services.collaborations.addTopic(input);
    });
  }

  @Mutation(() => CollaborationTopicRemovePayload, { description: 'Removes a topic tag.' })
  collaborationTopicRemove(@Arg('input', () => CollaborationTopicRemoveInput) input: CollaborationTopicChangeInput, @Ctx() ctx: Context) {
    return mutationPayload(async () => {
      await ctx.access.collaborationWrite(input.id, undefined);
      await assertValidInput(input);
      return ctx.services.collaborations.removeTopic(input);
    });
  }
}

@Resolver(() => CollaborationUnit)
export class CollaborationUnitResolver {
  @FieldResolver(() => Unit)
  unit(@Root() row: CollaborationUnit, @Ctx() ctx: Context) {
    return row.unitRelation ?? ctx.loaders.unit.load(row.unitId);
  }
}

@Resolver(() => CollaborationPerson)
export class CollaborationPersonResolver {
  @FieldResolver(() => Person)
  person(@Root() row: CollaborationPerson, @Ctx() ctx: Context) {
    return row.personRelation ?? ctx.loaders.person.load(row.personId);
  }
}

@Resolver(() => CollaborationFunding)
export class CollaborationFundingResolver {
  @FieldResolver(() => Unit, { nullable: true, description: 'The funding unit, when it is in the registry.' })
  source(@Root() row: CollaborationFunding, @Ctx() ctx: Context) {
    return row.sourceId === null ? null : ctx.loaders.unit.load(row.sourceId);
  }
}

/** The nested `collaborations` connections: the same filter and pagination, scoped to the parent record. */
@Resolver(() => Unit)
export class UnitCollaborationsResolver {
  @FieldResolver(() => CollaborationConnection, { description: 'Collaborations this unit (and, by default, its subunits) takes part in.' })
  collaborations(
    @Root() unit: Unit,
    @Ctx() ctx: Context,
    @Args() page: ConnectionArgs,
    @Arg('includeSubunits', { defaultValue: true }) includeSubunits: boolean,
    @Arg('filter', () => CollaborationFilter, { nullable: true }) filter?: CollaborationFilter,
    @Arg('orderBy', () => CollaborationOrder, { nullable: true }) orderBy?: CollaborationOrder,
  ) {
    return ctx.services.collaborations.list({ ...filter, unit: unit.globalId, includeSubunits } as CollaborationFilter, page, orderBy, ctx.loaders.collaboration);
  }
}

@Resolver(() => Person)
export class PersonCollaborationsResolver {
  @FieldResolver(() => CollaborationConnection, { description: 'Collaborations this person takes part in.' })
  collaborations(
    @Root() person: Person,
    @Ctx() ctx: Context,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => CollaborationFilter, { nullable: true }) filter?: CollaborationFilter,
    @Arg('orderBy', () => CollaborationOrder, { nullable: true }) orderBy?: CollaborationOrder,
  ) {
    return ctx.services.collaborations.list({ ...filter, person: person.globalId } as CollaborationFilter, page, orderBy, ctx.loaders.collaboration);
  }
}

@Resolver(() => Agreement)
export class AgreementCollaborationsResolver {
  @FieldResolver(() => CollaborationConnection, { description: 'Collaborations running under this agreement.' })
  collaborations(
    @Root() agreement: Agreement,
    @Ctx() ctx: Context,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => CollaborationFilter, { nullable: true }) filter?: CollaborationFilter,
    @Arg('orderBy', () => CollaborationOrder, { nullable: true }) orderBy?: CollaborationOrder,
  ) {
    return ctx.services.collaborations.list({ ...filter, agreement: agreement.globalId } as CollaborationFilter, page, orderBy, ctx.loaders.collaboration);
  }
}

@Resolver(() => Topic)
export class TopicCollaborationsResolver {
  @FieldResolver(() => CollaborationConnection, { description: 'Collaborations tagged with this topic (and, by default, narrower ones).' })
  collaborations(
    @Root() topic: Topic,
    @Ctx() ctx: Context,
    @Args() page: ConnectionArgs,
    @Arg('includeNarrower', { defaultValue: true }) includeNarrower: boolean,
    @Arg('filter', () => CollaborationFilter, { nullable: true }) filter?: CollaborationFilter,
    @Arg('orderBy', () => CollaborationOrder, { nullable: true }) orderBy?: CollaborationOrder,
  ) {
    return ctx.services.collaborations.list({ ...filter, topic: topic.globalId, includeNarrower } as CollaborationFilter, page, orderBy, ctx.loaders.collaboration);
  }
}

import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertValidInput } from '../../validation/input-rules';
import { Context } from '../../app/context';
import { Role } from '../auth/api-token.entity';
import { mutationPayload } from '../../graphql/errors';
import { deleteInputType, DeleteInput, deletePayloadType, payloadType } from '../../graphql/mutation-types';
import { ConnectionArgs, connectionType } from '../../graphql/pagination';
import { ancestorsOf } from '../../graphql/tree';
import { Topic } from './topic.entity';
import { TopicCreateInput, TopicFilter, TopicOrder, TopicUpdateInput } from './topic.inputs';

export const TopicConnection = connectionType(Topic, 'Topic');
const TopicCreatePayload = payloadType('TopicCreatePayload', 'topic', Topic);
const TopicUpdatePayload = payloadType('TopicUpdatePayload', 'topic', Topic);
const TopicDeletePayload = deletePayloadType('TopicDeletePayload');
const TopicDeleteInput = deleteInputType('TopicDeleteInput');

@Resolver(() => Topic)
export class TopicResolver {
  @Query(() => Topic, { nullable: true, description: 'One topic by global id or key.' })
  topic(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('key', () => String, { nullable: true }) key?: string,
  ) {
    return ctx.services.topics.lookup(id, key, ctx.readPlan);
  }

  @Query(() => TopicConnection, { description: 'Topics, a page at a time.' })
  topics(
    @Ctx() ctx: Context,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => TopicFilter, { nullable: true }) filter?: TopicFilter,
    @Arg('orderBy', () => TopicOrder, { nullable: true }) orderBy?: TopicOrder,
  ) {
    return ctx.services.topics.list(filter, page, orderBy, ctx.loaders.topic);
  }

  @FieldResolver(() => Topic, { nullable: true, description: 'The broader topic one level up (snapshot `parent`).' })
  parent(@Root() topic: Topic, @Ctx() ctx: Context) {
    return topic.parentId === null ? null : ctx.loaders.topic.load(topic.parentId);
  }

  @FieldResolver(() => [Topic], { description: 'All broader topics, nearest first.' })
  broader(@Root() topic: Topic, @Ctx() ctx: Context) {
    return ancestorsOf(topic, ctx.loaders.topic);
  }

  @FieldResolver(() => [Topic], { description: 'The topics one level narrower.' })
  narrower(@Root() topic: Topic, @Ctx() ctx: Context) {
    return ctx.loaders.topicChildren.load(topic.id);
  }

  @Mutation(() => TopicCreatePayload)
  topicCreate(@Arg('input', () => TopicCreateInput) input: TopicCreateInput, @Ctx() ctx: Context) {
    return mutationPayload(async () => {
      ctx.access.require(Role.COORDINATOR, 'Changing topics');
      await assertValidInput(input);
      return ctx.services.topics.create(input);
    });
  }

  @Mutation(() => TopicUpdatePayload)
  topicUpdate(@Arg('input', () => TopicUpdateInput) input: TopicUpdateInput, @Ctx() ctx: Context) {
    return mutationPayload(async () => {
      ctx.access.require(Role.COORDINATOR, 'Changing topics');
      await assertValidInput(input);
      return ctx.services.topics.update(input);
    });
  }

  @Mutation(() => TopicDeletePayload, { description: 'Deletes a topic that nothing refers to any more.' })
  topicDelete(@Arg('input', () => TopicDeleteInput) input: DeleteInput, @Ctx() ctx: Context) {
    return mutationPayload(async () => {
      ctx.access.require(Role.COORDINATOR, 'Changing topics');
      await assertValidInput(input);
      return ctx.services.topics.delete(input);
    });
  }
}

import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../app/context';
import { mutationPayload } from '../../graphql/errors';
import { payloadType } from '../../graphql/mutation-types';
import { ConnectionArgs, connectionType, paginateList } from '../../graphql/pagination';
import { assertValidInput } from '../../validation/input-rules';
import { Role } from '../auth/api-token.entity';
import { actorName } from '../auth/principal';
import { Collaboration } from '../collaborations/collaboration.entity';
import { DuplicatePair } from './duplicate-detector';
import { DuplicateReview } from './duplicate-review.entity';
import { DuplicateCandidateType, DuplicateFilterInput, DuplicateReasonType, DuplicateReviewInput } from './duplicates.types';

const DuplicateCandidateConnection = connectionType(DuplicateCandidateType, 'DuplicateCandidate');
const DuplicateReviewPayload = payloadType('DuplicateReviewPayload', 'review', DuplicateReview);

@Resolver()
export class DuplicatesResolver {
  @Query(() => DuplicateCandidateConnection, {
    description: 'Pairs of collaborations that are probably one activity registered twice, most certain first (default minScore 0.7).',
  })
  async duplicateCandidates(
    @Ctx() ctx: Context,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => DuplicateFilterInput, { nullable: true }) filter?: DuplicateFilterInput,
  ) {
    return paginateList(await ctx.services.duplicates.candidates(filter ?? {}), page, (p) => `${p.a}:${p.b}`);
  }

  @Mutation(() => DuplicateReviewPayload, { description: 'Records a decision on a duplicate candidate: NOT_DUPLICATE keeps the pair quiet; DUPLICATE marks it for merging.' })
  duplicateReview(@Arg('input', () => DuplicateReviewInput) input: DuplicateReviewInput, @Ctx() ctx: Context) {
    return mutationPayload(async () => {
      ctx.access.require(Role.COORDINATOR, 'Reviewing duplicates');
      await assertValidInput(input);
      return ctx.services.duplicates.review(input, actorName(ctx.access.principal));
    });
  }
}

@Resolver(() => DuplicateCandidateType)
export class DuplicateCandidateFieldsResolver {
  @FieldResolver(() => Collaboration, { description: 'One collaboration of the pair (the one registered first).' })
  a(@Root() p: DuplicatePair, @Ctx() ctx: Context) {
    return ctx.loaders.collaboration.load(p.a);
  }

  @FieldResolver(() => Collaboration, { description: 'The other collaboration of the pair.' })
  b(@Root() p: DuplicatePair, @Ctx() ctx: Context) {
    return ctx.loaders.collaboration.load(p.b);
  }

  @FieldResolver(() => [DuplicateReasonType], { description: 'Why, one line of evidence each.' })
  reasons(@Root() p: DuplicatePair, @Ctx() ctx: Context): DuplicateReasonType[] {
    return p.reasons.map((reason) => ({ code: reason.code, message: reason.message[ctx.language] }));
  }

  @FieldResolver(() => DuplicateReview, { nullable: true, description: "A reviewer's decision on the pair, if any." })
  review(@Root() p: DuplicatePair, @Ctx() ctx: Context) {
    return ctx.services.duplicates.reviewOf(p);
  }
}

import { Arg, Args, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertValidInput } from '../../validation/input-rules';
import { Context } from '../../app/context';
import { Role } from '../auth/api-token.entity';
import { actorName, forbidden } from '../auth/principal';
import { mutationPayload } from '../../graphql/errors';
import { payloadType } from '../../graphql/mutation-types';
import { ConnectionArgs, connectionType, paginateList } from '../../graphql/pagination';
import { DateScalar } from '../../graphql/scalars';
import { Collaboration } from '../collaborations/collaboration.entity';
import { Person } from '../people/person.entity';
import { Topic } from '../topics/topic.entity';
import { Unit } from '../units/unit.entity';
import { ClusterContact as Contact, DEFAULT_MIN_SCORE, GapEntry, MAX_NAMED_TOPICS, Overlap, OverlapCluster, WhoWorksWithAnswer } from './analysis.service';
import {
  AnalysisStatusType,
  ClusterContact,
  CollaborationMatch,
  CoordinationGapFilter,
  CoordinationGapType,
  OverlapClusterType,
  OverlapFilterInput,
  OverlapReasonType,
  OverlapReviewInput,
  OverlapType,
  PersonMatch,
  SimilarTopic,
  UnitMatch,
  WhoWorksWith,
} from './analysis.types';
import { Gap } from './gaps';
import { OverlapReview } from './overlap-review.entity';

const OverlapConnection = connectionType(OverlapType, 'Overlap');
const OverlapClusterConnection = connectionType(OverlapClusterType, 'OverlapCluster');
const CoordinationGapConnection = connectionType(CoordinationGapType, 'CoordinationGap');
const OverlapReviewPayload = payloadType('OverlapReviewPayload', 'review', OverlapReview);

type GapRow = { collaborationId: number; codes: Gap['code'][]; messages: string[] };
const gapRow = (e: GapEntry): GapRow => ({ collaborationId: e.collaborationId, codes: e.gaps.map((g) => g.code), messages: e.gaps.map((g) => g.message) });
const loadAll = <T>(ctx: Context, loader: 'unit' | 'topic' | 'collaboration', ids: number[]) =>
  Promise.all(ids.map((id) => ctx.loaders[loader].load(id))) as Promise<T[]>;

@Resolver()
export class AnalysisResolver {
  @Query(() => OverlapConnection, {
    description: `Pairs of collaborations that overlap without knowing of each other, strongest first (default minScore ${DEFAULT_MIN_SCORE}).`,
  })
  async overlapReport(
    @Ctx() ctx: Context,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => OverlapFilterInput, { nullable: true }) filter?: OverlapFilterInput,
  ) {
    return ctx.services.analysis.overlapPage(filter ?? {}, page);
  }

  @Query(() => AnalysisStatusType, { description: 'The state of the overlap analysis: when it was built, what it holds, whether a rebuild runs.' })
  analysisStatus(@Ctx() ctx: Context) {
    return ctx.services.analysis.status();
  }

  @Query(() => OverlapClusterConnection, { description: 'Groups of collaborations linked by flagged overlaps, largest and strongest first.' })
  async overlapClusters(
    @Ctx() ctx: Context,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => OverlapFilterInput, { nullable: true }) filter?: OverlapFilterInput,
  ) {
    // A cluster is named by its first member: each collaboration is in one cluster at most.
    return paginateList(await ctx.services.analysis.clusters(filter ?? {}), page, (c) => String(c.collaborationIds[0]));
  }

  @Query(() => CoordinationGapConnection, { description: 'Planned and active collaborations with coordination gaps, in key order.' })
  async coordinationGaps(
    @Ctx() ctx: Context,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => CoordinationGapFilter, { nullable: true }) filter?: CoordinationGapFilter,
  ) {
    return ctx.services.analysis.gapPage(filter ?? {}, page, gapRow, ctx.language);
  }

  @Query(() => WhoWorksWith, { description: 'Who already works with this unit (and its subunits) on this topic: people, units and collaborations, ranked.' })
  whoWorksWith(
    @Ctx() ctx: Context,
    @Arg('unit', () => ID, { description: 'The unit (global id or key).' }) unit: string,
    @Arg('topic', () => String, { description: 'A topic by id or key (narrower topics included), or free text.' }) topic: string,
    @Arg('activeOn', () => DateScalar, { nullable: true, description: 'Only collaborations running on this date.' }) activeOn: string | null,
    @Arg('limit', () => Int, { defaultValue: 50, description: 'Most entries per list (at most 500).' }) limit: number,
  ) {
    return ctx.services.analysis.whoWorksWith(unit, topic, activeOn, limit, ctx.language);
  }

  @Mutation(() => OverlapReviewPayload, { description: 'Records a decision on a pair: KNOWN and NOT_OVERLAP take it out of the default report; CONFIRMED keeps it, marked.' })
  overlapReview(@Arg('input', () => OverlapReviewInput) input: OverlapReviewInput, @Ctx() ctx: Context) {
    return mutationPayload(async () => {
      ctx.access.require(Role.COORDINATOR, 'Reviewing overlaps');
      await assertValidInput(input);
      return ctx.services.analysis.review(input, actorName(ctx.access.principal));
    });
  }
}

@Resolver(() => OverlapType)
export class OverlapFieldsResolver {
  @FieldResolver(() => Collaboration, { description: 'One collaboration of the pair.' })
  a(@Root() o: Overlap, @Ctx() ctx: Context) {
    return ctx.loaders.collaboration.load(o.a);
  }

  @FieldResolver(() => Collaboration, { description: 'The other collaboration of the pair.' })
  b(@Root() o: Overlap, @Ctx() ctx: Context) {
    return ctx.loaders.collaboration.load(o.b);
  }

  @FieldResolver(() => Topic, { nullable: true, description: 'The subject both are about, as inferred from their text and tags.' })
  subject(@Root() o: Overlap, @Ctx() ctx: Context) {
    return ctx.loaders.topic.load(o.topicId);
  }

  @FieldResolver(() => [Unit], { description: 'The municipal units they share, or the inner unit where one lies inside the other.' })
  sharedUnits(@Root() o: Overlap, @Ctx() ctx: Context) {
    return loadAll<Unit>(ctx, 'unit', o.sharedUnitIds);
  }

  @FieldResolver(() => [OverlapReasonType], { description: 'Why the pair was flagged, one reason per line of evidence.' })
  reasons(@Root() o: Overlap, @Ctx() ctx: Context) {
    return ctx.services.analysis.explain(o, ctx.language);
  }

  @FieldResolver(() => OverlapReview, { nullable: true, description: "A reviewer's decision on the pair, if any." })
  review(@Root() o: Overlap, @Ctx() ctx: Context) {
    return ctx.services.analysis.reviewOf(o);
  }

  @FieldResolver(() => [Topic], { description: 'Topic tags both carry.' })
  sharedTopics(@Root() o: Overlap, @Ctx() ctx: Context) {
    return loadAll<Topic>(ctx, 'topic', o.sharedTopicIds);
  }
}

@Resolver(() => OverlapClusterType)
export class OverlapClusterFieldsResolver {
  @FieldResolver(() => Int, { description: 'How many collaborations the group holds.' })
  size(@Root() c: OverlapCluster) {
    return c.collaborationIds.length;
  }

  @FieldResolver(() => [Collaboration])
  collaborations(@Root() c: OverlapCluster, @Ctx() ctx: Context) {
    return loadAll<Collaboration>(ctx, 'collaboration', c.collaborationIds);
  }

  @FieldResolver(() => [OverlapType], { description: 'The flagged pairs that link the group.' })
  overlaps(@Root() c: OverlapCluster) {
    return c.pairs();
  }

  @FieldResolver(() => [Unit], { description: 'The municipal ground the group shares.' })
  async sharedUnits(@Root() c: OverlapCluster, @Ctx() ctx: Context) {
    return loadAll<Unit>(ctx, 'unit', [...new Set((await c.pairs()).flatMap((p) => p.sharedUnitIds))]);
  }

  @FieldResolver(() => [Topic], { description: 'The subjects the group works on.' })
  async topics(@Root() c: OverlapCluster, @Ctx() ctx: Context) {
    return loadAll<Topic>(ctx, 'topic', [...new Set((await c.pairs()).map((p) => p.topicId))]);
  }

  @FieldResolver(() => [ClusterContact], { nullable: true, description: 'Project leaders and contacts of each collaboration in the group (null, with a FORBIDDEN error, for anonymous callers).' })
  contacts(@Root() c: OverlapCluster, @Ctx() ctx: Context) {
    if (!ctx.access.mayReadPersonal) throw forbidden('Reports that name people need an API token.');
    return ctx.services.analysis.contactsOf(c);
  }
}

@Resolver(() => ClusterContact)
export class ClusterContactResolver {
  @FieldResolver(() => Person)
  person(@Root() c: Contact, @Ctx() ctx: Context) {
    return ctx.loaders.person.load(c.personId);
  }

  @FieldResolver(() => Collaboration, { description: 'The collaboration they lead or are contact for.' })
  collaboration(@Root() c: Contact, @Ctx() ctx: Context) {
    return ctx.loaders.collaboration.load(c.collaborationId);
  }
}

@Resolver(() => CoordinationGapType)
export class CoordinationGapFieldsResolver {
  @FieldResolver(() => Collaboration)
  collaboration(@Root() row: GapRow, @Ctx() ctx: Context) {
    return ctx.loaders.collaboration.load(row.collaborationId);
  }
}

@Resolver(() => Collaboration)
export class CollaborationAnalysisResolver {
  @FieldResolver(() => [OverlapType], { description: 'Flagged overlaps of this collaboration, strongest first (reviewed-away pairs left out).' })
  overlaps(
    @Root() c: Collaboration,
    @Ctx() ctx: Context,
    @Arg('minScore', () => Float, { defaultValue: DEFAULT_MIN_SCORE }) minScore: number,
  ) {
    return ctx.services.analysis.overlapsOf(c.id, minScore);
  }

  @FieldResolver(() => CoordinationGapType, { description: 'Coordination gaps of this collaboration (empty unless planned or active).' })
  async gaps(@Root() c: Collaboration, @Ctx() ctx: Context) {
    return gapRow({ collaborationId: c.id, gaps: await ctx.services.analysis.gapsOfCollaboration(c.id, ctx.language) });
  }
}

type MatchRow = WhoWorksWithAnswer['people'][number] | WhoWorksWithAnswer['units'][number];

@Resolver(() => WhoWorksWith)
export class WhoWorksWithFieldsResolver {
  @FieldResolver(() => [Topic], {
    description: `The topics \`topic\` was taken to mean: the one its id or key names, or those whose label or synonyms hold one of its words (at most ${MAX_NAMED_TOPICS}, in label order). Empty when its words match no topic: then the collaborations' own texts were searched for every word, so a misspelt topic is seen here rather than taken for "nobody".`,
  })
  topics(@Root() answer: WhoWorksWithAnswer, @Ctx() ctx: Context) {
    return loadAll<Topic>(ctx, 'topic', answer.topicIds);
  }

  @FieldResolver(() => [SimilarTopic], {
    description: `For a topic given by id or key: other topics whose labels share at least two words with its label (one when either label has only one; a word and its inflected form, such as "psykisk" and "psykiske", count as one word), neither above nor below it in the taxonomy (of two such topics where one is below the other, only the upper), on which the unit has collaborations; most collaborations first. A taxonomy files a piece of work in one place: a coordinator who finds nothing on a topic sees where similar work is filed. Empty for free text, whose words already match every topic that holds one of them.`,
  })
  similarTopics(@Root() answer: WhoWorksWithAnswer) {
    return answer.similarTopics;
  }

  @FieldResolver(() => [PersonMatch], { nullable: true, description: 'People who work with the unit on the topic (null, with a FORBIDDEN error, for anonymous callers).' })
  people(@Root() answer: WhoWorksWithAnswer, @Ctx() ctx: Context) {
    if (!ctx.access.mayReadPersonal) throw forbidden('Reports that name people need an API token.');
    return answer.people;
  }
}

@Resolver(() => SimilarTopic)
export class SimilarTopicResolver {
  @FieldResolver(() => Topic, { description: 'The similar topic: ask whoWorksWith about its key to see the collaborations.' })
  topic(@Root() similar: WhoWorksWithAnswer['similarTopics'][number], @Ctx() ctx: Context) {
    return ctx.loaders.topic.load(similar.topicId);
  }
}

@Resolver(() => PersonMatch)
export class PersonMatchResolver {
  @FieldResolver(() => Person)
  person(@Root() m: WhoWorksWithAnswer['people'][number], @Ctx() ctx: Context) {
    return ctx.loaders.person.load(m.personId);
  }

  @FieldResolver(() => [Collaboration])
  collaborations(@Root() m: MatchRow, @Ctx() ctx: Context) {
    return loadAll<Collaboration>(ctx, 'collaboration', m.collaborationIds);
  }
}

@Resolver(() => UnitMatch)
export class UnitMatchResolver {
  @FieldResolver(() => Unit)
  unit(@Root() m: WhoWorksWithAnswer['units'][number], @Ctx() ctx: Context) {
    return ctx.loaders.unit.load(m.unitId);
  }

  @FieldResolver(() => [Collaboration])
  collaborations(@Root() m: MatchRow, @Ctx() ctx: Context) {
    return loadAll<Collaboration>(ctx, 'collaboration', m.collaborationIds);
  }
}

@Resolver(() => CollaborationMatch)
export class CollaborationMatchResolver {
  @FieldResolver(() => Collaboration)
  collaboration(@Root() m: WhoWorksWithAnswer['collaborations'][number], @Ctx() ctx: Context) {
    return ctx.loaders.collaboration.load(m.collaborationId);
  }
}

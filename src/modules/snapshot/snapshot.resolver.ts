import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Ctx, Field, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Context } from '../../app/context';
import { Role } from '../auth/api-token.entity';
import { mutationPayload } from '../../graphql/errors';
import { OncePerRequest } from '../../graphql/limits';
import { UserError } from '../../graphql/errors';
import { ImportSummary, SectionCounts } from './snapshot.importer';

@ObjectType({ description: 'Records per type.' })
class RecordCounts implements SectionCounts {
  @Field(() => Int) topics!: number;
  @Field(() => Int) units!: number;
  @Field(() => Int) people!: number;
  @Field(() => Int) agreements!: number;
  @Field(() => Int) collaborations!: number;
}

@ObjectType({ description: 'What an import did.' })
class ImportRegistrySummary implements ImportSummary {
  @Field(() => RecordCounts, { description: 'Records that were new.' })
  created!: RecordCounts;

  @Field(() => RecordCounts, { description: 'Existing records (matched on key) whose content changed.' })
  updated!: RecordCounts;

  @Field(() => RecordCounts, { description: 'Existing records left exactly as they were.' })
  unchanged!: RecordCounts;
}

@ObjectType({ description: 'Result of importRegistry: the summary, or userErrors naming record and field (nothing was written).' })
class ImportRegistryPayload {
  @Field(() => ImportRegistrySummary, { name: 'summary', nullable: true, description: 'What was created, updated and left unchanged; null when there are userErrors.' })
  record!: ImportSummary | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@Resolver()
export class SnapshotResolver {
  @Mutation(() => ImportRegistryPayload, {
    description: 'Imports a snapshot (format "collaboration-registry", version 1): all or nothing, upsert on key, idempotent.',
  })
  importRegistry(@Arg('snapshot', () => GraphQLJSON) snapshot: unknown, @Ctx() ctx: Context) {
    return mutationPayload(() => {
      ctx.access.require(Role.ADMIN, 'Importing a snapshot');
      return ctx.services.snapshot.import(snapshot);
    });
  }

  @Query(() => GraphQLJSON, { description: 'The whole registry as a snapshot, which imports into an empty registry as the same records. One per request.' })
  @OncePerRequest()
  exportRegistry(@Ctx() ctx: Context) {
    ctx.access.require(Role.VIEWER, 'Exporting the registry (it holds personal data)');
    return ctx.services.snapshot.export();
  }
}

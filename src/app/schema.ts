import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import {
  AnalysisResolver,
  ClusterContactResolver,
  CollaborationAnalysisResolver,
  CollaborationMatchResolver,
  CoordinationGapFieldsResolver,
  OverlapClusterFieldsResolver,
  OverlapFieldsResolver,
  PersonMatchResolver,
  SimilarTopicResolver,
  UnitMatchResolver,
  WhoWorksWithFieldsResolver,
} from '../modules/analysis/analysis.resolver';
import { AuditResolver, historyResolvers } from '../modules/audit/audit.resolver';
import { ApiTokenFieldsResolver, AuthResolver } from '../modules/auth/auth.resolver';
import { RecordsResolver } from '../modules/lifecycle/lifecycle.resolver';
import { AgreementContactResolver, AgreementResolver } from '../modules/agreements/agreement.resolver';
import {
  AgreementCollaborationsResolver,
  CollaborationFundingResolver,
  CollaborationPersonResolver,
  CollaborationResolver,
  CollaborationUnitResolver,
  PersonCollaborationsResolver,
  TopicCollaborationsResolver,
  UnitCollaborationsResolver,
} from '../modules/collaborations/collaboration.resolver';
import { AffiliationResolver, PersonResolver } from '../modules/people/person.resolver';
import { SnapshotResolver } from '../modules/snapshot/snapshot.resolver';
import { DuplicateCandidateFieldsResolver, DuplicatesResolver } from '../modules/duplicates/duplicates.resolver';
import { SpreadsheetResolver } from '../modules/spreadsheets/spreadsheet.resolver';
import { TopicResolver } from '../modules/topics/topic.resolver';
import { UnitResolver } from '../modules/units/unit.resolver';
import { describeSchema } from '../graphql/descriptions';
import { useDirectResolvers, usePlainFieldResolvers } from '../graphql/direct-resolvers';
import { boundLists } from '../graphql/list-bounds';
import { LIST_SIZES } from './list-sizes';
import { NodeResolver } from '../graphql/node.resolver';

/** Every resolver class of the API. */
const RESOLVERS = [
  NodeResolver,
  TopicResolver,
  TopicCollaborationsResolver,
  UnitResolver,
  UnitCollaborationsResolver,
  PersonResolver,
  AffiliationResolver,
  PersonCollaborationsResolver,
  AgreementResolver,
  AgreementContactResolver,
  AgreementCollaborationsResolver,
  CollaborationResolver,
  CollaborationUnitResolver,
  CollaborationPersonResolver,
  CollaborationFundingResolver,
  SnapshotResolver,
  SpreadsheetResolver,
  DuplicatesResolver,
  DuplicateCandidateFieldsResolver,
  AnalysisResolver,
  OverlapFieldsResolver,
  OverlapClusterFieldsResolver,
  ClusterContactResolver,
  CoordinationGapFieldsResolver,
  CollaborationAnalysisResolver,
  PersonMatchResolver,
  SimilarTopicResolver,
  UnitMatchResolver,
  CollaborationMatchResolver,
  WhoWorksWithFieldsResolver,
  AuthResolver,
  ApiTokenFieldsResolver,
  AuditResolver,
  ...historyResolvers,
  RecordsResolver,
] as const;

/**
 * The schema from the decorated classes. `direct: false` keeps type-graphql's own resolver wrappers, for the test
 * that checks the direct calls answer as they do (src/graphql/direct-resolvers.ts).
 */
export async function buildRegistrySchema({ direct }: { direct: boolean }): Promise<GraphQLSchema> {
  const built = usePlainFieldResolvers(
    describeSchema(
      await buildSchema({
        resolvers: RESOLVERS,
        // Inputs are validated explicitly in resolvers so problems become userErrors on the payload.
        validate: false,
      }),
    ),
  );
  return boundLists(direct ? useDirectResolvers(built, RESOLVERS) : built, LIST_SIZES);
}

let cached: Promise<GraphQLSchema> | undefined;

/** The schema, built once per process. */
export function getSchema(): Promise<GraphQLSchema> {
  cached ??= buildRegistrySchema({ direct: true });
  return cached;
}

/** The SDL committed as schema.graphql: sorted, so the file only changes when the API does. */
export async function printedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}

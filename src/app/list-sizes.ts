import { ListSizes } from '../graphql/list-bounds';
import { AGREEMENT_LISTS } from '../modules/agreements/agreement.inputs';
import { GapCode } from '../modules/analysis/gaps';
import { MAX_NAMED_TOPICS, MAX_SIMILAR_TOPICS } from '../modules/analysis/analysis.service';
import { Axis, PersonRole } from '../modules/collaborations/collaboration.enums';
import { COLLABORATION_LISTS } from '../modules/collaborations/collaboration.inputs';
import { MAX_AFFILIATIONS } from '../modules/people/person.inputs';
import { TABLE_LIMITS } from '../modules/spreadsheets/table-file';
import { MAX_POSSIBLE_DUPLICATES, MAX_TABLE_PROBLEMS } from '../modules/spreadsheets/table-import';
import { MAX_SYNONYMS } from '../modules/topics/topic.inputs';

/**
 * The most items each plain list field returns (lists that are not Relay connections). The cost limit multiplies
 * by these, and the resolvers return no more. Lists that inputs fill take the inputs' own maxima, so stored data
 * never exceeds them; lists computed from the data (tree children, analysis answers) are cut at their maximum.
 */
export const LIST_SIZES: ListSizes = {
  'Agreement.contacts': AGREEMENT_LISTS.contacts,
  'Agreement.focusTopics': AGREEMENT_LISTS.focusTopics,
  'Agreement.parties': AGREEMENT_LISTS.parties,
  'Agreement.subAgreements': 100,
  'ApiToken.unitScope': 100,
  'AuditEntry.changes': 100,
  'Collaboration.axes': Object.values(Axis).length,
  'Collaboration.children': 100,
  'Collaboration.funding': COLLABORATION_LISTS.funding,
  'Collaboration.keywords': COLLABORATION_LISTS.keywords,
  'Collaboration.links': COLLABORATION_LISTS.links,
  'Collaboration.overlaps': 20,
  'Collaboration.people': COLLABORATION_LISTS.people,
  'Collaboration.topics': COLLABORATION_LISTS.topics,
  'Collaboration.units': COLLABORATION_LISTS.units,
  'CollaborationMatch.reasons': 10,
  'CoordinationGap.codes': Object.values(GapCode).length,
  'CoordinationGap.messages': Object.values(GapCode).length,
  'DuplicateCandidate.reasons': 10,
  'Overlap.reasons': 10,
  'Overlap.sharedTopics': COLLABORATION_LISTS.topics,
  'Overlap.sharedUnits': COLLABORATION_LISTS.units,
  // Clusters are connected groups of overlaps and grow with the registry (the dev registry's largest: 64).
  'OverlapCluster.collaborations': 200,
  'OverlapCluster.contacts': 400,
  'OverlapCluster.overlaps': 400,
  'OverlapCluster.sharedUnits': COLLABORATION_LISTS.units,
  'OverlapCluster.topics': COLLABORATION_LISTS.topics,
  'Person.affiliations': MAX_AFFILIATIONS,
  'PersonMatch.collaborations': 20,
  'PersonMatch.roles': Object.values(PersonRole).length,
  'Query.apiTokens': 1000,
  'TableImportReport.columns': TABLE_LIMITS.columns,
  'TableImportReport.problems': MAX_TABLE_PROBLEMS,
  'TableImportReport.rows': TABLE_LIMITS.rows,
  'TableRowOutcome.fields': 30,
  'TableRowOutcome.possibleDuplicates': MAX_POSSIBLE_DUPLICATES,
  'Topic.broader': 20,
  'Topic.narrower': 100,
  'Topic.synonyms': MAX_SYNONYMS,
  'Unit.ancestors': 20,
  'Unit.children': 200,
  'UnitMatch.collaborations': 20,
  'WhoWorksWith.collaborations': 'page',
  'WhoWorksWith.topics': MAX_NAMED_TOPICS,
  'WhoWorksWith.similarTopics': MAX_SIMILAR_TOPICS,
  'WhoWorksWith.people': 'page',
  'WhoWorksWith.units': 'page',
  '*.userErrors': 100,
};

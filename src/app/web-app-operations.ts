/**
 * The operations the web app (web/src) sends, by name: anonymous coordinators send them, so they have their own
 * series in /metrics from the start (src/observability/metrics.ts). test/unit/web-app-operations.test.ts checks the
 * list against the web app's generated documents.
 */
export const WEB_APP_OPERATIONS: readonly string[] = [
  'AllTopics',
  'CollaborationPage',
  'DuplicatePage',
  'GapCountsByUnit',
  'GapOverview',
  'MergeDuplicate',
  'OverlapClusters',
  'Review',
  'ReviewDuplicate',
  'TableExport',
  'TableImport',
  'UnitPage',
  'UndoMerge',
  'UnitSearch',
  'WhoAmI',
  'WhoWorksWith',
];

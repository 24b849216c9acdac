import fs from 'node:fs';
import path from 'node:path';

/**
 * The in-browser GraphQL IDE (GraphiQL), served entirely from npm packages so it works without internet access.
 * Apollo's own landing page loads from a CDN and is disabled.
 */
// A Map, not an object: a name from the request line must not reach inherited members (`constructor`, `__proto__`).
const IDE_ASSETS = new Map<string, { pkg: string; file: string; type: string }>(Object.entries({
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
}));

const cache = new Map<string, Buffer>();

/** An IDE file from its npm package (found through package.json, since `exports` maps hide the UMD builds). */
export function readIdeAsset(name: string): { body: Buffer; type: string } | null {
  const asset = IDE_ASSETS.get(name);
  if (!asset) return null;
  let body = cache.get(name);
  if (!body) {
    body = fs.readFileSync(path.join(path.dirname(require.resolve(`${asset.pkg}/package.json`)), asset.file));
    cache.set(name, body);
  }
  return { body, type: asset.type };
}

/** Example operations shown as tabs: the coordinator's and the analyst's questions, and a change. */
export const EXAMPLE_OPERATIONS: { title: string; query: string; variables?: string }[] = [
  {
    title: 'Who works with a bydel on a topic?',
    query: `# A coordinator's question: who works (or worked) with this unit and its subunits on this subject? Newest first.
query WhoWorksWith($unit: ID!, $text: String) {
  collaborations(filter: { unit: $unit, text: $text }, first: 20, orderBy: { field: START_DATE, direction: DESC }) {
    totalCount
    nodes {
      key title kind status startDate endDate
      units { role unit { name kind } }
      people { role person { name email } }
      topics { label }
    }
  }
}`,
    variables: '{ "unit": "kommune-0301", "text": "språk" }',
  },
  {
    title: 'Collaborations on a topic in a period',
    query: `# An analyst's question: what ran on a topic (and narrower topics) during a period?
query ByTopic($topic: ID!, $from: Date, $to: Date, $after: String) {
  collaborations(filter: { topic: $topic, periodFrom: $from, periodTo: $to }, first: 100, after: $after,
                 orderBy: { field: START_DATE, direction: DESC }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { key title kind startDate endDate axes agreement { title } units { unit { name sector } } }
  }
}`,
    variables: '{ "topic": "helse", "from": "2020-01-01", "to": "2021-12-31" }',
  },
  {
    title: 'A unit and its tree',
    query: `query Unit($key: String!) {
  unit(key: $key) {
    id name kind sector identifiers { municipalityNumber districtNumber orgNumber }
    ancestors { name }
    children { key name kind }
    collaborations(first: 5) { totalCount nodes { title } }
  }
}`,
    variables: '{ "key": "kommune-0301" }',
  },
  {
    title: 'Agreements in force',
    query: `query Agreements($on: Date) {
  agreements(filter: { validOn: $on }, first: 50) {
    totalCount
    nodes { key title kind anchoring validFrom validTo parties { name } focusTopics { label } subAgreements { title } }
  }
}`,
    variables: '{ "on": "2021-06-01" }',
  },
  {
    title: 'Register a collaboration',
    query: `mutation Create($input: CollaborationCreateInput!) {
  collaborationCreate(input: $input) {
    collaboration { id key version title units { role unit { name } } }
    userErrors { field code message }
  }
}`,
    variables: JSON.stringify(
      {
        input: {
          key: 'example-collaboration',
          title: 'Eksempel: samarbeid om språkutvikling',
          kind: 'WORKING_GROUP',
          startDate: '2026-01-01',
          units: [{ unit: 'kommune-0301', role: 'PARTNER' }],
        },
      },
      null,
      2,
    ),
  },
];

const escapeScript = (json: string) => json.replace(/</g, '\\u003c');

export function idePage(endpoint: string): string {
  const tabs = EXAMPLE_OPERATIONS.map((op) => ({ query: op.query, variables: op.variables }));
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>Collaboration registry – GraphQL IDE</title>
  <link rel="stylesheet" href="/ide/graphiql.css" />
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading the GraphQL IDE…</div>
  <script src="/ide/react.js"></script>
  <script src="/ide/react-dom.js"></script>
  <script src="/ide/graphiql.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)} });
    const tabs = ${escapeScript(JSON.stringify(tabs))};
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, {
        fetcher, defaultTabs: tabs, query: tabs[0].query, variables: tabs[0].variables,
        defaultEditorToolsVisibility: true, shouldPersistHeaders: false,
      })
    );
  </script>
</body>
</html>`;
}

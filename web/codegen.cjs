// GraphQL Code Generator: typed documents for the web app from the committed schema.graphql.
// CODEGEN_OUT lets `npm run codegen:check` generate into a temporary folder and compare.
const path = require('node:path');

const out = process.env.CODEGEN_OUT || path.join(__dirname, 'src', 'gql');

/** @type {import('@graphql-codegen/cli').CodegenConfig} */
module.exports = {
  schema: path.join(__dirname, '..', 'schema.graphql'),
  documents: [path.join(__dirname, 'src', '**', '*.{ts,tsx}'), `!${path.join(__dirname, 'src', 'gql', '**')}`],
  ignoreNoDocuments: false,
  silent: true,
  generates: {
    [`${out}/`]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: true,
        scalars: { Date: 'string', DateTimeISO: 'string', JSON: 'unknown', ID: 'string' },
      },
    },
  },
};

#!/usr/bin/env node
// Fails when web/src/gql (the web app's generated GraphQL client) differs from what schema.graphql and the app's
// documents generate now: regenerates into a temporary folder and compares file by file.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const committed = path.join(root, 'web', 'src', 'gql');
const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'codegen-'));
try {
  execFileSync(process.execPath, [path.join(root, 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js'), '--config', path.join(root, 'web', 'codegen.cjs')], {
    cwd: root,
    env: { ...process.env, CODEGEN_OUT: fresh },
    stdio: 'inherit',
  });
  const names = new Set([...fs.readdirSync(committed), ...fs.readdirSync(fresh)]);
  const stale = [...names].filter((name) => {
    const a = path.join(committed, name);
    const b = path.join(fresh, name);
    return !fs.existsSync(a) || !fs.existsSync(b) || fs.readFileSync(a, 'utf8') !== fs.readFileSync(b, 'utf8');
  });
  if (stale.length) {
    console.error(`codegen:check: web/src/gql is stale (${stale.join(', ')}); run \`npm run codegen\` and commit the result.`);
    process.exit(1);
  }
  console.log('codegen:check: web/src/gql matches schema.graphql and the app\'s documents');
} finally {
  fs.rmSync(fresh, { recursive: true, force: true });
}

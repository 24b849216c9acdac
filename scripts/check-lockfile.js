#!/usr/bin/env node
// Runs before `npm ci`, so plain JavaScript with no dependencies. A lock entry without a version makes the stock
// npm's `npm ci` stop with a bare "Invalid Version:", which names nothing; this check names the entries instead.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const file = path.resolve(process.argv[2] || 'package-lock.json');
let lock;
try {
  lock = JSON.parse(fs.readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`check-lockfile: cannot read ${file}: ${error.message}`);
  process.exit(1);
}

const problems = [];
if (lock.lockfileVersion !== 3) problems.push(`lockfileVersion is ${lock.lockfileVersion}, expected 3 (npm 11)`);
for (const [key, entry] of Object.entries(lock.packages || {})) {
  // "" is the project itself; links point at folders in the project and have neither field.
  if (key === '' || entry.link) continue;
  const missing = ['version', 'integrity'].filter((field) => !entry[field]);
  if (missing.length > 0) problems.push(`${key}: no ${missing.map((field) => `"${field}"`).join(' and no ')}`);
}

if (problems.length > 0) {
  console.error(`check-lockfile: ${path.basename(file)} has ${problems.length} broken entr${problems.length === 1 ? 'y' : 'ies'}:`);
  for (const problem of problems.slice(0, 50)) console.error(`  ${problem}`);
  if (problems.length > 50) console.error(`  … and ${problems.length - 50} more`);
  console.error('Regenerate it with the machine\'s own npm: remove the broken entries, then `npm install --package-lock-only --ignore-scripts`.');
  process.exit(1);
}
console.log(`check-lockfile: ${Object.keys(lock.packages || {}).length - 1} entries, each with a version and an integrity hash`);

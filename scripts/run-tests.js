#!/usr/bin/env node
/**
 * `npm test`: every suite, in two passes. Suites that time themselves (a hostile request answered within 100 ms
 * while /healthz keeps answering, the browser's click budget) run one at a time, after the others have run two at
 * a time: on a machine of two cores a neighbouring suite would make their timings measure the neighbour. Arguments
 * go to both passes (`npm test -- fuzz` runs the matching suites of each); `--outputFile=F` with `--json` writes
 * one report of both passes to F.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const timedSuites = require('../test/timed-suites.js');

const args = process.argv.slice(2);
const outputArg = args.find((a) => a.startsWith('--outputFile='));
const output = outputArg?.slice('--outputFile='.length);
const passthrough = args.filter((a) => a !== outputArg);
const jest = require.resolve('jest/bin/jest');

const passes = [
  { name: 'two at a time', flags: ['--maxWorkers=2'], env: { REGISTRY_TEST_PASS: 'untimed' } },
  // One worker, started afresh once it holds more than 300 MB: a heap grown by earlier suites pauses for a major
  // collection in the middle of a timing (a 70 ms refusal measured 480 ms once, in band after the browser suite).
  { name: 'timed suites, one at a time', flags: ['--maxWorkers=1', '--workerIdleMemoryLimit=300MB', `--testPathPatterns=${timedSuites}`], env: {} },
];

// Suites that start dist/ in a child process (the shutdown test, the CLI, the logger's exit tests) must test this
// source, not an older build.
const build = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit', cwd: path.join(__dirname, '..') });
if (build.status !== 0) process.exit(build.status ?? 1);

let status = 0;
const reports = [];
for (const [i, pass] of passes.entries()) {
  console.log(`\n== npm test, pass ${i + 1} of ${passes.length}: ${pass.name}`);
  const report = output ? `${output}.${i + 1}` : undefined;
  const run = spawnSync(process.execPath, [jest, ...pass.flags, '--passWithNoTests', ...passthrough, ...(report ? [`--outputFile=${report}`] : [])], {
    stdio: 'inherit',
    env: { ...process.env, ...pass.env },
    cwd: path.join(__dirname, '..'),
  });
  if (run.status !== 0) status = run.status ?? 1;
  if (report && fs.existsSync(report)) {
    reports.push(JSON.parse(fs.readFileSync(report, 'utf8')));
    fs.rmSync(report);
  }
}

if (output) {
  const sum = (key) => reports.reduce((total, r) => total + (r[key] ?? 0), 0);
  const counts = ['numTotalTests', 'numPassedTests', 'numFailedTests', 'numPendingTests', 'numTodoTests', 'numTotalTestSuites', 'numPassedTestSuites', 'numFailedTestSuites', 'numPendingTestSuites', 'numRuntimeErrorTestSuites'];
  const merged = { ...Object.fromEntries(counts.map((k) => [k, sum(k)])), success: reports.every((r) => r.success), testResults: reports.flatMap((r) => r.testResults) };
  fs.writeFileSync(output, JSON.stringify(merged));
}
process.exit(status);

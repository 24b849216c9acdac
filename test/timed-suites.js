/**
 * Suites that assert how long something takes: `npm test` (scripts/run-tests.js) runs them one at a time after the
 * rest, so no other suite shares the machine's cores with them. A pattern for Jest's --testPathPatterns.
 */
module.exports = '/test/browser/|/(bad-input|fan-out|fragments|fuzz|health-probe|large-bodies|path-traversal|search-input|statement-timeout|analysis-incremental|analysis-shared|table-import)\\.test\\.ts$';

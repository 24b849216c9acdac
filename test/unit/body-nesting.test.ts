import fc from 'fast-check';
import { bodyNestingProblem, MAX_VARIABLE_DEPTH, variableProblem } from '../../src/graphql/input-guard';

/**
 * The scan of a request body's text that refuses a variable nested too deep before JSON.parse builds it: it must
 * name the same variable, at the same depth, as the check of the parsed value does, whatever the strings and keys
 * around it hold (brackets, quotes, escapes).
 */

/** Strings made of the characters that could mislead a scan that counts brackets. */
const tricky = fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', '\\', ',', ':', 'a', 'ø', '\n', '\u2028'), maxLength: 6 });

/** A value wrapped in exactly `levels` arrays and objects, with tricky keys and siblings at every level. */
const nestedValue = (levels: fc.Arbitrary<number>) =>
  levels.chain((depth) =>
    fc
      .tuple(fc.array(fc.tuple(fc.boolean(), tricky, tricky), { minLength: depth, maxLength: depth }), fc.oneof(tricky, fc.integer(), fc.constant(null)))
      .map(([wrappers, leaf]) => ({
        depth,
        value: wrappers.reduceRight<unknown>((inner, [asObject, key, sibling]) => (asObject ? { [key]: inner, [`${key}x`]: sibling } : [sibling, inner]), leaf),
      })),
  );

const bodyText = (body: unknown, spaced: boolean) => (spaced ? JSON.stringify(body, null, 2) : JSON.stringify(body));

describe('bodyNestingProblem', () => {
  it('names the variable the check of the parsed value names, and passes every body that check passes', () => {
    fc.assert(
      fc.property(
        tricky,
        // GraphQL names no variable with the empty string.
        fc.array(fc.tuple(tricky.filter((name) => name !== ''), nestedValue(fc.integer({ min: 0, max: MAX_VARIABLE_DEPTH + 4 }))), { maxLength: 4 }),
        fc.boolean(),
        (query, variables, spaced) => {
          const body = { query, variables: Object.fromEntries(variables.map(([name, nested]) => [name, nested.value])), operationName: null };
          const text = bodyText(body, spaced);
          const expected = variableProblem((JSON.parse(text) as typeof body).variables);
          const found = bodyNestingProblem(text);
          expect(found && 'variable' in found ? { message: found.variable.message, problems: found.variable.problems } : found).toEqual(
            expected && { message: expected.message, problems: expected.problems },
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('refuses the body, naming no variable, when something else in it nests as deep', () => {
    fc.assert(
      fc.property(nestedValue(fc.integer({ min: MAX_VARIABLE_DEPTH + 1, max: MAX_VARIABLE_DEPTH + 8 })), fc.boolean(), (deep, spaced) => {
        const found = bodyNestingProblem(bodyText({ query: '{ __typename }', variables: {}, extensions: { x: deep.value } }, spaced));
        expect(found).toEqual({ body: `The request body is nested more than ${MAX_VARIABLE_DEPTH + 2} levels deep` });
      }),
      { numRuns: 200 },
    );
  });

  it('reads a variable name written with escapes as JSON.parse does', () => {
    const deep = `${'['.repeat(MAX_VARIABLE_DEPTH + 1)}${']'.repeat(MAX_VARIABLE_DEPTH + 1)}`;
    const found = bodyNestingProblem(`{"variables":{"\\u0073\\"q":${deep}},"query":"x"}`);
    expect(found && 'variable' in found && found.variable.message).toBe(`s"q: is nested more than ${MAX_VARIABLE_DEPTH} levels deep`);
  });

  it('refuses a body nested 100,000 deep (how fast: test/hostile/bad-input.test.ts)', () => {
    const depth = 100_000;
    const text = `{"query":"x","variables":{"s":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
    expect(bodyNestingProblem(text)).toMatchObject({ variable: { message: `s: is nested more than ${MAX_VARIABLE_DEPTH} levels deep` } });
  });

  it('leaves a body that is not JSON to JSON.parse, which refuses it', () => {
    const deep = '['.repeat(MAX_VARIABLE_DEPTH + 3);
    for (const text of [`{"variables":{"\\x":${deep}`, `{"variables":{"a":1,${deep}`, `{${deep}`, 'not json']) {
      expect({ text, found: bodyNestingProblem(text) }).toEqual({ text, found: null });
      expect(() => JSON.parse(text)).toThrow(SyntaxError);
    }
  });
});

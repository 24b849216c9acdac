import { TypedDocumentString } from '../gql/graphql';

export type Counts = Record<string, { totalCount: number }>;

/**
 * One request counting coordination gaps for many units at once, one alias per unit (the server allows 30
 * aliases). Built at run time because the units are known only then; the answer's shape is fixed.
 */
export function gapCountsByUnit(unitKeys: string[]): TypedDocumentString<Counts, Record<string, never>> {
  const fields = unitKeys.map((key, i) => `u${i}: coordinationGaps(filter: { unit: ${JSON.stringify(key)} }) { totalCount }`);
  return new TypedDocumentString(`query GapCountsByUnit { ${fields.join(' ')} }`) as TypedDocumentString<Counts, Record<string, never>>;
}

import { QueryRunner } from 'typeorm';

/**
 * Token scopes named units by key, so renaming a key moved rights and a new unit given an old key inherited them.
 * They are rewritten as unit ids (a key no unit has any more is dropped from the scope).
 */
export async function rewriteTokenScopesAsIds(queryRunner: QueryRunner, placeholder: (n: number) => string): Promise<void> {
  const units: { id: number; key: string }[] = await queryRunner.query('SELECT id, key FROM unit');
  const idOf = new Map(units.map((u) => [u.key, Number(u.id)]));
  const tokens: { id: number; unit_scope: string }[] = await queryRunner.query('SELECT id, unit_scope FROM api_token');
  for (const token of tokens) {
    const keys = JSON.parse(token.unit_scope) as unknown[];
    const ids = keys.flatMap((key) => (typeof key === 'string' && idOf.has(key) ? [idOf.get(key)!] : typeof key === 'number' ? [key] : []));
    await queryRunner.query(`UPDATE api_token SET unit_scope = ${placeholder(1)} WHERE id = ${placeholder(2)}`, [JSON.stringify(ids), token.id]);
  }
}

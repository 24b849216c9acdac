import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Replaces a record's child rows (participants, affiliations, parties…) with a new list, keeping its order in
 * `position`. Children have no identity of their own, so replace-all is both simplest and exact.
 */
export async function replaceChildren<C extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<C>,
  parentColumn: keyof C & string,
  parentId: number,
  rows: Omit<C, 'id' | 'position' | typeof parentColumn>[],
): Promise<void> {
  await em.getRepository(entity).delete({ [parentColumn]: parentId } as never);
  if (!rows.length) return;
  const values = rows.map((row, position) => ({ ...row, [parentColumn]: parentId, position }));
  // Chunked so a long list stays under SQLite's bound-parameter limit.
  for (let i = 0; i < values.length; i += 200) {
    await em.createQueryBuilder().insert().into(entity).values(values.slice(i, i + 200) as never).execute();
  }
}

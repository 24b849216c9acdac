import { EntityManager } from 'typeorm';
import { normalizeText, searchText } from '../../text/normalize';
import { rawQuery } from '../../db/sql';
import { Collaboration } from './collaboration.entity';

type Searchable = Pick<Collaboration, 'id' | 'title' | 'summary' | 'keywords'>;

/** Keeps the full-text row of a collaboration in step with the record; call inside the writing transaction. */
export async function indexCollaborations(em: EntityManager, rows: Searchable[]): Promise<void> {
  if (!rows.length) return;
  await removeFromIndex(em, rows.map((r) => r.id));
  for (const row of rows) {
    await rawQuery(em, 'INSERT INTO collaboration_search(rowid, title, summary, keywords) VALUES ($1, $2, $3, $4)', [
      row.id,
      normalizeText(row.title),
      normalizeText(row.summary ?? ''),
      normalizeText(row.keywords.join(' ; ')),
    ]);
  }
}

export async function removeFromIndex(em: EntityManager, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await rawQuery(em, `DELETE FROM collaboration_search WHERE rowid IN (${chunk.map((_, j) => `$${j + 1}`).join(', ')})`, chunk);
  }
}

/**
 * The condition "every word occurs in the collaboration, as a word or the start of one" ("språk" finds
 * "språkutvikling") in the database's own full-text search, or null when the text is blank. Words are
 * letters and digits only, so user text cannot inject search operators.
 */
export function textCondition(database: string, alias: string, text: string, field: string): { sql: string; params: Record<string, string> } | null {
  const { words } = searchText(text, field);
  if (!words.length) return null;
  if (database === 'postgres') {
    return {
      sql: `${alias}.id IN (SELECT rowid FROM collaboration_search WHERE document @@ to_tsquery('simple', :match))`,
      params: { match: words.map((w) => `${w}:*`).join(' & ') },
    };
  }
  return {
    sql: `${alias}.id IN (SELECT rowid FROM collaboration_search WHERE collaboration_search MATCH :match)`,
    params: { match: words.map((w) => `"${w}"*`).join(' AND ') },
  };
}

import { QueryRunner } from 'typeorm';
import { normalizeText } from '../../text/normalize';

/**
 * People's search text held their e-mail, so anyone could find a person by it (and rebuild it letter by letter).
 * It is rewritten from name, title and key, as the application now writes it; erased people keep their placeholder.
 */
export async function rewritePersonSearchText(queryRunner: QueryRunner, placeholder: (n: number) => string): Promise<void> {
  const people: { id: number; name: string; title: string | null; key: string }[] = await queryRunner.query('SELECT id, name, title, key FROM person');
  for (const p of people) {
    await queryRunner.query(`UPDATE person SET search_text = ${placeholder(1)} WHERE id = ${placeholder(2)}`, [
      normalizeText([p.name, p.title ?? '', p.key].join(' | ')),
      p.id,
    ]);
  }
}

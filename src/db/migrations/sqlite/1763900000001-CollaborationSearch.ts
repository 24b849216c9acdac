import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text index over collaborations. Text is normalised in JavaScript before it is stored and before it is
 * queried (src/text/normalize.ts), so the tokenizer only splits words and never folds æ/ø/å away.
 * rowid = collaboration.id.
 */
export class CollaborationSearch1763900000001 implements MigrationInterface {
  name = 'CollaborationSearch1763900000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE VIRTUAL TABLE "collaboration_search" USING fts5(title, summary, keywords, tokenize = 'unicode61 remove_diacritics 0')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "collaboration_search"`);
  }
}

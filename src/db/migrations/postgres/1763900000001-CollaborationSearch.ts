import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text index over collaborations, the PostgreSQL twin of the SQLite FTS5 table: text is normalised in
 * JavaScript before it is stored and queried (src/text/normalize.ts), so the 'simple' configuration (no stemming,
 * no stop words) and prefix queries behave like FTS5 with prefix matching. id = collaboration.id.
 */
export class CollaborationSearch1763900000001 implements MigrationInterface {
  name = 'CollaborationSearch1763900000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "collaboration_search" ("rowid" integer PRIMARY KEY, "title" text NOT NULL, "summary" text NOT NULL, "keywords" text NOT NULL,
        "document" tsvector GENERATED ALWAYS AS (to_tsvector('simple', "title" || ' ' || "summary" || ' ' || "keywords")) STORED)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_collaboration_search_document" ON "collaboration_search" USING GIN ("document")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "collaboration_search"`);
  }
}

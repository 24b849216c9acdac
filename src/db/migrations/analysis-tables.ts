import { QueryRunner } from 'typeorm';

/**
 * The overlap analysis as data (README "Keeping the analysis current"): derived from the registry, so not
 * entities and not in backups (a restore rebuilds it). These tables hold its state, the trained models and the
 * changes a running rebuild must apply; the results themselves are tables per generation (one per full build,
 * created by the rebuild that writes them: src/modules/analysis/analysis.store.ts), so a rebuild fills the next
 * generation's tables beside the current ones and a one-row update makes them current.
 */
export async function createAnalysisTables(queryRunner: QueryRunner, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const time = dialect === 'postgres' ? 'timestamptz' : 'datetime';
  const serial = dialect === 'postgres' ? 'serial PRIMARY KEY' : 'integer PRIMARY KEY AUTOINCREMENT';
  const statements = [
    `CREATE TABLE "analysis_state" (
      "id" integer PRIMARY KEY CHECK ("id" = 1),
      "generation" integer NOT NULL DEFAULT 0,
      "revision" integer NOT NULL DEFAULT 0,
      "built_at" ${time},
      "build_ms" integer,
      "collaborations" integer NOT NULL DEFAULT 0,
      "pairs" integer NOT NULL DEFAULT 0,
      "rebuild_requested" integer NOT NULL DEFAULT 1,
      "rebuilding_generation" integer,
      "rebuild_heartbeat" ${time})`,
    `INSERT INTO "analysis_state" ("id") VALUES (1)`,
    `CREATE TABLE "analysis_model" ("generation" integer PRIMARY KEY, "model" text NOT NULL)`,
    `CREATE TABLE "analysis_change" ("id" ${serial}, "kind" varchar(20) NOT NULL, "target_id" integer NOT NULL)`,
  ];
  for (const sql of statements) await queryRunner.query(sql);
}

export async function dropAnalysisTables(queryRunner: QueryRunner): Promise<void> {
  for (const table of ['analysis_change', 'analysis_model', 'analysis_state']) {
    await queryRunner.query(`DROP TABLE "${table}"`);
  }
}

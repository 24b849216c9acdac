import { QueryRunner } from 'typeorm';

/**
 * The overlap analysis as data (README "Keeping the analysis current"): derived from the registry, so not
 * entities and not in backups (a restore rebuilds it). Every row belongs to a generation, one per full build;
 * readers use the generation `analysis_state` names, so a rebuild writes the next one beside it and a one-row
 * update makes it current.
 */
export async function createAnalysisTables(queryRunner: QueryRunner, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const real = dialect === 'postgres' ? 'double precision' : 'real';
  const time = dialect === 'postgres' ? 'timestamptz' : 'datetime';
  // Pair order compares keys byte by byte on both databases, whatever the PostgreSQL locale.
  const binary = dialect === 'postgres' ? ' COLLATE "C"' : '';
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
    `CREATE TABLE "analysis_collaboration" (
      "generation" integer NOT NULL,
      "collaboration_id" integer NOT NULL,
      "topic_id" integer,
      "confidence" ${real},
      "parent_id" integer,
      "gap_eligible" integer NOT NULL,
      "agreement_id" integer,
      "missing_sector" varchar(20),
      "no_contact" integer NOT NULL,
      PRIMARY KEY ("generation", "collaboration_id"))`,
    `CREATE INDEX "IDX_analysis_collaboration_topic" ON "analysis_collaboration" ("generation", "topic_id")`,
    `CREATE INDEX "IDX_analysis_collaboration_agreement" ON "analysis_collaboration" ("generation", "agreement_id")`,
    `CREATE TABLE "analysis_ground" (
      "generation" integer NOT NULL,
      "topic_id" integer NOT NULL,
      "unit_id" integer NOT NULL,
      "collaboration_id" integer NOT NULL,
      "own" integer NOT NULL,
      PRIMARY KEY ("generation", "topic_id", "unit_id", "collaboration_id"))`,
    `CREATE INDEX "IDX_analysis_ground_collaboration" ON "analysis_ground" ("generation", "collaboration_id")`,
    `CREATE TABLE "overlap_pair" (
      "generation" integer NOT NULL,
      "a_id" integer NOT NULL,
      "b_id" integer NOT NULL,
      "topic_id" integer NOT NULL,
      "score" ${real} NOT NULL,
      "rank" text${binary} NOT NULL,
      "shared_unit_ids" text NOT NULL,
      "shared_topic_ids" text NOT NULL,
      "period_start" varchar(10),
      "period_end" varchar(10),
      PRIMARY KEY ("generation", "a_id", "b_id"))`,
    `CREATE INDEX "IDX_overlap_pair_rank" ON "overlap_pair" ("generation", "rank")`,
    `CREATE INDEX "IDX_overlap_pair_b" ON "overlap_pair" ("generation", "b_id")`,
    `CREATE INDEX "IDX_overlap_pair_score" ON "overlap_pair" ("generation", "score")`,
    `CREATE TABLE "analysis_change" ("id" ${serial}, "kind" varchar(20) NOT NULL, "target_id" integer NOT NULL)`,
  ];
  for (const sql of statements) await queryRunner.query(sql);
}

export async function dropAnalysisTables(queryRunner: QueryRunner): Promise<void> {
  for (const table of ['analysis_change', 'overlap_pair', 'analysis_ground', 'analysis_collaboration', 'analysis_model', 'analysis_state']) {
    await queryRunner.query(`DROP TABLE "${table}"`);
  }
}

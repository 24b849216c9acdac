import { MigrationInterface, QueryRunner } from "typeorm";

export class OverlapReview1763900000002 implements MigrationInterface {
    name = 'OverlapReview1763900000002'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "overlap_review" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "a_id" integer NOT NULL, "b_id" integer NOT NULL, "decision" varchar(20) NOT NULL, "note" text, "reviewed_by" varchar(200) NOT NULL, "reviewed_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_65e67c65294e161d4086d1ec83" ON "overlap_review" ("b_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_8fb5bc1ccd03f3f949dc5affae" ON "overlap_review" ("a_id", "b_id") `);
        await queryRunner.query(`DROP INDEX "IDX_65e67c65294e161d4086d1ec83"`);
        await queryRunner.query(`DROP INDEX "IDX_8fb5bc1ccd03f3f949dc5affae"`);
        await queryRunner.query(`CREATE TABLE "temporary_overlap_review" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "a_id" integer NOT NULL, "b_id" integer NOT NULL, "decision" varchar(20) NOT NULL, "note" text, "reviewed_by" varchar(200) NOT NULL, "reviewed_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_388103a53fcc79aa7c59176ca12" FOREIGN KEY ("a_id") REFERENCES "collaboration" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_65e67c65294e161d4086d1ec831" FOREIGN KEY ("b_id") REFERENCES "collaboration" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_overlap_review"("id", "a_id", "b_id", "decision", "note", "reviewed_by", "reviewed_at") SELECT "id", "a_id", "b_id", "decision", "note", "reviewed_by", "reviewed_at" FROM "overlap_review"`);
        await queryRunner.query(`DROP TABLE "overlap_review"`);
        await queryRunner.query(`ALTER TABLE "temporary_overlap_review" RENAME TO "overlap_review"`);
        await queryRunner.query(`CREATE INDEX "IDX_65e67c65294e161d4086d1ec83" ON "overlap_review" ("b_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_8fb5bc1ccd03f3f949dc5affae" ON "overlap_review" ("a_id", "b_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_8fb5bc1ccd03f3f949dc5affae"`);
        await queryRunner.query(`DROP INDEX "IDX_65e67c65294e161d4086d1ec83"`);
        await queryRunner.query(`ALTER TABLE "overlap_review" RENAME TO "temporary_overlap_review"`);
        await queryRunner.query(`CREATE TABLE "overlap_review" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "a_id" integer NOT NULL, "b_id" integer NOT NULL, "decision" varchar(20) NOT NULL, "note" text, "reviewed_by" varchar(200) NOT NULL, "reviewed_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`INSERT INTO "overlap_review"("id", "a_id", "b_id", "decision", "note", "reviewed_by", "reviewed_at") SELECT "id", "a_id", "b_id", "decision", "note", "reviewed_by", "reviewed_at" FROM "temporary_overlap_review"`);
        await queryRunner.query(`DROP TABLE "temporary_overlap_review"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_8fb5bc1ccd03f3f949dc5affae" ON "overlap_review" ("a_id", "b_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_65e67c65294e161d4086d1ec83" ON "overlap_review" ("b_id") `);
        await queryRunner.query(`DROP INDEX "IDX_8fb5bc1ccd03f3f949dc5affae"`);
        await queryRunner.query(`DROP INDEX "IDX_65e67c65294e161d4086d1ec83"`);
        await queryRunner.query(`DROP TABLE "overlap_review"`);
    }

}

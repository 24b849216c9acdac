import { MigrationInterface, QueryRunner } from "typeorm";

export class DuplicatesAndMerge1763900000012 implements MigrationInterface {
    name = 'DuplicatesAndMerge1763900000012'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "duplicate_review" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "a_id" integer NOT NULL, "b_id" integer NOT NULL, "decision" varchar(20) NOT NULL, "note" text, "reviewed_by" varchar(200) NOT NULL, "reviewed_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`CREATE INDEX "IDX_1cfe0cc404a031cdd4dc284f9c" ON "duplicate_review" ("b_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e6c55f96d631fe3117091343d0" ON "duplicate_review" ("a_id", "b_id") `);
        await queryRunner.query(`DROP INDEX "IDX_98a82422427ee57c677f28a486"`);
        await queryRunner.query(`DROP INDEX "IDX_97aa02be0e2bd8a2a0a037ca71"`);
        await queryRunner.query(`DROP INDEX "IDX_f57a09bcabecabe6678d484bee"`);
        await queryRunner.query(`DROP INDEX "IDX_cf5eb4aab8ee50f0f2ba4506fc"`);
        await queryRunner.query(`DROP INDEX "IDX_69a560664088c6bca8d6a68ce1"`);
        await queryRunner.query(`DROP INDEX "IDX_e3ffdcef22bf7b4b8cc96e62ba"`);
        await queryRunner.query(`CREATE TABLE "temporary_collaboration" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "key" varchar(200) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "title" varchar(500) NOT NULL, "summary" text, "kind" varchar(40) NOT NULL, "axes" text NOT NULL, "keywords" text NOT NULL, "status" varchar(20) NOT NULL, "start_date" date, "end_date" date, "agreement_id" integer, "parent_id" integer, "links" text NOT NULL, "deleted_at" datetime, "merged_into_id" integer, "merge_undo" text, CONSTRAINT "UQ_7f22f53c446aa34f9411bcd47c4" UNIQUE ("key"), CONSTRAINT "FK_69a560664088c6bca8d6a68ce1e" FOREIGN KEY ("agreement_id") REFERENCES "agreement" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_e3ffdcef22bf7b4b8cc96e62ba5" FOREIGN KEY ("parent_id") REFERENCES "collaboration" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_collaboration"("id", "key", "created_at", "updated_at", "version", "title", "summary", "kind", "axes", "keywords", "status", "start_date", "end_date", "agreement_id", "parent_id", "links", "deleted_at") SELECT "id", "key", "created_at", "updated_at", "version", "title", "summary", "kind", "axes", "keywords", "status", "start_date", "end_date", "agreement_id", "parent_id", "links", "deleted_at" FROM "collaboration"`);
        await queryRunner.query(`DROP TABLE "collaboration"`);
        await queryRunner.query(`ALTER TABLE "temporary_collaboration" RENAME TO "collaboration"`);
        await queryRunner.query(`CREATE INDEX "IDX_98a82422427ee57c677f28a486" ON "collaboration" ("kind") `);
        await queryRunner.query(`CREATE INDEX "IDX_97aa02be0e2bd8a2a0a037ca71" ON "collaboration" ("status") `);
        await queryRunner.query(`CREATE INDEX "IDX_f57a09bcabecabe6678d484bee" ON "collaboration" ("start_date") `);
        await queryRunner.query(`CREATE INDEX "IDX_cf5eb4aab8ee50f0f2ba4506fc" ON "collaboration" ("end_date") `);
        await queryRunner.query(`CREATE INDEX "IDX_69a560664088c6bca8d6a68ce1" ON "collaboration" ("agreement_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_e3ffdcef22bf7b4b8cc96e62ba" ON "collaboration" ("parent_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_76487e49166d66eb77d0239cd5" ON "collaboration" ("merged_into_id") `);
        await queryRunner.query(`DROP INDEX "IDX_98a82422427ee57c677f28a486"`);
        await queryRunner.query(`DROP INDEX "IDX_97aa02be0e2bd8a2a0a037ca71"`);
        await queryRunner.query(`DROP INDEX "IDX_f57a09bcabecabe6678d484bee"`);
        await queryRunner.query(`DROP INDEX "IDX_cf5eb4aab8ee50f0f2ba4506fc"`);
        await queryRunner.query(`DROP INDEX "IDX_69a560664088c6bca8d6a68ce1"`);
        await queryRunner.query(`DROP INDEX "IDX_e3ffdcef22bf7b4b8cc96e62ba"`);
        await queryRunner.query(`DROP INDEX "IDX_76487e49166d66eb77d0239cd5"`);
        await queryRunner.query(`CREATE TABLE "temporary_collaboration" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "key" varchar(200) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "title" varchar(500) NOT NULL, "summary" text, "kind" varchar(40) NOT NULL, "axes" text NOT NULL, "keywords" text NOT NULL, "status" varchar(20) NOT NULL, "start_date" date, "end_date" date, "agreement_id" integer, "parent_id" integer, "links" text NOT NULL, "deleted_at" datetime, "merged_into_id" integer, "merge_undo" text, CONSTRAINT "UQ_7f22f53c446aa34f9411bcd47c4" UNIQUE ("key"), CONSTRAINT "FK_69a560664088c6bca8d6a68ce1e" FOREIGN KEY ("agreement_id") REFERENCES "agreement" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_e3ffdcef22bf7b4b8cc96e62ba5" FOREIGN KEY ("parent_id") REFERENCES "collaboration" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_76487e49166d66eb77d0239cd51" FOREIGN KEY ("merged_into_id") REFERENCES "collaboration" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_collaboration"("id", "key", "created_at", "updated_at", "version", "title", "summary", "kind", "axes", "keywords", "status", "start_date", "end_date", "agreement_id", "parent_id", "links", "deleted_at", "merged_into_id", "merge_undo") SELECT "id", "key", "created_at", "updated_at", "version", "title", "summary", "kind", "axes", "keywords", "status", "start_date", "end_date", "agreement_id", "parent_id", "links", "deleted_at", "merged_into_id", "merge_undo" FROM "collaboration"`);
        await queryRunner.query(`DROP TABLE "collaboration"`);
        await queryRunner.query(`ALTER TABLE "temporary_collaboration" RENAME TO "collaboration"`);
        await queryRunner.query(`CREATE INDEX "IDX_98a82422427ee57c677f28a486" ON "collaboration" ("kind") `);
        await queryRunner.query(`CREATE INDEX "IDX_97aa02be0e2bd8a2a0a037ca71" ON "collaboration" ("status") `);
        await queryRunner.query(`CREATE INDEX "IDX_f57a09bcabecabe6678d484bee" ON "collaboration" ("start_date") `);
        await queryRunner.query(`CREATE INDEX "IDX_cf5eb4aab8ee50f0f2ba4506fc" ON "collaboration" ("end_date") `);
        await queryRunner.query(`CREATE INDEX "IDX_69a560664088c6bca8d6a68ce1" ON "collaboration" ("agreement_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_e3ffdcef22bf7b4b8cc96e62ba" ON "collaboration" ("parent_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_76487e49166d66eb77d0239cd5" ON "collaboration" ("merged_into_id") `);
        await queryRunner.query(`DROP INDEX "IDX_1cfe0cc404a031cdd4dc284f9c"`);
        await queryRunner.query(`DROP INDEX "IDX_e6c55f96d631fe3117091343d0"`);
        await queryRunner.query(`CREATE TABLE "temporary_duplicate_review" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "a_id" integer NOT NULL, "b_id" integer NOT NULL, "decision" varchar(20) NOT NULL, "note" text, "reviewed_by" varchar(200) NOT NULL, "reviewed_at" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_3bb90100b343c10902b688e41f7" FOREIGN KEY ("a_id") REFERENCES "collaboration" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_1cfe0cc404a031cdd4dc284f9cd" FOREIGN KEY ("b_id") REFERENCES "collaboration" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_duplicate_review"("id", "a_id", "b_id", "decision", "note", "reviewed_by", "reviewed_at") SELECT "id", "a_id", "b_id", "decision", "note", "reviewed_by", "reviewed_at" FROM "duplicate_review"`);
        await queryRunner.query(`DROP TABLE "duplicate_review"`);
        await queryRunner.query(`ALTER TABLE "temporary_duplicate_review" RENAME TO "duplicate_review"`);
        await queryRunner.query(`CREATE INDEX "IDX_1cfe0cc404a031cdd4dc284f9c" ON "duplicate_review" ("b_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e6c55f96d631fe3117091343d0" ON "duplicate_review" ("a_id", "b_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_e6c55f96d631fe3117091343d0"`);
        await queryRunner.query(`DROP INDEX "IDX_1cfe0cc404a031cdd4dc284f9c"`);
        await queryRunner.query(`ALTER TABLE "duplicate_review" RENAME TO "temporary_duplicate_review"`);
        await queryRunner.query(`CREATE TABLE "duplicate_review" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "a_id" integer NOT NULL, "b_id" integer NOT NULL, "decision" varchar(20) NOT NULL, "note" text, "reviewed_by" varchar(200) NOT NULL, "reviewed_at" datetime NOT NULL DEFAULT (datetime('now')))`);
        await queryRunner.query(`INSERT INTO "duplicate_review"("id", "a_id", "b_id", "decision", "note", "reviewed_by", "reviewed_at") SELECT "id", "a_id", "b_id", "decision", "note", "reviewed_by", "reviewed_at" FROM "temporary_duplicate_review"`);
        await queryRunner.query(`DROP TABLE "temporary_duplicate_review"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e6c55f96d631fe3117091343d0" ON "duplicate_review" ("a_id", "b_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_1cfe0cc404a031cdd4dc284f9c" ON "duplicate_review" ("b_id") `);
        await queryRunner.query(`DROP INDEX "IDX_76487e49166d66eb77d0239cd5"`);
        await queryRunner.query(`DROP INDEX "IDX_e3ffdcef22bf7b4b8cc96e62ba"`);
        await queryRunner.query(`DROP INDEX "IDX_69a560664088c6bca8d6a68ce1"`);
        await queryRunner.query(`DROP INDEX "IDX_cf5eb4aab8ee50f0f2ba4506fc"`);
        await queryRunner.query(`DROP INDEX "IDX_f57a09bcabecabe6678d484bee"`);
        await queryRunner.query(`DROP INDEX "IDX_97aa02be0e2bd8a2a0a037ca71"`);
        await queryRunner.query(`DROP INDEX "IDX_98a82422427ee57c677f28a486"`);
        await queryRunner.query(`ALTER TABLE "collaboration" RENAME TO "temporary_collaboration"`);
        await queryRunner.query(`CREATE TABLE "collaboration" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "key" varchar(200) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "title" varchar(500) NOT NULL, "summary" text, "kind" varchar(40) NOT NULL, "axes" text NOT NULL, "keywords" text NOT NULL, "status" varchar(20) NOT NULL, "start_date" date, "end_date" date, "agreement_id" integer, "parent_id" integer, "links" text NOT NULL, "deleted_at" datetime, "merged_into_id" integer, "merge_undo" text, CONSTRAINT "UQ_7f22f53c446aa34f9411bcd47c4" UNIQUE ("key"), CONSTRAINT "FK_69a560664088c6bca8d6a68ce1e" FOREIGN KEY ("agreement_id") REFERENCES "agreement" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_e3ffdcef22bf7b4b8cc96e62ba5" FOREIGN KEY ("parent_id") REFERENCES "collaboration" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "collaboration"("id", "key", "created_at", "updated_at", "version", "title", "summary", "kind", "axes", "keywords", "status", "start_date", "end_date", "agreement_id", "parent_id", "links", "deleted_at", "merged_into_id", "merge_undo") SELECT "id", "key", "created_at", "updated_at", "version", "title", "summary", "kind", "axes", "keywords", "status", "start_date", "end_date", "agreement_id", "parent_id", "links", "deleted_at", "merged_into_id", "merge_undo" FROM "temporary_collaboration"`);
        await queryRunner.query(`DROP TABLE "temporary_collaboration"`);
        await queryRunner.query(`CREATE INDEX "IDX_76487e49166d66eb77d0239cd5" ON "collaboration" ("merged_into_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_e3ffdcef22bf7b4b8cc96e62ba" ON "collaboration" ("parent_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_69a560664088c6bca8d6a68ce1" ON "collaboration" ("agreement_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_cf5eb4aab8ee50f0f2ba4506fc" ON "collaboration" ("end_date") `);
        await queryRunner.query(`CREATE INDEX "IDX_f57a09bcabecabe6678d484bee" ON "collaboration" ("start_date") `);
        await queryRunner.query(`CREATE INDEX "IDX_97aa02be0e2bd8a2a0a037ca71" ON "collaboration" ("status") `);
        await queryRunner.query(`CREATE INDEX "IDX_98a82422427ee57c677f28a486" ON "collaboration" ("kind") `);
        await queryRunner.query(`DROP INDEX "IDX_76487e49166d66eb77d0239cd5"`);
        await queryRunner.query(`DROP INDEX "IDX_e3ffdcef22bf7b4b8cc96e62ba"`);
        await queryRunner.query(`DROP INDEX "IDX_69a560664088c6bca8d6a68ce1"`);
        await queryRunner.query(`DROP INDEX "IDX_cf5eb4aab8ee50f0f2ba4506fc"`);
        await queryRunner.query(`DROP INDEX "IDX_f57a09bcabecabe6678d484bee"`);
        await queryRunner.query(`DROP INDEX "IDX_97aa02be0e2bd8a2a0a037ca71"`);
        await queryRunner.query(`DROP INDEX "IDX_98a82422427ee57c677f28a486"`);
        await queryRunner.query(`ALTER TABLE "collaboration" RENAME TO "temporary_collaboration"`);
        await queryRunner.query(`CREATE TABLE "collaboration" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "key" varchar(200) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "title" varchar(500) NOT NULL, "summary" text, "kind" varchar(40) NOT NULL, "axes" text NOT NULL, "keywords" text NOT NULL, "status" varchar(20) NOT NULL, "start_date" date, "end_date" date, "agreement_id" integer, "parent_id" integer, "links" text NOT NULL, "deleted_at" datetime, CONSTRAINT "UQ_7f22f53c446aa34f9411bcd47c4" UNIQUE ("key"), CONSTRAINT "FK_69a560664088c6bca8d6a68ce1e" FOREIGN KEY ("agreement_id") REFERENCES "agreement" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_e3ffdcef22bf7b4b8cc96e62ba5" FOREIGN KEY ("parent_id") REFERENCES "collaboration" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "collaboration"("id", "key", "created_at", "updated_at", "version", "title", "summary", "kind", "axes", "keywords", "status", "start_date", "end_date", "agreement_id", "parent_id", "links", "deleted_at") SELECT "id", "key", "created_at", "updated_at", "version", "title", "summary", "kind", "axes", "keywords", "status", "start_date", "end_date", "agreement_id", "parent_id", "links", "deleted_at" FROM "temporary_collaboration"`);
        await queryRunner.query(`DROP TABLE "temporary_collaboration"`);
        await queryRunner.query(`CREATE INDEX "IDX_e3ffdcef22bf7b4b8cc96e62ba" ON "collaboration" ("parent_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_69a560664088c6bca8d6a68ce1" ON "collaboration" ("agreement_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_cf5eb4aab8ee50f0f2ba4506fc" ON "collaboration" ("end_date") `);
        await queryRunner.query(`CREATE INDEX "IDX_f57a09bcabecabe6678d484bee" ON "collaboration" ("start_date") `);
        await queryRunner.query(`CREATE INDEX "IDX_97aa02be0e2bd8a2a0a037ca71" ON "collaboration" ("status") `);
        await queryRunner.query(`CREATE INDEX "IDX_98a82422427ee57c677f28a486" ON "collaboration" ("kind") `);
        await queryRunner.query(`DROP INDEX "IDX_e6c55f96d631fe3117091343d0"`);
        await queryRunner.query(`DROP INDEX "IDX_1cfe0cc404a031cdd4dc284f9c"`);
        await queryRunner.query(`DROP TABLE "duplicate_review"`);
    }

}

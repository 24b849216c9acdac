import { MigrationInterface, QueryRunner } from "typeorm";

export class SoftDelete1763900000005 implements MigrationInterface {
    name = 'SoftDelete1763900000005'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_33443cd5de3c6b130acfd6aba6"`);
        await queryRunner.query(`DROP INDEX "IDX_cca26e85c0b00c918d101bd171"`);
        await queryRunner.query(`DROP INDEX "IDX_651330e404d4c6b4c8d30ed841"`);
        await queryRunner.query(`CREATE TABLE "temporary_unit" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "key" varchar(200) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "name" varchar(300) NOT NULL, "short_name" varchar(100), "kind" varchar(40) NOT NULL, "sector" varchar(20) NOT NULL, "sector_explicit" boolean NOT NULL DEFAULT (0), "parent_id" integer, "org_number" varchar(9), "municipality_number" varchar(4), "district_number" varchar(6), "ror" varchar(100), "cristin" varchar(100), "website" varchar(500), "description" text, "search_text" text NOT NULL DEFAULT (''), "deleted_at" datetime, CONSTRAINT "UQ_d03532751829bf5109997c637b4" UNIQUE ("key"), CONSTRAINT "FK_33443cd5de3c6b130acfd6aba63" FOREIGN KEY ("parent_id") REFERENCES "unit" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_unit"("id", "key", "created_at", "updated_at", "version", "name", "short_name", "kind", "sector", "sector_explicit", "parent_id", "org_number", "municipality_number", "district_number", "ror", "cristin", "website", "description", "search_text") SELECT "id", "key", "created_at", "updated_at", "version", "name", "short_name", "kind", "sector", "sector_explicit", "parent_id", "org_number", "municipality_number", "district_number", "ror", "cristin", "website", "description", "search_text" FROM "unit"`);
        await queryRunner.query(`DROP TABLE "unit"`);
        await queryRunner.query(`ALTER TABLE "temporary_unit" RENAME TO "unit"`);
        await queryRunner.query(`CREATE INDEX "IDX_33443cd5de3c6b130acfd6aba6" ON "unit" ("parent_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_cca26e85c0b00c918d101bd171" ON "unit" ("sector") `);
        await queryRunner.query(`CREATE INDEX "IDX_651330e404d4c6b4c8d30ed841" ON "unit" ("kind") `);
        await queryRunner.query(`CREATE TABLE "temporary_person" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "key" varchar(200) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "name" varchar(300) NOT NULL, "email" varchar(300), "phone" varchar(50), "title" varchar(300), "search_text" text NOT NULL DEFAULT (''), "deleted_at" datetime, CONSTRAINT "UQ_fdd3c0f74e44e6195e8a47fefe0" UNIQUE ("key"))`);
        await queryRunner.query(`INSERT INTO "temporary_person"("id", "key", "created_at", "updated_at", "version", "name", "email", "phone", "title", "search_text") SELECT "id", "key", "created_at", "updated_at", "version", "name", "email", "phone", "title", "search_text" FROM "person"`);
        await queryRunner.query(`DROP TABLE "person"`);
        await queryRunner.query(`ALTER TABLE "temporary_person" RENAME TO "person"`);
        await queryRunner.query(`DROP INDEX "IDX_40d1ab0ce240d3e8183ca56705"`);
        await queryRunner.query(`CREATE TABLE "temporary_topic" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "key" varchar(200) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "label" varchar(300) NOT NULL, "label_en" varchar(300), "parent_id" integer, "synonyms" text NOT NULL, "search_text" text NOT NULL DEFAULT (''), "deleted_at" datetime, CONSTRAINT "UQ_4ac1a37c122e88622beccfc65b8" UNIQUE ("key"), CONSTRAINT "FK_40d1ab0ce240d3e8183ca56705f" FOREIGN KEY ("parent_id") REFERENCES "topic" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_topic"("id", "key", "created_at", "updated_at", "version", "label", "label_en", "parent_id", "synonyms", "search_text") SELECT "id", "key", "created_at", "updated_at", "version", "label", "label_en", "parent_id", "synonyms", "search_text" FROM "topic"`);
        await queryRunner.query(`DROP TABLE "topic"`);
        await queryRunner.query(`ALTER TABLE "temporary_topic" RENAME TO "topic"`);
        await queryRunner.query(`CREATE INDEX "IDX_40d1ab0ce240d3e8183ca56705" ON "topic" ("parent_id") `);
        await queryRunner.query(`DROP INDEX "IDX_ce2deb8f10337ccf886d100710"`);
        await queryRunner.query(`CREATE TABLE "temporary_agreement" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "key" varchar(200) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "title" varchar(500) NOT NULL, "kind" varchar(30) NOT NULL, "anchoring" varchar(30), "signed_on" date, "valid_from" date, "valid_to" date, "review_on" date, "parent_id" integer, "description" text, "deleted_at" datetime, CONSTRAINT "UQ_d1fc1e7e7f202cc72cdffb63472" UNIQUE ("key"), CONSTRAINT "FK_ce2deb8f10337ccf886d1007106" FOREIGN KEY ("parent_id") REFERENCES "agreement" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_agreement"("id", "key", "created_at", "updated_at", "version", "title", "kind", "anchoring", "signed_on", "valid_from", "valid_to", "review_on", "parent_id", "description") SELECT "id", "key", "created_at", "updated_at", "version", "title", "kind", "anchoring", "signed_on", "valid_from", "valid_to", "review_on", "parent_id", "description" FROM "agreement"`);
        await queryRunner.query(`DROP TABLE "agreement"`);
        await queryRunner.query(`ALTER TABLE "temporary_agreement" RENAME TO "agreement"`);
        await queryRunner.query(`CREATE INDEX "IDX_ce2deb8f10337ccf886d100710" ON "agreement" ("parent_id") `);
        await queryRunner.query(`DROP INDEX "IDX_e3ffdcef22bf7b4b8cc96e62ba"`);
        await queryRunner.query(`DROP INDEX "IDX_69a560664088c6bca8d6a68ce1"`);
        await queryRunner.query(`DROP INDEX "IDX_cf5eb4aab8ee50f0f2ba4506fc"`);
        await queryRunner.query(`DROP INDEX "IDX_f57a09bcabecabe6678d484bee"`);
        await queryRunner.query(`DROP INDEX "IDX_97aa02be0e2bd8a2a0a037ca71"`);
        await queryRunner.query(`DROP INDEX "IDX_98a82422427ee57c677f28a486"`);
        await queryRunner.query(`CREATE TABLE "temporary_collaboration" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "key" varchar(200) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "title" varchar(500) NOT NULL, "summary" text, "kind" varchar(40) NOT NULL, "axes" text NOT NULL, "keywords" text NOT NULL, "status" varchar(20) NOT NULL, "start_date" date, "end_date" date, "agreement_id" integer, "parent_id" integer, "links" text NOT NULL, "deleted_at" datetime, CONSTRAINT "UQ_7f22f53c446aa34f9411bcd47c4" UNIQUE ("key"), CONSTRAINT "FK_e3ffdcef22bf7b4b8cc96e62ba5" FOREIGN KEY ("parent_id") REFERENCES "collaboration" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_69a560664088c6bca8d6a68ce1e" FOREIGN KEY ("agreement_id") REFERENCES "agreement" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "temporary_collaboration"("id", "key", "created_at", "updated_at", "version", "title", "summary", "kind", "axes", "keywords", "status", "start_date", "end_date", "agreement_id", "parent_id", "links") SELECT "id", "key", "created_at", "updated_at", "version", "title", "summary", "kind", "axes", "keywords", "status", "start_date", "end_date", "agreement_id", "parent_id", "links" FROM "collaboration"`);
        await queryRunner.query(`DROP TABLE "collaboration"`);
        await queryRunner.query(`ALTER TABLE "temporary_collaboration" RENAME TO "collaboration"`);
        await queryRunner.query(`CREATE INDEX "IDX_e3ffdcef22bf7b4b8cc96e62ba" ON "collaboration" ("parent_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_69a560664088c6bca8d6a68ce1" ON "collaboration" ("agreement_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_cf5eb4aab8ee50f0f2ba4506fc" ON "collaboration" ("end_date") `);
        await queryRunner.query(`CREATE INDEX "IDX_f57a09bcabecabe6678d484bee" ON "collaboration" ("start_date") `);
        await queryRunner.query(`CREATE INDEX "IDX_97aa02be0e2bd8a2a0a037ca71" ON "collaboration" ("status") `);
        await queryRunner.query(`CREATE INDEX "IDX_98a82422427ee57c677f28a486" ON "collaboration" ("kind") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_98a82422427ee57c677f28a486"`);
        await queryRunner.query(`DROP INDEX "IDX_97aa02be0e2bd8a2a0a037ca71"`);
        await queryRunner.query(`DROP INDEX "IDX_f57a09bcabecabe6678d484bee"`);
        await queryRunner.query(`DROP INDEX "IDX_cf5eb4aab8ee50f0f2ba4506fc"`);
        await queryRunner.query(`DROP INDEX "IDX_69a560664088c6bca8d6a68ce1"`);
        await queryRunner.query(`DROP INDEX "IDX_e3ffdcef22bf7b4b8cc96e62ba"`);
        await queryRunner.query(`ALTER TABLE "collaboration" RENAME TO "temporary_collaboration"`);
        await queryRunner.query(`CREATE TABLE "collaboration" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "key" varchar(200) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "title" varchar(500) NOT NULL, "summary" text, "kind" varchar(40) NOT NULL, "axes" text NOT NULL, "keywords" text NOT NULL, "status" varchar(20) NOT NULL, "start_date" date, "end_date" date, "agreement_id" integer, "parent_id" integer, "links" text NOT NULL, CONSTRAINT "UQ_7f22f53c446aa34f9411bcd47c4" UNIQUE ("key"), CONSTRAINT "FK_e3ffdcef22bf7b4b8cc96e62ba5" FOREIGN KEY ("parent_id") REFERENCES "collaboration" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_69a560664088c6bca8d6a68ce1e" FOREIGN KEY ("agreement_id") REFERENCES "agreement" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "collaboration"("id", "key", "created_at", "updated_at", "version", "title", "summary", "kind", "axes", "keywords", "status", "start_date", "end_date", "agreement_id", "parent_id", "links") SELECT "id", "key", "created_at", "updated_at", "version", "title", "summary", "kind", "axes", "keywords", "status", "start_date", "end_date", "agreement_id", "parent_id", "links" FROM "temporary_collaboration"`);
        await queryRunner.query(`DROP TABLE "temporary_collaboration"`);
        await queryRunner.query(`CREATE INDEX "IDX_98a82422427ee57c677f28a486" ON "collaboration" ("kind") `);
        await queryRunner.query(`CREATE INDEX "IDX_97aa02be0e2bd8a2a0a037ca71" ON "collaboration" ("status") `);
        await queryRunner.query(`CREATE INDEX "IDX_f57a09bcabecabe6678d484bee" ON "collaboration" ("start_date") `);
        await queryRunner.query(`CREATE INDEX "IDX_cf5eb4aab8ee50f0f2ba4506fc" ON "collaboration" ("end_date") `);
        await queryRunner.query(`CREATE INDEX "IDX_69a560664088c6bca8d6a68ce1" ON "collaboration" ("agreement_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_e3ffdcef22bf7b4b8cc96e62ba" ON "collaboration" ("parent_id") `);
        await queryRunner.query(`DROP INDEX "IDX_ce2deb8f10337ccf886d100710"`);
        await queryRunner.query(`ALTER TABLE "agreement" RENAME TO "temporary_agreement"`);
        await queryRunner.query(`CREATE TABLE "agreement" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "key" varchar(200) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "title" varchar(500) NOT NULL, "kind" varchar(30) NOT NULL, "anchoring" varchar(30), "signed_on" date, "valid_from" date, "valid_to" date, "review_on" date, "parent_id" integer, "description" text, CONSTRAINT "UQ_d1fc1e7e7f202cc72cdffb63472" UNIQUE ("key"), CONSTRAINT "FK_ce2deb8f10337ccf886d1007106" FOREIGN KEY ("parent_id") REFERENCES "agreement" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "agreement"("id", "key", "created_at", "updated_at", "version", "title", "kind", "anchoring", "signed_on", "valid_from", "valid_to", "review_on", "parent_id", "description") SELECT "id", "key", "created_at", "updated_at", "version", "title", "kind", "anchoring", "signed_on", "valid_from", "valid_to", "review_on", "parent_id", "description" FROM "temporary_agreement"`);
        await queryRunner.query(`DROP TABLE "temporary_agreement"`);
        await queryRunner.query(`CREATE INDEX "IDX_ce2deb8f10337ccf886d100710" ON "agreement" ("parent_id") `);
        await queryRunner.query(`DROP INDEX "IDX_40d1ab0ce240d3e8183ca56705"`);
        await queryRunner.query(`ALTER TABLE "topic" RENAME TO "temporary_topic"`);
        await queryRunner.query(`CREATE TABLE "topic" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "key" varchar(200) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "label" varchar(300) NOT NULL, "label_en" varchar(300), "parent_id" integer, "synonyms" text NOT NULL, "search_text" text NOT NULL DEFAULT (''), CONSTRAINT "UQ_4ac1a37c122e88622beccfc65b8" UNIQUE ("key"), CONSTRAINT "FK_40d1ab0ce240d3e8183ca56705f" FOREIGN KEY ("parent_id") REFERENCES "topic" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "topic"("id", "key", "created_at", "updated_at", "version", "label", "label_en", "parent_id", "synonyms", "search_text") SELECT "id", "key", "created_at", "updated_at", "version", "label", "label_en", "parent_id", "synonyms", "search_text" FROM "temporary_topic"`);
        await queryRunner.query(`DROP TABLE "temporary_topic"`);
        await queryRunner.query(`CREATE INDEX "IDX_40d1ab0ce240d3e8183ca56705" ON "topic" ("parent_id") `);
        await queryRunner.query(`ALTER TABLE "person" RENAME TO "temporary_person"`);
        await queryRunner.query(`CREATE TABLE "person" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "key" varchar(200) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "name" varchar(300) NOT NULL, "email" varchar(300), "phone" varchar(50), "title" varchar(300), "search_text" text NOT NULL DEFAULT (''), CONSTRAINT "UQ_fdd3c0f74e44e6195e8a47fefe0" UNIQUE ("key"))`);
        await queryRunner.query(`INSERT INTO "person"("id", "key", "created_at", "updated_at", "version", "name", "email", "phone", "title", "search_text") SELECT "id", "key", "created_at", "updated_at", "version", "name", "email", "phone", "title", "search_text" FROM "temporary_person"`);
        await queryRunner.query(`DROP TABLE "temporary_person"`);
        await queryRunner.query(`DROP INDEX "IDX_651330e404d4c6b4c8d30ed841"`);
        await queryRunner.query(`DROP INDEX "IDX_cca26e85c0b00c918d101bd171"`);
        await queryRunner.query(`DROP INDEX "IDX_33443cd5de3c6b130acfd6aba6"`);
        await queryRunner.query(`ALTER TABLE "unit" RENAME TO "temporary_unit"`);
        await queryRunner.query(`CREATE TABLE "unit" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "key" varchar(200) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "updated_at" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL DEFAULT (1), "name" varchar(300) NOT NULL, "short_name" varchar(100), "kind" varchar(40) NOT NULL, "sector" varchar(20) NOT NULL, "sector_explicit" boolean NOT NULL DEFAULT (0), "parent_id" integer, "org_number" varchar(9), "municipality_number" varchar(4), "district_number" varchar(6), "ror" varchar(100), "cristin" varchar(100), "website" varchar(500), "description" text, "search_text" text NOT NULL DEFAULT (''), CONSTRAINT "UQ_d03532751829bf5109997c637b4" UNIQUE ("key"), CONSTRAINT "FK_33443cd5de3c6b130acfd6aba63" FOREIGN KEY ("parent_id") REFERENCES "unit" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
        await queryRunner.query(`INSERT INTO "unit"("id", "key", "created_at", "updated_at", "version", "name", "short_name", "kind", "sector", "sector_explicit", "parent_id", "org_number", "municipality_number", "district_number", "ror", "cristin", "website", "description", "search_text") SELECT "id", "key", "created_at", "updated_at", "version", "name", "short_name", "kind", "sector", "sector_explicit", "parent_id", "org_number", "municipality_number", "district_number", "ror", "cristin", "website", "description", "search_text" FROM "temporary_unit"`);
        await queryRunner.query(`DROP TABLE "temporary_unit"`);
        await queryRunner.query(`CREATE INDEX "IDX_651330e404d4c6b4c8d30ed841" ON "unit" ("kind") `);
        await queryRunner.query(`CREATE INDEX "IDX_cca26e85c0b00c918d101bd171" ON "unit" ("sector") `);
        await queryRunner.query(`CREATE INDEX "IDX_33443cd5de3c6b130acfd6aba6" ON "unit" ("parent_id") `);
    }

}

import { MigrationInterface, QueryRunner } from "typeorm";

export class AuditEntry1763900000004 implements MigrationInterface {
    name = 'AuditEntry1763900000004'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "audit_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "actor" varchar(200) NOT NULL, "at" datetime NOT NULL DEFAULT (datetime('now')), "action" varchar(20) NOT NULL, "record_type" varchar(40) NOT NULL, "record_id" integer NOT NULL, "record_key" varchar(200) NOT NULL, "changes" text NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "IDX_fc8bce5eff4eb154e4728c6bc3" ON "audit_entry" ("actor") `);
        await queryRunner.query(`CREATE INDEX "IDX_9d18bd4a32fc0cd8ff82b12037" ON "audit_entry" ("at") `);
        await queryRunner.query(`CREATE INDEX "IDX_e5a6cea63bd68521c60db699e2" ON "audit_entry" ("record_type", "record_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "IDX_e5a6cea63bd68521c60db699e2"`);
        await queryRunner.query(`DROP INDEX "IDX_9d18bd4a32fc0cd8ff82b12037"`);
        await queryRunner.query(`DROP INDEX "IDX_fc8bce5eff4eb154e4728c6bc3"`);
        await queryRunner.query(`DROP TABLE "audit_entry"`);
    }

}

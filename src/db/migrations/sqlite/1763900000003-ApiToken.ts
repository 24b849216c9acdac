import { MigrationInterface, QueryRunner } from "typeorm";

export class ApiToken1763900000003 implements MigrationInterface {
    name = 'ApiToken1763900000003'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "api_token" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(200) NOT NULL, "role" varchar(20) NOT NULL, "unit_scope" text NOT NULL, "token_hash" varchar(64) NOT NULL, "created_at" datetime NOT NULL DEFAULT (datetime('now')), "last_used_at" datetime, "expires_at" datetime, "revoked_at" datetime, CONSTRAINT "UQ_8b2c31d18cfaa1f93b4c9f142b5" UNIQUE ("name"), CONSTRAINT "UQ_bafaa5aab5957cd193fb2da8f24" UNIQUE ("token_hash"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "api_token"`);
    }

}

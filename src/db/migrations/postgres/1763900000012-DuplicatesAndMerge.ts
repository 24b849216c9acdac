import { MigrationInterface, QueryRunner } from "typeorm";

export class DuplicatesAndMerge1763900000012 implements MigrationInterface {
    name = 'DuplicatesAndMerge1763900000012'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "duplicate_review" ("id" SERIAL NOT NULL, "a_id" integer NOT NULL, "b_id" integer NOT NULL, "decision" character varying(20) NOT NULL, "note" text, "reviewed_by" character varying(200) NOT NULL, "reviewed_at" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_a9927300fc04b61d72e03f84d78" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_1cfe0cc404a031cdd4dc284f9c" ON "duplicate_review"  ("b_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e6c55f96d631fe3117091343d0" ON "duplicate_review"  ("a_id", "b_id") `);
        await queryRunner.query(`ALTER TABLE "collaboration" ADD "merged_into_id" integer`);
        await queryRunner.query(`ALTER TABLE "collaboration" ADD "merge_undo" text`);
        await queryRunner.query(`CREATE INDEX "IDX_76487e49166d66eb77d0239cd5" ON "collaboration"  ("merged_into_id") `);
        await queryRunner.query(`ALTER TABLE "collaboration" ADD CONSTRAINT "FK_76487e49166d66eb77d0239cd51" FOREIGN KEY ("merged_into_id") REFERENCES "collaboration"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "duplicate_review" ADD CONSTRAINT "FK_3bb90100b343c10902b688e41f7" FOREIGN KEY ("a_id") REFERENCES "collaboration"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "duplicate_review" ADD CONSTRAINT "FK_1cfe0cc404a031cdd4dc284f9cd" FOREIGN KEY ("b_id") REFERENCES "collaboration"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "duplicate_review" DROP CONSTRAINT "FK_1cfe0cc404a031cdd4dc284f9cd"`);
        await queryRunner.query(`ALTER TABLE "duplicate_review" DROP CONSTRAINT "FK_3bb90100b343c10902b688e41f7"`);
        await queryRunner.query(`ALTER TABLE "collaboration" DROP CONSTRAINT "FK_76487e49166d66eb77d0239cd51"`);
        await queryRunner.query(`DROP INDEX "IDX_76487e49166d66eb77d0239cd5"`);
        await queryRunner.query(`ALTER TABLE "collaboration" DROP COLUMN "merge_undo"`);
        await queryRunner.query(`ALTER TABLE "collaboration" DROP COLUMN "merged_into_id"`);
        await queryRunner.query(`DROP INDEX "IDX_e6c55f96d631fe3117091343d0"`);
        await queryRunner.query(`DROP INDEX "IDX_1cfe0cc404a031cdd4dc284f9c"`);
        await queryRunner.query(`DROP TABLE "duplicate_review"`);
    }

}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Token buckets of the shared rate limiter (REGISTRY_RATE_LIMIT_STORE=postgres, src/http/rate-limit.ts).
 * Unlogged: every request writes here, and losing the buckets in a crash only forgives a minute of requests,
 * so they are not worth write-ahead logging or replicating. Times are milliseconds by the database's clock.
 */
export class RateLimitBucket1763900000002 implements MigrationInterface {
  name = 'RateLimitBucket1763900000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNLOGGED TABLE "rate_limit_bucket" ("key" text PRIMARY KEY, "tokens" double precision NOT NULL, "tokens_before" double precision NOT NULL, "updated_at" double precision NOT NULL)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit_bucket"`);
  }
}

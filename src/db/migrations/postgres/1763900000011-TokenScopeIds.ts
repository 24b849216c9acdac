import { MigrationInterface, QueryRunner } from 'typeorm';
import { rewriteTokenScopesAsIds } from '../token-scope-ids';

export class TokenScopeIds1763900000011 implements MigrationInterface {
  name = 'TokenScopeIds1763900000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await rewriteTokenScopesAsIds(queryRunner, (n) => `$${n}`);
  }

  async down(): Promise<void> {
    // Scopes stay ids: keys are what let rights move with a renamed or re-created key.
  }
}

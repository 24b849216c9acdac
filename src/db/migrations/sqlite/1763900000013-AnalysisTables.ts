import { MigrationInterface, QueryRunner } from 'typeorm';
import { createAnalysisTables, dropAnalysisTables } from '../analysis-tables';

export class AnalysisTables1763900000013 implements MigrationInterface {
  name = 'AnalysisTables1763900000013';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createAnalysisTables(queryRunner, 'sqlite');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropAnalysisTables(queryRunner);
  }
}

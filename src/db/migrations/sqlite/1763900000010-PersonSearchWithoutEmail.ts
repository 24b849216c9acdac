import { MigrationInterface, QueryRunner } from 'typeorm';
import { rewritePersonSearchText } from '../person-search-without-email';

export class PersonSearchWithoutEmail1763900000010 implements MigrationInterface {
  name = 'PersonSearchWithoutEmail1763900000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await rewritePersonSearchText(queryRunner, () => '?');
  }

  async down(): Promise<void> {
    // The e-mail is not put back into the search text: that is the leak this migration closes.
  }
}

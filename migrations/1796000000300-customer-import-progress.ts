import { MigrationInterface, QueryRunner } from 'typeorm';

/** Progress of a customer import in percent (bytes of the file read so far), shown while it runs. */
export class CustomerImportProgress1796000000300 implements MigrationInterface {
  name = 'CustomerImportProgress1796000000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "customer_imports" ADD "progress" smallint NOT NULL DEFAULT '0'`);
    await queryRunner.query(
      `ALTER TABLE "customer_imports" ADD CONSTRAINT "customer_imports_progress_check" CHECK ("progress" BETWEEN 0 AND 100)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "customer_imports" DROP CONSTRAINT "customer_imports_progress_check"`);
    await queryRunner.query(`ALTER TABLE "customer_imports" DROP COLUMN "progress"`);
  }
}

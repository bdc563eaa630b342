import { MigrationInterface, QueryRunner } from 'typeorm';

/** Segment refreshes: which customers changed since a time (indexes), one queued refresh per segment, the change watermark. */
export class SegmentRefresh1796100000200 implements MigrationInterface {
  name = 'SegmentRefresh1796100000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "segment_refreshes"
            ADD "changes_from" TIMESTAMP(3) WITH TIME ZONE
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "segment_refreshes_one_queued_key" ON "segment_refreshes" ("segment_id")
            WHERE "status" = 'queued'
        `);
    await queryRunner.query(`
            CREATE INDEX "customers_workspace_updated_idx" ON "customers" ("workspace_id", "updated_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "customer_traits_workspace_updated_idx" ON "customer_traits" ("workspace_id", "updated_at")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."customer_traits_workspace_updated_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."customers_workspace_updated_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."segment_refreshes_one_queued_key"
        `);
    await queryRunner.query(`
            ALTER TABLE "segment_refreshes" DROP COLUMN "changes_from"
        `);
  }
}

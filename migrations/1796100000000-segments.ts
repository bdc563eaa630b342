import { MigrationInterface, QueryRunner } from 'typeorm';

/** The segments module: segments, their materialized members and refresh history. */
export class Segments1796100000000 implements MigrationInterface {
  name = 'Segments1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "segment_members" (
                "segment_id" uuid NOT NULL,
                "customer_id" uuid NOT NULL,
                "workspace_id" uuid NOT NULL,
                "added_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "segment_members_pkey" PRIMARY KEY ("segment_id", "customer_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "segment_members_workspace_customer_idx" ON "segment_members" ("workspace_id", "customer_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "segment_refreshes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "workspace_id" uuid NOT NULL,
                "segment_id" uuid NOT NULL,
                "kind" character varying(20) NOT NULL,
                "trigger" character varying(20) NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'queued',
                "as_of" TIMESTAMP(3) WITH TIME ZONE,
                "evaluated" integer NOT NULL DEFAULT '0',
                "size" integer,
                "added" integer NOT NULL DEFAULT '0',
                "removed" integer NOT NULL DEFAULT '0',
                "duration_ms" integer,
                "error" text,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "started_at" TIMESTAMP(3) WITH TIME ZONE,
                "finished_at" TIMESTAMP(3) WITH TIME ZONE,
                CONSTRAINT "segment_refreshes_kind_check" CHECK ("kind" IN ('full', 'incremental')),
                CONSTRAINT "segment_refreshes_status_check" CHECK (
                    "status" IN ('queued', 'running', 'completed', 'failed')
                ),
                CONSTRAINT "segment_refreshes_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "segment_refreshes_segment_created_idx" ON "segment_refreshes" ("workspace_id", "segment_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "segments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "workspace_id" uuid NOT NULL,
                "name" character varying(120) NOT NULL,
                "description" character varying(1000),
                "rules" jsonb NOT NULL,
                "referenced_segment_ids" uuid array NOT NULL DEFAULT '{}',
                "time_relative" boolean NOT NULL DEFAULT false,
                "playbook_key" character varying(60),
                "status" character varying(20) NOT NULL DEFAULT 'pending',
                "member_count" integer NOT NULL DEFAULT '0',
                "refreshed_at" TIMESTAMP(3) WITH TIME ZONE,
                "full_refreshed_at" TIMESTAMP(3) WITH TIME ZONE,
                "refresh_error" text,
                "created_by" character varying(120) NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "segments_status_check" CHECK (
                    "status" IN ('pending', 'refreshing', 'ready', 'failed')
                ),
                CONSTRAINT "segments_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "segments_workspace_created_idx" ON "segments" ("workspace_id", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "segments_workspace_name_key" ON "segments" ("workspace_id", "name")
        `);
    await queryRunner.query(`
            ALTER TABLE "segment_members"
            ADD CONSTRAINT "segment_members_segment_fkey" FOREIGN KEY ("segment_id") REFERENCES "segments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "segment_members"
            ADD CONSTRAINT "segment_members_customer_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "segment_members"
            ADD CONSTRAINT "segment_members_workspace_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "segment_refreshes"
            ADD CONSTRAINT "segment_refreshes_workspace_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "segment_refreshes"
            ADD CONSTRAINT "segment_refreshes_segment_fkey" FOREIGN KEY ("segment_id") REFERENCES "segments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "segments"
            ADD CONSTRAINT "segments_workspace_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            CREATE INDEX "segments_referenced_gin_idx" ON "segments" USING gin ("referenced_segment_ids")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."segments_referenced_gin_idx"
        `);
    await queryRunner.query(`
            ALTER TABLE "segments" DROP CONSTRAINT "segments_workspace_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "segment_refreshes" DROP CONSTRAINT "segment_refreshes_segment_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "segment_refreshes" DROP CONSTRAINT "segment_refreshes_workspace_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "segment_members" DROP CONSTRAINT "segment_members_workspace_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "segment_members" DROP CONSTRAINT "segment_members_customer_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "segment_members" DROP CONSTRAINT "segment_members_segment_fkey"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."segments_workspace_name_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."segments_workspace_created_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "segments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."segment_refreshes_segment_created_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "segment_refreshes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."segment_members_workspace_customer_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "segment_members"
        `);
  }
}

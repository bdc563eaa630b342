import { MigrationInterface, QueryRunner } from 'typeorm';

/** The platform email log (`EmailMessage`), written by hand; runs after the auth migration that creates `workspaces`. */
export class Email1795900000000 implements MigrationInterface {
  name = 'Email1795900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "email_messages" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "to_address" character varying(320) NOT NULL,
        "from_address" character varying(400) NOT NULL,
        "subject" character varying(500) NOT NULL,
        "html" text NOT NULL,
        "text" text NOT NULL,
        "template" character varying(60) NOT NULL,
        "transport" character varying(20) NOT NULL,
        "status" character varying(20) NOT NULL DEFAULT 'queued',
        "provider_message_id" character varying(255),
        "error" text,
        "attempts" integer NOT NULL DEFAULT 0,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "sent_at" TIMESTAMP(3) WITH TIME ZONE,
        CONSTRAINT "email_messages_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "email_messages_status_check" CHECK ("status" IN ('queued', 'sent', 'failed')),
        CONSTRAINT "email_messages_transport_check" CHECK ("transport" IN ('sandbox', 'sendgrid', 'smtp')),
        CONSTRAINT "email_messages_workspace_fkey" FOREIGN KEY ("workspace_id")
          REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )
    `);
    // Serves the log newest first (ORDER BY created_at DESC, id DESC) by scanning backwards.
    await queryRunner.query(`
      CREATE INDEX "email_messages_workspace_created_idx" ON "email_messages" ("workspace_id", "created_at", "id")
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."email_messages_workspace_created_idx"`);
    await queryRunner.query(`DROP TABLE "email_messages"`);
  }
}

import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CustomerConsent } from '../customers.types';

/**
 * A customer profile. `external_id` and `email` (stored lower-case) each identify at most one customer of a
 * workspace: upserts and imports dedupe on them. `search_text` backs the trigram index used by search.
 * Erasure (GDPR) blanks the personal fields and sets `erased_at`; orders and traits stay for aggregates.
 */
@Entity('customers')
@Index('customers_workspace_external_id_key', ['workspaceId', 'externalId'], { unique: true, where: '"external_id" IS NOT NULL' })
@Index('customers_workspace_email_key', ['workspaceId', 'email'], { unique: true, where: '"email" IS NOT NULL' })
@Index('customers_workspace_created_idx', ['workspaceId', 'createdAt', 'id'])
@Index('customers_workspace_country_idx', ['workspaceId', 'country'])
@Index('customers_workspace_updated_idx', ['workspaceId', 'updatedAt'])
@Index('customers_search_trgm_idx', { synchronize: false })
@Index('customers_attributes_gin_idx', { synchronize: false })
@Index('customers_tags_gin_idx', { synchronize: false })
@Check('customers_country_check', `"country" ~ '^[A-Z]{2}$'`)
export class Customer {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'customers_pkey' }) id: string;

  @ForeignKey('workspaces', { name: 'customers_workspace_fkey', onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  workspaceId: string;

  @Column({ type: 'varchar', length: 255, nullable: true }) externalId: string | null;
  @Column({ type: 'varchar', length: 320, nullable: true }) email: string | null;
  /** E.164, e.g. `+14155550100`. */
  @Column({ type: 'varchar', length: 32, nullable: true }) phone: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) firstName: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) lastName: string | null;
  /** IANA zone, e.g. `Europe/Berlin`; traits such as the preferred purchase hour use it. */
  @Column({ type: 'varchar', length: 64, nullable: true }) timezone: string | null;
  /** BCP 47 tag, e.g. `de-DE`. */
  @Column({ type: 'varchar', length: 35, nullable: true }) locale: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  @Column({ type: 'char', length: 2, nullable: true }) country: string | null;
  @Column({ type: 'varchar', length: 120, nullable: true }) city: string | null;
  /** Custom attributes: a flat JSON object of strings, numbers, booleans, ISO dates and string lists. */
  @Column({ type: 'jsonb', default: () => `'{}'` }) attributes: Record<string, unknown>;
  /** Consent per channel (`email`, `sms`, `push`): status, source and when it was given or withdrawn. */
  @Column({ type: 'jsonb', default: () => `'{}'` }) consent: CustomerConsent;
  @Column({ type: 'text', array: true, default: () => `'{}'` }) tags: string[];
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
  /** Set when the customer's personal data was erased on request. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) erasedAt: Date | null;
}

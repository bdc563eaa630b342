/** Channels a customer can consent to. */
export const CONSENT_CHANNELS = ['email', 'sms', 'push'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

export const CONSENT_STATUSES = ['subscribed', 'unsubscribed', 'pending'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/** Consent to one channel: its status, where it came from (`import`, `api`, `console`, `signup-form`…) and when. */
export interface ChannelConsent {
  status: ConsentStatus;
  source: string;
  updatedAt: string;
}

export type CustomerConsent = Partial<Record<ConsentChannel, ChannelConsent>>;

/** RFM tiers, from best to worst (the classic 10-tier RFM map; see the traits service). */
export const RFM_TIERS = [
  'Champions',
  'Loyal',
  'Potential loyalist',
  'New',
  'Promising',
  'Need attention',
  'At risk',
  "Can't lose",
  'Hibernating',
  'Lost',
] as const;
export type RfmTier = (typeof RFM_TIERS)[number];

export const CHURN_RISKS = ['low', 'medium', 'high'] as const;
export type ChurnRisk = (typeof CHURN_RISKS)[number];

export const ORDER_CHANNELS = ['online', 'offline'] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];

export type ImportStatus = 'uploaded' | 'queued' | 'running' | 'completed' | 'failed';
export type ExportStatus = 'queued' | 'running' | 'completed' | 'failed';

/**
 * Where each file column goes: a profile field (`email`, `firstName`…), `attributes.<name>`,
 * `consent.<channel>`, `tags`, or null to skip the column. Keys are the file's header names.
 */
export interface ImportMapping {
  columns: Record<string, string | null>;
}

/**
 * The contract types the segments feature uses, under the console's names (the customer-api.ts
 * pattern). If the backend renames a schema, only this file changes.
 */
export type {
  ConsentChannel,
  SegmentBreakdown,
  SegmentConsentCount,
  SegmentCustomer,
  SegmentDetail,
  SegmentExplainNode,
  SegmentExplanation,
  SegmentHistoryPoint,
  SegmentMember,
  SegmentPlaybook,
  SegmentReference,
  SegmentRefresh,
  SegmentRefreshStatus,
  SegmentSizeHistory,
  SegmentSizePoint,
  SegmentSpendBucket,
  SegmentStatus,
  SegmentSummary,
  SegmentTierCount,
} from '@lodestar/contracts';

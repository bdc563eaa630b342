/**
 * The contract types the segments feature uses, under the console's names (the customer-api.ts
 * pattern). If the backend renames a schema, only this file changes.
 */
export type {
  SegmentBreakdown,
  SegmentConsentCount,
  SegmentDetail,
  SegmentExplainNode,
  SegmentExplanation,
  SegmentHistoryPoint,
  SegmentMember,
  SegmentPlaybook,
  SegmentRefresh,
  SegmentSizeHistory,
  SegmentSizePoint,
  SegmentSpendBucket,
  SegmentStatus,
  SegmentSummary,
} from '@lodestar/contracts';

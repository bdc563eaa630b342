/**
 * The generated contract types the customers feature uses, under the console's names
 * (the `core/api/models.ts` pattern, kept in the feature). If the backend renames a schema,
 * only this file changes.
 */
export type {
  ChannelConsent,
  ChurnRisk,
  ConsentStatus,
  Customer,
  CustomerConsent,
  CustomerConsentInput,
  CustomerDetail,
  CustomerErasure,
  CustomerEvent,
  CustomerExport,
  CustomerExportFilters,
  CustomerExportStatus,
  CustomerFacets,
  CustomerOrder,
  CustomerSort,
  CustomerStats,
  CustomerTraits,
  DemoStatus,
  FacetValue,
  MonthlySpend,
  RfmTier,
  TimelineEntry,
  TimelineKind,
  UpdateCustomerRequest,
} from '@lodestar/contracts';

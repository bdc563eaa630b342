/** The queue of the scheduled RFM work. */
export const TRAITS_QUEUE = 'customer-traits';

export enum TraitsJobName {
  /** Recompute one workspace's quintile boundaries and rescore all its customers. */
  RefreshWorkspace = 'refresh-workspace',
  /** Queue a {@link TraitsJobName.RefreshWorkspace} job for every workspace that has traits (repeatable, daily). */
  RefreshAll = 'refresh-all',
}

export interface RefreshWorkspaceJob {
  workspaceId: string;
}

/** When the daily RFM run starts: 03:15 UTC, after most workspaces' nightly imports. */
export const DAILY_REFRESH_CRON = '15 3 * * *';

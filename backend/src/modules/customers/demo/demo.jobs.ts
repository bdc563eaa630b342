import type { Actor } from '../../../platform/access/actor';

/** The queue of demo data loads. */
export const DEMO_QUEUE = 'customer-demo';

export enum DemoJobName {
  /** Fill one empty workspace with the demo data. */
  Load = 'load',
}

/** Who asked for the load, for the audit log (a user, an API key, or the system at start-up). */
export type DemoRequester = Pick<Actor, 'type' | 'id' | 'label'>;

export interface LoadDemoJob {
  workspaceId: string;
  requestedBy: DemoRequester;
}

/** One load per workspace at a time: the job id is derived from the workspace. */
export const demoJobId = (workspaceId: string) => `demo-${workspaceId}`;

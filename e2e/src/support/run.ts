import type { ChildProcess } from 'node:child_process';

/** What the global teardown needs from the setup; both run in Jest's parent process. */
export interface E2eRun {
  child?: ChildProcess;
  runDir: string;
  pgServer: string;
  redisUrl: string;
  database?: string;
  queuePrefix: string;
}

declare global {
  var __LODESTAR_E2E__: E2eRun | undefined;
}

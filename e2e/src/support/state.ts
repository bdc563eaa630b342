import { readFileSync } from 'node:fs';

/** Environment variable naming the JSON file in which the global setup describes the running product. */
export const STATE_ENV = 'LODESTAR_E2E_STATE';

export interface E2eState {
  /** e.g. `http://127.0.0.1:41234`, no trailing slash. */
  baseUrl: string;
  /** The first owner, bootstrapped from LODESTAR_OWNER_EMAIL / LODESTAR_OWNER_PASSWORD. */
  owner: { email: string; password: string };
  /** Credentials of the operator-only queue dashboard at /api/queues. */
  operator: { user: string; password: string };
  databaseUrl: string;
  queuePrefix: string;
  serverLog: string;
}

let cached: E2eState | undefined;

/** What the global setup started; call from tests. */
export function e2eState(): E2eState {
  if (cached) return cached;
  const file = process.env[STATE_ENV];
  if (!file) throw new Error(`${STATE_ENV} is not set: run the e2e tests through \`npx nx run e2e:test\``);
  cached = JSON.parse(readFileSync(file, 'utf8')) as E2eState;
  return cached;
}

/** Absolute URL on the product under test. */
export const url = (path: string) => `${e2eState().baseUrl}${path.startsWith('/') ? path : `/${path}`}`;

import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_PATH, CONSOLE_DIR, LOG_DIR, SERVER_MAIN, WORKSPACE_ROOT } from './paths';
import { createDatabase } from './services';
import type { E2eRun } from './run';
import { E2eState, STATE_ENV } from './state';

const READY_TIMEOUT_MS = 90_000;

/**
 * Starts the built product on a fresh database (`lodestar_e2e_<random>`), a free port and a queue
 * prefix of its own, waits until it is ready, and writes what tests need to a JSON state file.
 */
export default async function globalSetup(): Promise<void> {
  for (const built of [SERVER_MAIN, join(CONSOLE_DIR, 'index.html')]) {
    if (!existsSync(built)) throw new Error(`Missing ${built}: build first (\`npx nx run e2e:test\` does).`);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's (\`apt-get install -y chromium\`) or set CHROMIUM_PATH.`);
  }
  const suffix = randomBytes(5).toString('hex');
  const run: E2eRun = {
    runDir: mkdtempSync(join(tmpdir(), 'lodestar-e2e-')),
    pgServer: (process.env.E2E_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, ''),
    redisUrl: process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379',
    queuePrefix: `lodestar-e2e-${suffix}`,
  };
  globalThis.__LODESTAR_E2E__ = run;

  try {
    const database = `lodestar_e2e_${suffix}`;
    await createDatabase(run.pgServer, database);
    run.database = database;

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const owner = { email: 'owner@e2e.test', password: `E2e-owner-${randomBytes(9).toString('base64url')}-7` };
    const operator = { user: 'operator', password: `E2e-operator-${randomBytes(9).toString('base64url')}` };
    mkdirSync(LOG_DIR, { recursive: true });
    const serverLog = join(LOG_DIR, 'server.log');
    const databaseUrl = `${run.pgServer}/${database}`;

    // A hermetic environment: nothing from the developer's shell (SMTP, SendGrid, CORS…) leaks in.
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TZ: 'UTC',
      NODE_ENV: 'production',
      LODESTAR_MODE: 'all',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      DATABASE_URL: databaseUrl,
      REDIS_URL: run.redisUrl,
      QUEUE_PREFIX: run.queuePrefix,
      MIGRATE_ON_START: 'true',
      JWT_SECRET: randomBytes(32).toString('hex'),
      LODESTAR_OWNER_EMAIL: owner.email,
      LODESTAR_OWNER_PASSWORD: owner.password,
      LODESTAR_DATA_DIR: join(run.runDir, 'data'),
      EMAIL_TRANSPORT: 'sandbox',
      QUEUE_DASHBOARD_USER: operator.user,
      QUEUE_DASHBOARD_PASSWORD: operator.password,
      CONSOLE_DIR,
      LOG_LEVEL: 'warn',
    };
    const out = openSync(serverLog, 'w');
    const child = spawn(process.execPath, [SERVER_MAIN], { cwd: WORKSPACE_ROOT, env, stdio: ['ignore', out, out] });
    closeSync(out);
    run.child = child;
    // Never leave the product running if Jest dies without its teardown.
    process.once('exit', () => child.exitCode === null && child.kill('SIGKILL'));

    await waitUntilReady(`${baseUrl}/api/health/ready`, child, serverLog);

    const state: E2eState = { baseUrl, owner, operator, databaseUrl, queuePrefix: run.queuePrefix, serverLog };
    const stateFile = join(run.runDir, 'state.json');
    writeFileSync(stateFile, JSON.stringify(state, null, 2));
    process.env[STATE_ENV] = stateFile;
  } catch (error) {
    // Jest skips the global teardown when the setup fails: clean up here.
    const { default: globalTeardown } = await import('./global-teardown');
    await globalTeardown();
    throw error;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(readyUrl: string, child: ChildProcess, serverLog: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The product exited (${child.exitCode ?? child.signalCode}) before it was ready.\n${tail(serverLog)}`);
    }
    try {
      const response = await fetch(readyUrl, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The product was not ready within ${READY_TIMEOUT_MS / 1000}s (${last}).\n${tail(serverLog)}`);
}

function tail(file: string, lines = 40): string {
  try {
    return `--- last lines of ${file} ---\n${readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n')}`;
  } catch {
    return '';
  }
}

import { Client } from 'pg';
import { call, createWorkspace, TEST_PASSWORD } from '../../test/auth-helpers';
import { startTestApp } from '../../test/test-app';
import { TEST_DB_ENV } from '../../test/test-env';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Closing the app (as on SIGTERM) lets a request already in flight finish before the database goes. */
describe('graceful shutdown', () => {
  it('finishes an in-flight request, then stops accepting new ones', async () => {
    const { app, url } = await startTestApp();
    const ws = await createWorkspace(app, url);
    // Hold the owner's user row so the sign-in below is provably still running when close() starts.
    const blocker = new Client({ connectionString: process.env[TEST_DB_ENV] });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [ws.owner.userId]);
    try {
      const inFlight = call(url, 'POST', '/api/auth/login', { body: { email: ws.owner.email, password: TEST_PASSWORD } });
      await sleep(500);
      let closed = false;
      const closing = app.close().then(() => (closed = true));
      await sleep(300);
      expect(closed).toBe(false); // still waiting for the request
      await blocker.query('COMMIT');
      expect((await inFlight).status).toBe(200);
      await closing;
      await expect(fetch(`${url}/api/health/live`)).rejects.toThrow();
    } finally {
      await blocker.end();
    }
  });
});

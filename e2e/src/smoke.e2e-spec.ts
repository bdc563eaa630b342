import { BrowserSession, launchBrowser, screenshot } from './browser';
import { e2eState, url } from './support/state';

/** An email field, whatever the markup details of the sign-in form. */
const EMAIL_INPUT =
  'input[type="email"], input[autocomplete="username"], input[autocomplete="email"], input[name="email"], input[formcontrolname="email"]';

/** The product as a user and an integrator first meet it: console, API docs, contract, errors, health. */
describe('smoke', () => {
  let browser: BrowserSession;

  beforeAll(async () => {
    browser = await launchBrowser({ baseURL: e2eState().baseUrl });
  });

  afterAll(async () => {
    await browser?.close();
  });

  describe('console', () => {
    it('opens on a sign-in form, without errors', async () => {
      const { page } = browser;
      await page.goto('/', { waitUntil: 'domcontentloaded' });
      try {
        await page.locator('input[type="password"]').first().waitFor({ state: 'visible', timeout: 20_000 });
      } catch (error) {
        throw new Error(`No sign-in form at ${page.url()}: ${(error as Error).message}`);
      } finally {
        await screenshot(page, 'console-sign-in');
      }
      await expect(page.locator(EMAIL_INPUT).first().isVisible()).resolves.toBe(true);
      expect(browser.pageErrors.map((e) => e.message)).toEqual([]);
      // A signed-out console may see 401s from the API; anything else (CSP violations, Angular errors) is a bug.
      expect(browser.consoleErrors.filter((m) => !m.startsWith('Failed to load resource'))).toEqual([]);
    });
  });

  describe('sign-in', () => {
    it('signs the bootstrapped owner in and leaves the sign-in page', async () => {
      const { owner } = e2eState();
      const session = await launchBrowser({ baseURL: e2eState().baseUrl });
      const { page } = session;
      try {
        await page.goto('/login', { waitUntil: 'domcontentloaded' });
        await page.locator(EMAIL_INPUT).first().fill(owner.email, { timeout: 20_000 });
        await page.locator('input[type="password"]').first().fill(owner.password);
        await page.locator('input[type="password"]').first().press('Enter');
        await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 20_000 });
        await expect(page.locator('input[type="password"]').count()).resolves.toBe(0);
      } finally {
        await screenshot(page, 'console-signed-in');
        await session.close();
      }
    });
  });

  describe('queue dashboard', () => {
    it('asks for operator credentials, then shows the queues', async () => {
      const anonymous = await fetch(url('/api/queues'));
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toContain('Basic');
      const { operator } = e2eState();
      const session = await launchBrowser({ baseURL: e2eState().baseUrl });
      await session.context.setHTTPCredentials({ username: operator.user, password: operator.password });
      try {
        const response = await session.page.goto('/api/queues', { waitUntil: 'domcontentloaded' });
        expect(response?.status()).toBe(200);
        await session.page.getByText('email', { exact: true }).first().waitFor({ state: 'visible', timeout: 20_000 });
        await session.page.getByText('Loading', { exact: false }).first().waitFor({ state: 'hidden', timeout: 20_000 });
      } finally {
        await screenshot(session.page, 'queue-dashboard');
        await session.close();
      }
    });
  });

  describe('API documentation', () => {
    it('renders Swagger UI at /api/docs', async () => {
      const { page } = browser;
      try {
        const response = await page.goto('/api/docs', { waitUntil: 'domcontentloaded' });
        expect(response?.status()).toBe(200);
        await page.locator('.swagger-ui').first().waitFor({ state: 'visible', timeout: 20_000 });
        // The document was fetched and rendered, not just the empty shell.
        await page.locator('.swagger-ui .opblock').first().waitFor({ state: 'visible', timeout: 20_000 });
      } finally {
        await screenshot(page, 'api-docs');
      }
    });

    it('serves the OpenAPI document with its operations at /api/openapi.json', async () => {
      const response = await fetch(url('/api/openapi.json'));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      const document = (await response.json()) as {
        openapi: string;
        paths: Record<string, Record<string, { operationId?: string }>>;
      };
      expect(document.openapi).toMatch(/^3\./);
      const operations = Object.entries(document.paths).flatMap(([path, item]) =>
        Object.entries(item)
          .filter(([method]) => ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'].includes(method))
          .map(([method, op]) => ({ path, method, operationId: op.operationId })),
      );
      expect(operations.length).toBeGreaterThan(0);
      expect(operations).toContainEqual({ path: '/api/health/ready', method: 'get', operationId: 'getReadiness' });
      expect(operations.every((op) => typeof op.operationId === 'string' && op.operationId.length > 0)).toBe(true);
    });
  });

  describe('routing', () => {
    it('answers an unknown API path with a 404 problem+json', async () => {
      const response = await fetch(url('/api/no-such-thing'));
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const body = (await response.json()) as { type: string; status: number; title: string; instance: string };
      expect(body).toMatchObject({ status: 404, instance: '/api/no-such-thing' });
      expect(typeof body.type).toBe('string');
      expect(typeof body.title).toBe('string');
    });

    it("answers a console deep link with the console's index.html", async () => {
      const [root, deep] = await Promise.all([fetch(url('/')), fetch(url('/users'))]);
      expect(deep.status).toBe(200);
      expect(deep.headers.get('content-type')).toMatch(/^text\/html/);
      const [rootHtml, deepHtml] = await Promise.all([root.text(), deep.text()]);
      expect(deepHtml).toContain('<app-root');
      expect(deepHtml).toBe(rootHtml);
    });
  });

  describe('health', () => {
    it('is ready with PostgreSQL and Redis up', async () => {
      const response = await fetch(url('/api/health/ready'));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        status: 'ok',
        info: { database: { status: 'up' }, redis: { status: 'up' } },
      });
    });
  });
});

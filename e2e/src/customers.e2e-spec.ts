import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { BrowserSession } from './browser';
import {
  apiSignIn,
  capturingFailure,
  openConsole,
  settled,
  shot,
  shows,
  signIn,
  ingest,
  unexpectedErrors,
  UI_TIMEOUT_MS,
} from './console';
import { e2eState } from './support/state';


const DAY_MS = 86_400_000;
/** ECharts draws with a ~1 s animation on canvas, which `shot()` cannot see: wait it out before a screenshot. */
const CHART_ANIMATION_MS = 1_200;

/** `days` ago at a fixed UTC time of day (never in the future). */
function daysAgo(days: number, utcHour: number, minute = 30): string {
  const d = new Date(Date.now() - days * DAY_MS);
  d.setUTCHours(utcHour, minute, 0, 0);
  return d.toISOString();
}


/** Rows of the customer table whose text matches, once the list has the expected number of rows. */
async function rowsAfterLoad(page: Page, expected: number): Promise<string[]> {
  await page.waitForFunction((n) => document.querySelectorAll('tr.customer-row').length === n, expected, { timeout: UI_TIMEOUT_MS });
  await settled(page);
  return (await page.locator('tr.customer-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/**
 * The customers console in a real browser: three customers with orders and events pushed through the
 * bulk API, then found on the list by search and by a filter, and opened on the customer 360 page.
 */
describe('customers', () => {
  const suffix = randomBytes(3).toString('hex');
  const tag = `e2e-${suffix}`;
  const people = {
    ada: { externalId: `e2e-${suffix}-ada`, firstName: 'Ada', lastName: `Lovelace ${suffix}`, email: `ada.${suffix}@e2e.test` },
    bruno: { externalId: `e2e-${suffix}-bruno`, firstName: 'Bruno', lastName: `Díaz ${suffix}`, email: `bruno.${suffix}@e2e.test` },
    chen: { externalId: `e2e-${suffix}-chen`, firstName: 'Chen', lastName: `Wei ${suffix}`, email: `chen.${suffix}@e2e.test` },
  };
  let session: BrowserSession;
  let adaId = '';

  beforeAll(async () => {
    const token = await apiSignIn(e2eState().owner.email, e2eState().owner.password);
    const created = await ingest(token, 'customers', [
      {
        ...people.ada,
        country: 'JP',
        city: 'Tokyo',
        timezone: 'Asia/Tokyo',
        locale: 'ja-JP',
        tags: [tag, 'vip'],
        attributes: { plan: 'pro' },
        consent: { email: { status: 'subscribed', source: 'signup-form' } },
      },
      { ...people.bruno, country: 'ES', city: 'Madrid', timezone: 'Europe/Madrid', tags: [tag] },
      { ...people.chen, country: 'DE', tags: [tag] },
    ]);
    adaId = created.results[0].id ?? '';
    // Ada buys three times at 23:30 Tokyo time (14:30 UTC): a repeat night buyer. Bruno once, long ago.
    const line = (product: string, category: string, unitPrice: number, quantity = 1) => ({ product, category, quantity, unitPrice });
    await ingest(token, 'orders', [
      { customerExternalId: people.ada.externalId, externalId: `${suffix}-A1`, channel: 'online', currency: 'EUR', placedAt: daysAgo(60, 14), items: [line('Trail runner', 'Shoes', 120)] },
      { customerExternalId: people.ada.externalId, externalId: `${suffix}-A2`, channel: 'online', currency: 'EUR', placedAt: daysAgo(30, 14), items: [line('Rain jacket', 'Apparel', 90), line('Socks', 'Apparel', 5, 2)] },
      { customerExternalId: people.ada.externalId, externalId: `${suffix}-A3`, channel: 'offline', currency: 'EUR', placedAt: daysAgo(3, 14), items: [line('Trail runner', 'Shoes', 120)] },
      { customerExternalId: people.bruno.externalId, externalId: `${suffix}-B1`, channel: 'online', currency: 'EUR', placedAt: daysAgo(200, 10), items: [line('Yoga mat', 'Fitness', 40)] },
    ]);
    await ingest(token, 'events', [
      { customerExternalId: people.ada.externalId, type: 'email_clicked', occurredAt: daysAgo(2, 9), properties: { campaign: `autumn-${suffix}` } },
      { customerExternalId: people.ada.externalId, type: 'product_view', occurredAt: daysAgo(1, 9), properties: { product: 'Trail runner' } },
    ]);
    session = await openConsole();
    // Tall enough for the summary charts and the table in one screenshot (the console scrolls inside).
    await session.page.setViewportSize({ width: 1280, height: 1400 });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('lists the customers, narrows them by search and by a filter kept in the URL', async () => {
    const { page } = session;
    await capturingFailure(page, 'customers-list', async () => {
      await signIn(page, e2eState().owner.email, e2eState().owner.password);
      await page.locator('[aria-label="Main navigation"]').getByRole('link', { name: 'Customers' }).click();
      await page.waitForURL('**/customers');
      await shows(page.getByRole('heading', { name: 'Customers', level: 1 }));
      await shows(page.locator('[data-testid="rfm-tier-chart"] canvas'), 'the RFM tier chart');
      await shows(page.locator('[data-testid="revenue-chart"] canvas'), 'the revenue chart');
      await shows(page.getByRole('table', { name: 'Customers' }).getByText(`Ada Lovelace ${suffix}`), 'Ada in the list');
      await page.waitForTimeout(CHART_ANIMATION_MS);
      await shot(page, 'customers-list');

      const search = page.getByLabel('Search', { exact: true });
      await search.fill(suffix);
      await page.waitForURL(`**/customers?q=${suffix}`);
      const all = await rowsAfterLoad(page, 3);
      expect(all.map((r) => r.split(' ').slice(0, 3).join(' ')).sort()).toEqual([
        `Ada Lovelace ${suffix}`,
        `Bruno Díaz ${suffix}`,
        `Chen Wei ${suffix}`,
      ]);

      await search.fill(people.ada.email);
      const [ada] = await rowsAfterLoad(page, 1);
      expect(ada).toContain(`Ada Lovelace ${suffix}`);
      expect(ada).toContain('Tokyo, Japan');
      expect(ada).toContain('340'); // 120 + 90 + 2 × 5 + 120

      // A filter on top of the search: customers in Spain.
      await search.fill(suffix);
      await rowsAfterLoad(page, 3);
      await page.getByRole('combobox', { name: 'Country' }).click();
      await page.getByRole('option', { name: /^Spain \(\d+\)$/ }).click();
      await page.keyboard.press('Escape');
      await page.waitForURL((u) => u.searchParams.get('country') === 'ES' && u.searchParams.get('q') === suffix);
      const spain = await rowsAfterLoad(page, 1);
      expect(spain[0]).toContain(`Bruno Díaz ${suffix}`);
      await shot(page, 'customers-list-filtered');

      // The filtered list is linkable: a fresh load of the URL shows the same rows.
      await page.reload();
      const reloaded = await rowsAfterLoad(page, 1);
      expect(reloaded[0]).toContain(`Bruno Díaz ${suffix}`);
      await shows(page.getByRole('combobox', { name: 'Country' }).getByText('Spain'), 'the country filter restored from the URL');
      expect(unexpectedErrors(session)).toEqual([]);
    });
  });

  it("opens a customer's 360 page with traits, consent and the timeline of orders and events", async () => {
    const { page } = session;
    await capturingFailure(page, 'customer-360', async () => {
      await page.goto(`/customers?q=${encodeURIComponent(people.ada.email)}`);
      await rowsAfterLoad(page, 1);
      await page.getByRole('link', { name: `Ada Lovelace ${suffix}` }).click();
      await page.waitForURL(`**/customers/${adaId}`);
      await shows(page.getByRole('heading', { name: `Ada Lovelace ${suffix}`, level: 1 }));

      await shows(page.locator('[data-testid="rfm-tier"]'), 'the RFM tier');
      await expect(page.locator('[data-trait="orderCount"] .value').innerText()).resolves.toBe('3');
      await expect(page.locator('[data-trait="totalSpent"] .value').innerText()).resolves.toBe('340');
      await expect(page.locator('[data-trait="nightBuyer"] .value').innerText()).resolves.toBe('Yes');
      await expect(page.locator('[data-trait="preferredHour"] .value').innerText()).resolves.toBe('23:00');
      await expect(page.locator('[data-trait="preferredCategory"] .value').innerText()).resolves.toBe('Shoes');
      await shows(page.getByText('From recency, frequency and monetary quintiles in this workspace'), 'the RFM explanation');
      const email = page.locator('tr[data-channel="email"]');
      await expect(email.innerText()).resolves.toMatch(/subscribed\s+signup-form/);

      const entries = page.locator('li.entry');
      await page.waitForFunction(() => document.querySelectorAll('li.entry').length === 5);
      // Newest first: the product view yesterday, the click two days ago, then the orders.
      await expect(entries.nth(0).innerText()).resolves.toContain('product_view');
      await expect(entries.nth(1).innerText()).resolves.toContain(`autumn-${suffix}`);
      await expect(entries.nth(2).innerText()).resolves.toContain(`Order ${suffix}-A3`);
      await shows(page.locator('[data-testid="spend-chart"] canvas'), 'the spend chart');
      await page.waitForTimeout(CHART_ANIMATION_MS);
      await shot(page, 'customer-360');

      await page.getByRole('radio', { name: 'Orders' }).click();
      await page.waitForFunction(
        () => {
          const kinds = Array.from(document.querySelectorAll<HTMLElement>('li.entry')).map((e) => e.dataset['kind']);
          return kinds.length === 3 && kinds.every((k) => k === 'order');
        },
        undefined,
        { timeout: UI_TIMEOUT_MS },
      );
      await expect(entries.nth(1).innerText()).resolves.toMatch(/Rain jacket[\s\S]*Apparel/);
      expect(unexpectedErrors(session)).toEqual([]);
    });
  });
});

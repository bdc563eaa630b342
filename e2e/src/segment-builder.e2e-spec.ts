import { randomBytes } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import type { BrowserSession } from './browser';
import { apiJson, apiSignIn, capturingFailure, choose, ingest, openConsole, shot, shows, signIn, unexpectedErrors, UI_TIMEOUT_MS } from './console';
import { e2eState } from './support/state';

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();



/** The trees the test builds by clicking, as the API reads them (the console's node ids aside). */
const COUNTRY = { type: 'field', field: 'profile.country', operator: 'in', value: ['US', 'CA'] };
const OPENED = { type: 'event', event: 'email_opened', did: true, window: { kind: 'lastDays', days: 30 } };
const SPENT = { type: 'field', field: 'traits.totalSpent', operator: 'gt', value: 500 };
const tree = (...children: unknown[]) => ({ version: 1, root: { type: 'group', operator: 'and', children } });
const anyOf = (...children: unknown[]) => ({ type: 'group', operator: 'or', children });

/** The live count's number once the last edit is counted (no progress bar, no error) and differs from `previous`. */
async function countAfter(page: Page, previous: number | null): Promise<number> {
  await page.waitForFunction(
    (prev) => {
      const panel = document.querySelector('app-live-count');
      const text = panel?.querySelector('[data-testid="live-count"]')?.textContent?.replace(/[^\d]/g, '') ?? '';
      if (!panel || panel.querySelector('mat-progress-bar, [data-testid="live-count-error"]') || !text) return false;
      return prev === null || Number(text) !== prev;
    },
    previous,
    { timeout: UI_TIMEOUT_MS },
  );
  const text = await page.getByTestId('live-count').innerText();
  return Number(text.replace(/[^\d]/g, ''));
}

/** What `POST /api/segments/preview` counts for `rules`. */
async function apiCount(token: string, rules: unknown): Promise<number> {
  const preview = await apiJson<{ count: number }>('/segments/preview', { token, body: { rules } });
  return preview.count;
}

/** The buttons of a group's own footer (not those of the groups nested in it). */
const groupButton = (group: Locator, name: string) => group.locator(':scope > section > footer').getByRole('button', { name });

/**
 * The rule builder in a real browser: the owner builds "country in (US, CA) and any of (opened an email in
 * the last 30 days, total spent > 500)" by clicking, sees the live count follow every step (and agree with
 * the API's preview of the same tree), reorders a condition by dragging it, saves, and lands on the segment.
 */
describe('segment builder', () => {
  const suffix = randomBytes(3).toString('hex');
  const name = `Engaged or big spenders in North America ${suffix}`;
  let session: BrowserSession;
  let token = '';

  beforeAll(async () => {
    token = await apiSignIn(e2eState().owner.email, e2eState().owner.password);
    // A small known data set, so each step of the tree changes the count whatever else the workspace holds.
    const person = (key: string, country: string) => ({
      externalId: `seg-${suffix}-${key}`,
      email: `${key}.${suffix}@segments.e2e.test`,
      firstName: key.toUpperCase(),
      lastName: `Builder ${suffix}`,
      country,
    });
    const people = [
      person('us1', 'US'),
      person('us2', 'US'),
      person('us3', 'US'),
      person('us4', 'US'),
      person('ca1', 'CA'),
      person('ca2', 'CA'),
      person('de1', 'DE'),
      person('fr1', 'FR'),
    ];
    await ingest(token, 'customers', people);
    const order = (key: string, amount: number, days: number) => ({
      customerExternalId: `seg-${suffix}-${key}`,
      externalId: `seg-${suffix}-${key}-order`,
      channel: 'online',
      currency: 'USD',
      placedAt: daysAgo(days),
      items: [{ product: 'Trail runner', category: 'Shoes', quantity: 1, unitPrice: amount }],
    });
    await ingest(token, 'orders', [
      order('us1', 100, 20),
      order('us2', 800, 40),
      order('us3', 50, 90),
      order('ca1', 900, 5),
      order('de1', 1000, 3),
    ]);
    const opened = (key: string, days: number) => ({
      customerExternalId: `seg-${suffix}-${key}`,
      type: 'email_opened',
      occurredAt: daysAgo(days),
      properties: { campaign: `builder-${suffix}` },
    });
    await ingest(token, 'events', [opened('us1', 5), opened('us3', 60), opened('ca1', 10), opened('de1', 2)]);
    session = await openConsole();
    await session.page.setViewportSize({ width: 1400, height: 1000 });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('builds a nested segment by clicking, with the live count following each step, and saves it', async () => {
    const { page } = session;
    await capturingFailure(page, 'segment-builder', async () => {
      await signIn(page, e2eState().owner.email, e2eState().owner.password);
      await page.goto('/segments/new');
      await shows(page.getByRole('heading', { name: 'New segment', level: 1 }));

      // An empty "All of" group matches everyone.
      const everyone = await countAfter(page, null);
      expect(everyone).toBe(await apiCount(token, tree()));
      await shot(page, 'segment-builder-1-new');

      // Country is any of United States, Canada.
      const root = page.locator('app-rule-group').first();
      await groupButton(root, 'Add condition').click();
      const country = page.locator('app-rule-condition').nth(0);
      await choose(page, country.getByRole('combobox', { name: 'Field' }), 'Country');
      await country.getByRole('combobox', { name: 'Values' }).click();
      await page.getByRole('option', { name: 'United States', exact: true }).click();
      await page.getByRole('option', { name: 'Canada', exact: true }).click();
      await page.keyboard.press('Escape');
      const inNorthAmerica = await countAfter(page, everyone);
      expect(inNorthAmerica).toBe(await apiCount(token, tree(COUNTRY)));
      await shot(page, 'segment-builder-2-country');

      // And any of: opened an email in the last 30 days…
      await groupButton(root, 'Add group').click();
      const nested = root.locator('app-rule-group').first();
      await shows(nested.getByRole('radio', { name: 'Any of', checked: true }), 'the nested group matching any of its conditions');
      const event = nested.locator('app-rule-condition').nth(0);
      await choose(page, event.getByRole('combobox', { name: 'Field' }), 'email_opened');
      await shows(event.getByRole('spinbutton', { name: 'Days' }), 'the "last N days" input');
      expect(await event.getByRole('spinbutton', { name: 'Days' }).inputValue()).toBe('30');
      const engaged = await countAfter(page, inNorthAmerica);
      expect(engaged).toBe(await apiCount(token, tree(COUNTRY, anyOf(OPENED))));
      await shot(page, 'segment-builder-3-opened-email');

      // …or total spent greater than 500.
      await groupButton(nested, 'Add condition').click();
      const spent = nested.locator('app-rule-condition').nth(1);
      await choose(page, spent.getByRole('combobox', { name: 'Field' }), 'Total spent');
      await shows(spent.getByRole('combobox', { name: 'Operator' }).getByText('greater than'), 'the "greater than" operator');
      await spent.getByRole('spinbutton', { name: 'Value' }).fill('500');
      const engagedOrBig = await countAfter(page, engaged);
      expect(engagedOrBig).toBe(await apiCount(token, tree(COUNTRY, anyOf(OPENED, SPENT))));
      await shot(page, 'segment-builder-4-total-spent');

      // Drag "total spent" above "opened an email" in the nested group: the order changes, not the count.
      const handle = nested.getByRole('button', { name: 'Move condition 2' });
      const target = nested.locator('app-rule-condition').nth(0);
      const from = await handle.boundingBox();
      const to = await target.boundingBox();
      if (!from || !to) throw new Error('The drag handle or its target is not on screen');
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await page.mouse.down();
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 10, { steps: 5 });
      await page.mouse.move(from.x + from.width / 2, to.y + 5, { steps: 20 });
      await page.mouse.up();
      // Off the handle, so that its tooltip does not cover the screenshot.
      await page.mouse.move(5, 5);
      await page.waitForFunction(
        () => {
          const first = document.querySelector('app-rule-group app-rule-group app-rule-condition');
          return (first?.querySelector('.mat-mdc-select-value-text')?.textContent ?? '').includes('Total spent');
        },
        undefined,
        { timeout: UI_TIMEOUT_MS },
      );
      await page.waitForFunction(() => !document.querySelector('app-live-count mat-progress-bar'), undefined, { timeout: UI_TIMEOUT_MS });
      expect(await countAfter(page, null)).toBe(engagedOrBig);
      await shot(page, 'segment-builder-5-reordered');

      await page.getByLabel('Name').fill(name);
      await page.getByRole('button', { name: 'Save segment' }).click();
      await page.waitForURL(/\/segments\/[0-9a-f-]{36}$/);
      await shows(page.getByRole('heading', { level: 1 }), "the segment's page");
      const id = new URL(page.url()).pathname.split('/').pop() ?? '';
      const saved = await apiJson<{ name: string; rules: { root: { children: Record<string, unknown>[] } } }>(`/segments/${id}`, { token });
      expect(saved.name).toBe(name);
      expect(saved.rules).toMatchObject(tree(COUNTRY, anyOf(SPENT, OPENED)));
      await shot(page, 'segment-builder-6-saved');
      expect(unexpectedErrors(session)).toEqual([]);
    });
  });
});

import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { BrowserSession } from './browser';
import {
  apiSignIn,
  capturingFailure,
  dismissSnackbars,
  openConsole,
  shot,
  shows,
  signIn,
  snackbar,
  ingest,
  unexpectedErrors,
  UI_TIMEOUT_MS,
} from './console';
import { e2eState } from './support/state';

const DAY_MS = 86_400_000;
/** ECharts draws with a ~1 s animation on canvas, which `shot()` cannot see: wait it out before a screenshot. */
const CHART_ANIMATION_MS = 1_200;
/** The playbook the test creates a segment from: spent 500 or more over the last 90 days. */
const PLAYBOOK = { key: 'big-spenders-quarter', name: 'Big spenders this quarter' };
/** A refresh of a few dozen customers takes well under this, even on a busy CI machine. */
const REFRESH_TIMEOUT_MS = 30_000;

/** `days` ago at noon UTC. */
function daysAgo(days: number): string {
  const d = new Date(Date.now() - days * DAY_MS);
  d.setUTCHours(12, 0, 0, 0);
  return d.toISOString();
}


/** Waits until the segment detail shows this status chip (the page follows a segment being computed). */
async function statusIs(page: Page, label: string, timeout = REFRESH_TIMEOUT_MS): Promise<void> {
  await page.waitForFunction((text) => document.querySelector('.facts [data-status]')?.textContent?.trim() === text, label, { timeout });
}

/**
 * The segments console in a real browser: customers and orders pushed through the bulk API, a segment
 * created from a playbook by clicking, its detail (rules in words, breakdown charts, members), why a
 * member is in it, a refresh on demand, and the list with its size sparklines.
 */
describe('segments', () => {
  const suffix = randomBytes(3).toString('hex');
  /** Four customers who spent 500 or more in the last 90 days (the playbook's rule), two who did not. */
  const buyers = [
    { name: 'Ines', spent: [420, 200], country: 'US', days: [10, 40], email: 'subscribed' },
    { name: 'Omar', spent: [750], country: 'CA', days: [5], email: 'subscribed' },
    { name: 'Lena', spent: [1200], country: 'DE', days: [60], email: 'unsubscribed' },
    { name: 'Yuki', spent: [300, 300], country: 'JP', days: [20, 80], email: null },
    { name: 'Pia', spent: [120], country: 'US', days: [15], email: 'subscribed' },
    { name: 'Tom', spent: [900], country: 'CA', days: [200], email: null },
  ];
  const lastName = `Segment ${suffix}`;
  let session: BrowserSession;
  let segmentUrl = '';

  beforeAll(async () => {
    const token = await apiSignIn(e2eState().owner.email, e2eState().owner.password);
    const externalId = (name: string) => `seg-${suffix}-${name.toLowerCase()}`;
    await ingest(
      token,
      'customers',
      buyers.map((b) => ({
        externalId: externalId(b.name),
        firstName: b.name,
        lastName,
        email: `${b.name.toLowerCase()}.${suffix}@e2e.test`,
        country: b.country,
        ...(b.email ? { consent: { email: { status: b.email, source: 'e2e' } } } : {}),
      })),
    );
    await ingest(
      token,
      'orders',
      buyers.flatMap((b) =>
        b.spent.map((amount, i) => ({
          customerExternalId: externalId(b.name),
          externalId: `seg-${suffix}-${b.name}-${i}`,
          channel: 'online',
          currency: 'EUR',
          placedAt: daysAgo(b.days[i]),
          items: [{ product: 'Gift box', category: 'Gifts', quantity: 1, unitPrice: amount }],
        })),
      ),
    );
    session = await openConsole();
    await session.page.setViewportSize({ width: 1280, height: 1400 });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('creates a segment from the playbook gallery in one click and opens it', async () => {
    const { page } = session;
    await capturingFailure(page, 'segments-playbooks', async () => {
      await signIn(page, e2eState().owner.email, e2eState().owner.password);
      await page.locator('[aria-label="Main navigation"]').getByRole('link', { name: 'Segments' }).click();
      await page.waitForURL('**/segments');
      await shows(page.getByRole('heading', { name: 'Segments', level: 1 }));
      await page.getByRole('link', { name: 'Playbooks' }).click();
      await page.waitForURL('**/segments/playbooks');

      const card = page.locator(`[data-playbook="${PLAYBOOK.key}"]`);
      await shows(card.getByRole('heading', { name: PLAYBOOK.name }), 'the playbook card');
      const count = await card.locator('[data-testid="playbook-count"]').innerText();
      expect(Number(count.replace(/\D/g, ''))).toBeGreaterThanOrEqual(4); // Ines, Omar, Lena, Yuki (and whoever else spent 500)
      await shows(card.getByText('Recommended offer'), 'the recommended offer');
      await shot(page, 'segments-playbooks');

      await card.getByRole('button', { name: 'Create segment' }).click();
      await page.waitForURL(/\/segments\/[0-9a-f-]{36}$/);
      segmentUrl = new URL(page.url()).pathname;
      await shows(page.getByRole('heading', { name: PLAYBOOK.name, level: 1 }));
      await statusIs(page, 'Ready');
      expect(unexpectedErrors(session)).toEqual([]);
    });
  });

  it('shows the segment: rules in words, size history, breakdown charts and members', async () => {
    const { page } = session;
    await capturingFailure(page, 'segments-detail', async () => {
      await page.goto(segmentUrl);
      await statusIs(page, 'Ready');
      await shows(
        page.locator('[data-testid="rules-summary"]').getByText('Amount spent in the last 90 days is at least 500'),
        'the rules in words',
      );
      for (const chart of ['history-chart', 'tier-chart', 'consent-chart', 'spend-chart']) {
        await shows(page.locator(`[data-testid="${chart}"] canvas`), `the ${chart}`);
      }
      const members = page.getByRole('table', { name: 'Members' });
      for (const name of ['Ines', 'Omar', 'Lena', 'Yuki']) {
        await shows(members.getByRole('link', { name: `${name} ${lastName}` }), `${name} among the members`);
      }
      await expect(members.getByRole('link', { name: `Pia ${lastName}` }).count()).resolves.toBe(0);
      await expect(members.getByRole('link', { name: `Tom ${lastName}` }).count()).resolves.toBe(0);
      await page.waitForTimeout(CHART_ANIMATION_MS);
      await shot(page, 'segments-detail');
      expect(unexpectedErrors(session)).toEqual([]);
    });
  });

  it('explains why a member is in the segment, with the values compared', async () => {
    const { page } = session;
    await capturingFailure(page, 'segments-explain', async () => {
      await page.goto(segmentUrl);
      await page.getByRole('button', { name: `Why is Omar ${lastName} in this segment?` }).click();
      const panel = page.locator('[data-testid="explain-panel"]');
      await shows(panel.getByText('meets the rules'), 'the explanation');
      const met = panel.locator('li[data-matched="true"] .comparison');
      await shows(met.first(), 'a met condition');
      await expect(met.first().innerText()).resolves.toBe('750 ≥ 500 ✓');

      // "Check a customer": someone who is not in it, found by name.
      await panel.getByRole('button', { name: 'Close the explanation' }).click();
      await page.getByLabel('Customer', { exact: true }).fill(`Tom ${lastName}`);
      await page.getByRole('option', { name: new RegExp(`Tom ${lastName}`) }).click();
      await shows(panel.getByText('does not meet the rules'), 'why Tom is not in it');
      await expect(panel.locator('li[data-matched="false"] .comparison').first().innerText()).resolves.toBe('0 ≥ 500 ✗');
      await shot(page, 'segments-explain');
      expect(unexpectedErrors(session)).toEqual([]);
    });
  });

  it('refreshes the segment on demand and comes back ready', async () => {
    const { page } = session;
    await capturingFailure(page, 'segments-refresh', async () => {
      await page.goto(segmentUrl);
      await statusIs(page, 'Ready');
      await dismissSnackbars(page);
      await page.getByRole('button', { name: 'Refresh now' }).click();
      await shows(snackbar(page, /Refreshed: [\d,]+ members/), 'the refresh result');
      await statusIs(page, 'Ready', UI_TIMEOUT_MS);
      await expect(page.getByRole('button', { name: 'Refresh now' }).isEnabled()).resolves.toBe(true);
      await page.waitForTimeout(CHART_ANIMATION_MS);
      await shot(page, 'segments-refreshed');
      expect(unexpectedErrors(session)).toEqual([]);
    });
  });

  it('lists the segment with its size sparkline, and the gallery links the playbook to it', async () => {
    const { page } = session;
    await capturingFailure(page, 'segments-list', async () => {
      await page.goto('/segments');
      const row = page.locator('tr.segment-row').filter({ hasText: PLAYBOOK.name });
      await shows(row, 'the new segment in the list');
      await expect(row.locator('[data-status]').innerText()).resolves.toBe('Ready');
      await expect(row.locator('[data-testid="time-relative"]').count()).resolves.toBe(1);
      // Created, then refreshed: two points of size history, drawn as a line.
      const points = await row.locator('app-segment-sparkline polyline').getAttribute('points');
      expect(points?.split(' ').length).toBeGreaterThanOrEqual(2);
      await shot(page, 'segments-list');

      await page.getByRole('link', { name: 'Playbooks' }).click();
      const card = page.locator(`[data-playbook="${PLAYBOOK.key}"]`);
      await shows(card.getByText('Already created'), 'the playbook marked as created');
      await expect(card.getByRole('link', { name: 'Open segment' }).getAttribute('href')).resolves.toBe(segmentUrl);
      expect(unexpectedErrors(session)).toEqual([]);
    });
  });
});

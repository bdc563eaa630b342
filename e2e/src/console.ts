import type { Locator, Page } from 'playwright-core';
import { BrowserSession, launchBrowser, screenshot } from './browser';
import { e2eState } from './support/state';

/**
 * Small helpers for driving the Angular console as a person would: labels, roles and the texts the
 * templates render. Playwright's own `expect` lives in @playwright/test, which is not installed, so
 * waits double as assertions here (each names what it expected when it times out).
 */

/** Long enough for a lazy route and an API call on a slow CI machine, short enough to fail fast. */
export const UI_TIMEOUT_MS = 10_000;

/** A browser session on the product under test, with short default timeouts. */
export async function openConsole(): Promise<BrowserSession> {
  const session = await launchBrowser({ baseURL: e2eState().baseUrl });
  session.context.setDefaultTimeout(UI_TIMEOUT_MS);
  session.context.setDefaultNavigationTimeout(20_000);
  return session;
}

/** Waits until `locator` is visible; the error says what was missing and where. */
export async function shows(locator: Locator, what = String(locator)): Promise<Locator> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  } catch (error) {
    throw new Error(`Expected to see ${what} on ${locator.page().url()}: ${(error as Error).message.split('\n')[0]}`);
  }
  return locator;
}

/** Waits until the page has no progress bar (lists and details loaded). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('mat-progress-bar').length === 0, undefined, {
    timeout: UI_TIMEOUT_MS,
  });
}

/** Screenshot once the page has loaded what it shows and the dialog/menu animations have ended. */
export async function shot(page: Page, name: string): Promise<string> {
  await settled(page);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, {
    timeout: 3_000,
  }).catch(() => undefined);
  return screenshot(page, name);
}

/** Signs in through the form at /login and waits to leave it. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Signs out through the account menu in the toolbar. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Account menu for / }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL((u) => u.pathname === '/login');
}

/** The labels of the sidenav links, once the shell has rendered them. */
export async function navigationLabels(page: Page): Promise<string[]> {
  const links = page.locator('[aria-label="Main navigation"]').getByRole('link');
  await shows(links, 'the main navigation');
  return (await links.allInnerTexts()).map((t) => t.trim());
}

/** Opens a Material select (combobox) and picks the option with exactly this label. */
export async function choose(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

/** A snackbar with this text (the console's confirmations and errors). */
export function snackbar(page: Page, text: string | RegExp): Locator {
  return page.locator('mat-snack-bar-container').filter({ hasText: text });
}

/** Dismisses every open snackbar, so the next one asserted is new. */
export async function dismissSnackbars(page: Page): Promise<void> {
  const dismiss = page.locator('mat-snack-bar-container').getByRole('button', { name: 'Dismiss' });
  while ((await dismiss.count()) > 0) {
    await dismiss.first().click().catch(() => undefined);
    await page.locator('mat-snack-bar-container').first().waitFor({ state: 'detached' }).catch(() => undefined);
  }
}

/** Errors the pages threw or logged; failed resource loads (expected 401/404s) are left out. */
export function unexpectedErrors(session: BrowserSession): string[] {
  return [
    ...session.pageErrors.map((e) => `page error: ${e.message}`),
    ...session.consoleErrors.filter((m) => !m.startsWith('Failed to load resource')).map((m) => `console: ${m}`),
  ];
}

/** Runs a test body and saves `FAILED-<name>.png` of the page when it throws. */
export async function capturingFailure(page: Page, name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    await screenshot(page, `FAILED-${name}`).catch(() => undefined);
    throw error;
  }
}

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

/*
 * Setting the scene and checking outcomes through the API, from the test process (fetch). The
 * console itself is driven only through the browser.
 */

/** Calls `/api<path>` on the product, with a Bearer token and a JSON body when given. */
export function api(path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (init.token) headers['Authorization'] = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(`${e2eState().baseUrl}/api${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

/** `api()` that expects a 2xx answer and returns its JSON body (undefined for 204). */
export async function apiJson<T>(path: string, init: Parameters<typeof api>[1] = {}): Promise<T> {
  const response = await api(path, init);
  if (!response.ok) {
    throw new Error(`${init.method ?? (init.body === undefined ? 'GET' : 'POST')} /api${path}: HTTP ${response.status} ${await response.text()}`);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Signs in through `POST /api/auth/login` and returns the access token. */
export async function apiSignIn(email: string, password: string): Promise<string> {
  const tokens = await apiJson<{ accessToken: string }>('/auth/login', { body: { email, password } });
  return tokens.accessToken;
}

export interface Person {
  email: string;
  name: string;
  password: string;
}

/**
 * Adds a member as the console's flow does, through the API: the owner invites them with a built-in
 * role, the invitation link is read from the sandbox email log, and they accept it with their name
 * and password. Returns their user id.
 */
export async function addMember(ownerToken: string, person: Person, roleKey = 'viewer'): Promise<string> {
  const roles = await apiJson<{ id: string; key: string }[]>('/roles', { token: ownerToken });
  const role = roles.find((r) => r.key === roleKey);
  if (!role) throw new Error(`No role ${roleKey}`);
  await apiJson('/invitations', { token: ownerToken, body: { email: person.email, roleId: role.id } });
  const to = encodeURIComponent(person.email);
  const emails = await apiJson<{ items: { id: string }[] }>(`/email/messages?to=${to}&template=invitation`, { token: ownerToken });
  if (emails.items.length !== 1) throw new Error(`Expected one invitation email to ${person.email}, got ${emails.items.length}`);
  const email = await apiJson<{ text: string }>(`/email/messages/${emails.items[0].id}`, { token: ownerToken });
  const token = /\/accept-invitation\?token=([\w-]+)/.exec(email.text)?.[1];
  if (!token) throw new Error(`No invitation link in the email to ${person.email}`);
  const tokens = await apiJson<{ accessToken: string }>('/auth/invitations/accept', {
    body: { token, name: person.name, password: person.password },
  });
  const me = await apiJson<{ user: { id: string } }>('/me', { token: tokens.accessToken });
  return me.user.id;
}

/** The tokens the console keeps in localStorage for its session (null when signed out). */
export function storedTokens(page: Page): Promise<{ accessToken: string; refreshToken: string } | null> {
  return page.evaluate(() => {
    const accessToken = localStorage.getItem('lodestar.accessToken');
    const refreshToken = localStorage.getItem('lodestar.refreshToken');
    return accessToken && refreshToken ? { accessToken, refreshToken } : null;
  });
}

export interface IngestResponse {
  results: { index: number; status: 'created' | 'updated' | 'rejected'; reason?: string; id?: string }[];
}

/** Posts a batch to the bulk API and fails on any rejected item. */
export async function ingest(token: string, resource: 'customers' | 'orders' | 'events', items: unknown[]): Promise<IngestResponse> {
  const response = await apiJson<IngestResponse>(`/ingest/${resource}`, { token, body: { items } });
  const rejected = response.results.filter((r) => r.status === 'rejected');
  if (rejected.length) throw new Error(`Rejected ${resource}: ${JSON.stringify(rejected)}`);
  return response;
}

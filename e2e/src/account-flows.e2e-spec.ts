import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import type { BrowserSession } from './browser';
import {
  addMember,
  api,
  apiJson,
  apiSignIn,
  capturingFailure,
  choose,
  dismissSnackbars,
  openConsole,
  Person,
  settled,
  shot,
  shows,
  signIn,
  signOut,
  snackbar,
  storedTokens,
  unexpectedErrors,
} from './console';
import { e2eState } from './support/state';

/**
 * The account flows of the console, in a real browser against the built product: a member resets a
 * forgotten password through the emailed link (read by the owner in the sandbox Email log), the
 * owner builds a custom role and gives it to a member, deactivates and reactivates a member whose
 * open session is then signed out, exports the audit log as CSV, and a member edits their profile.
 *
 * Members are added through the API (invitation read from the email log, then accepted) in
 * `beforeAll`; the tests run in order and share the owner's session. The audit export checks the
 * member changes the role and deactivation tests made.
 */
describe('account flows', () => {
  const suffix = randomBytes(4).toString('hex');
  const person = (key: string, name: string): Person => ({
    email: `${key}-${suffix}@e2e.test`,
    name: `${name} ${suffix}`,
    password: `${key}-pass-${randomBytes(6).toString('base64url')}-1`,
  });
  const forgetful = person('forgetful', 'Fern Forgetful');
  const roleHolder = person('role-holder', 'Rolf Roleholder');
  const leaver = person('leaver', 'Lena Leaver');
  const profiled = person('profiled', 'Pia Profile');
  const ids: Record<string, string> = {};

  let ownerToken = '';
  let owner: BrowserSession;
  const visitors: BrowserSession[] = [];

  /** A new, signed-out browser session, closed after the suite. */
  const newVisitor = async (): Promise<BrowserSession> => {
    const session = await openConsole();
    visitors.push(session);
    return session;
  };

  beforeAll(async () => {
    const { email, password } = e2eState().owner;
    ownerToken = await apiSignIn(email, password);
    // As analysts: the admin flows count the viewers, and may run after this suite on the same database.
    const added = await Promise.all([forgetful, roleHolder, leaver, profiled].map((p) => addMember(ownerToken, p, 'analyst')));
    [ids.forgetful, ids.roleHolder, ids.leaver, ids.profiled] = added;
    owner = await openConsole();
    await signIn(owner.page, email, password);
  });

  afterAll(async () => {
    for (const session of visitors) await session.close();
    await owner?.close();
  });

  const usersTab = (page: Page, name: 'Members' | 'Invitations' | 'Roles') => page.getByRole('tab', { name, exact: true });
  const memberRow = (page: Page, email: string) =>
    page.getByRole('table', { name: 'Members' }).getByRole('row').filter({ hasText: email });
  const roleOf = (page: Page, email: string) => page.getByRole('combobox', { name: `Role of ${email}` });
  const navLink = (page: Page, name: string) => page.locator('[aria-label="Main navigation"]').getByRole('link', { name });
  const loginStatus = async (email: string, password: string) => (await api('/auth/login', { body: { email, password } })).status;

  it('resets a forgotten password with the emailed link; the old password stops working', async () => {
    const visitor = await newVisitor();
    const { page } = visitor;
    const newPassword = `Reset-pass-${randomBytes(6).toString('base64url')}-2`;
    let resetLink = '';

    await capturingFailure(page, 'account-forgot-password', async () => {
      await page.goto('/login');
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await page.waitForURL('**/forgot-password');
      await page.getByLabel('Email').fill(forgetful.email);
      await shot(page, 'account-01-forgot-password');
      await page.getByRole('button', { name: 'Send reset link' }).click();
      const sent = page.getByRole('status');
      await shows(sent.filter({ hasText: forgetful.email }), 'the "link is on its way" message');
      await expect(sent.innerText()).resolves.toContain('a link to choose a new password is on its way');
      await expect(page.getByRole('button', { name: 'Send reset link' }).count()).resolves.toBe(0);
      await shot(page, 'account-02-reset-link-sent');
    });

    await capturingFailure(owner.page, 'account-reset-email', async () => {
      const p = owner.page;
      await navLink(p, 'Email log').click();
      await p.waitForURL('**/email');
      const message = p
        .getByRole('region', { name: 'Emails' })
        .getByRole('button')
        .filter({ hasText: `To ${forgetful.email}` })
        .filter({ hasText: 'Reset your Lodestar password' });
      await shows(message, `the password reset email to ${forgetful.email}`);
      await expect(message.innerText()).resolves.toContain('password-reset');
      await message.click();
      const detail = p.getByRole('region', { name: 'Selected email' });
      await shows(detail.getByRole('heading', { name: 'Reset your Lodestar password' }));
      const link = detail.getByTestId('email-links').getByRole('link', { name: 'Choose a new password' });
      await shows(link, 'the "Choose a new password" link');
      resetLink = (await link.getAttribute('href')) ?? '';
      expect(resetLink).toMatch(new RegExp(`^${escapeRegExp(e2eState().baseUrl)}/reset-password\\?token=[\\w-]{20,}$`));
      const preview = p.frameLocator('iframe[title="Email preview"]');
      await shows(preview.getByRole('heading', { name: 'Reset your password' }), 'the email body in the preview');
      await shows(preview.getByText(`Hi ${forgetful.name},`), 'the greeting with the member name');
      await shot(p, 'account-03-reset-email');
    });

    await capturingFailure(page, 'account-reset-password', async () => {
      await page.goto(resetLink);
      await shows(page.getByRole('heading', { name: 'Choose a new password', level: 1 }));
      await page.getByLabel('New password', { exact: true }).fill(newPassword);
      await page.getByLabel('Repeat the new password').fill(newPassword);
      await shot(page, 'account-04-reset-password');
      await page.getByRole('button', { name: 'Set password' }).click();
      await page.waitForURL('**/login');
      await shows(snackbar(page, 'Your password is changed. Sign in with the new one.'), 'the password changed message');
      await shot(page, 'account-05-reset-done');

      await signIn(page, forgetful.email, newPassword);
      await page.waitForURL('**/users');
      await shows(page.getByRole('button', { name: `Account menu for ${forgetful.name}` }), 'the member signed in');
      expect(await loginStatus(forgetful.email, forgetful.password)).toBe(401);
      // The link works once.
      const again = await api('/auth/password-reset/confirm', {
        body: { token: new URL(resetLink).searchParams.get('token'), password: `${newPassword}-again` },
      });
      expect(again.status).toBe(401);
      expect(unexpectedErrors(visitor)).toEqual([]);
    });
  });

  it('creates a custom role, edits it, assigns it, refuses to delete it while held, then deletes it', async () => {
    const { page } = owner;
    const roleName = `Auditor ${suffix}`;
    const roleHeader = () => page.getByRole('button', { name: new RegExp(`^${roleName} Custom`) });
    const rolePanel = () => page.locator('mat-expansion-panel').filter({ has: roleHeader() });
    const listedPermissions = async () => (await rolePanel().locator('.groups code').allInnerTexts()).sort();
    const permission = (dialog: Locator, key: string) => dialog.getByRole('checkbox', { name: new RegExp(`^${key}\\b`) });

    await capturingFailure(page, 'account-custom-role', async () => {
      await page.goto('/users?tab=roles');
      await page.getByRole('button', { name: 'New role' }).click();
      let dialog = page.getByRole('dialog', { name: 'New role' });
      await shows(dialog, 'the new role dialog');
      await dialog.getByRole('textbox', { name: 'Name' }).fill(roleName);
      await dialog.getByRole('textbox', { name: 'Description' }).fill('Reads members, the audit log and email');
      for (const key of ['users:read', 'audit:read', 'email:read']) await permission(dialog, key).check();
      await expect(permission(dialog, 'audit:export').isChecked()).resolves.toBe(false);
      await shot(page, 'account-10-role-create-dialog');
      await dialog.getByRole('button', { name: 'Create role' }).click();
      await dialog.waitFor({ state: 'detached' });
      await shows(snackbar(page, 'Role created.'), 'the "Role created." confirmation');
      await shows(roleHeader(), 'the new role in the list');
      await expect(roleHeader().innerText()).resolves.toMatch(/3 permissions · 0 members/);
      await roleHeader().click();
      await shows(rolePanel().getByText('Reads members, the audit log and email'));
      expect(await listedPermissions()).toEqual(['audit:read', 'email:read', 'users:read']);
      await shot(page, 'account-11-role-created');

      // Edit: the dialog starts from the role; swap email:read for audit:export.
      await dismissSnackbars(page);
      await rolePanel().getByRole('button', { name: 'Edit' }).click();
      dialog = page.getByRole('dialog', { name: `Edit role ${roleName}` });
      await shows(dialog, 'the edit role dialog');
      await expect(dialog.getByRole('textbox', { name: 'Name' }).inputValue()).resolves.toBe(roleName);
      await expect(permission(dialog, 'email:read').isChecked()).resolves.toBe(true);
      await permission(dialog, 'email:read').uncheck();
      await permission(dialog, 'audit:export').check();
      await shot(page, 'account-12-role-edit-dialog');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
      await shows(snackbar(page, 'Role saved.'), 'the "Role saved." confirmation');
      await page.waitForFunction(
        (name) => Array.from(document.querySelectorAll('mat-expansion-panel')).some(
          (p) => p.textContent?.includes(name) && p.textContent.includes('audit:export') && !p.textContent.includes('email:read'),
        ),
        roleName,
      );
      expect(await listedPermissions()).toEqual(['audit:export', 'audit:read', 'users:read']);
      await shot(page, 'account-13-role-edited');

      // Assign it to a member on the Members tab; their permissions follow at once.
      await usersTab(page, 'Members').click();
      await choose(page, roleOf(page, roleHolder.email), roleName);
      await shows(snackbar(page, `${roleHolder.name} is now ${roleName}.`), 'the role change confirmation');
      await shot(page, 'account-14-role-assigned');
      const holderToken = await apiSignIn(roleHolder.email, roleHolder.password);
      const me = await apiJson<{ role: { name: string }; permissions: string[] }>('/me', { token: holderToken });
      expect(me.role.name).toBe(roleName);
      expect(me.permissions).toEqual(['audit:export', 'audit:read', 'users:read']);

      // Deleting a role someone holds: the console says why the API refused.
      await dismissSnackbars(page);
      await usersTab(page, 'Roles').click();
      await shows(roleHeader());
      await expect(roleHeader().innerText()).resolves.toMatch(/3 permissions · 1 member(?!s)/);
      if ((await rolePanel().getByRole('button', { name: 'Delete' }).isVisible()) === false) await roleHeader().click();
      await rolePanel().getByRole('button', { name: 'Delete' }).click();
      let confirm = page.getByRole('dialog', { name: `Delete the role ${roleName}?` });
      await shows(confirm, 'the delete confirmation');
      await expect(confirm.innerText()).resolves.toContain('1 member(s) hold this role; give them another role first.');
      await confirm.getByRole('button', { name: 'Delete' }).click();
      await confirm.waitFor({ state: 'detached' });
      await shows(
        snackbar(page, 'The role is held by 1 member(s); give them another role first'),
        "the API's conflict message",
      );
      await shows(roleHeader(), 'the role, still listed');
      await shot(page, 'account-15-role-delete-refused');

      // Back to a built-in role; now the role can go.
      await dismissSnackbars(page);
      await usersTab(page, 'Members').click();
      await choose(page, roleOf(page, roleHolder.email), 'Analyst');
      await shows(snackbar(page, `${roleHolder.name} is now Analyst.`));
      await dismissSnackbars(page);
      await usersTab(page, 'Roles').click();
      await expect(roleHeader().innerText()).resolves.toMatch(/3 permissions · 0 members/);
      if ((await rolePanel().getByRole('button', { name: 'Delete' }).isVisible()) === false) await roleHeader().click();
      await rolePanel().getByRole('button', { name: 'Delete' }).click();
      confirm = page.getByRole('dialog', { name: `Delete the role ${roleName}?` });
      await expect((await shows(confirm)).innerText()).resolves.toContain('Nobody holds this role.');
      await confirm.getByRole('button', { name: 'Delete' }).click();
      await shows(snackbar(page, `Role ${roleName} deleted.`), 'the deletion confirmation');
      await roleHeader().waitFor({ state: 'detached' });
      await shot(page, 'account-16-role-deleted');
      const roles = await apiJson<{ name: string }[]>('/roles', { token: ownerToken });
      expect(roles.map((r) => r.name)).not.toContain(roleName);
      await dismissSnackbars(page);
    });
  });

  it("deactivates a member, which signs out their open session, and reactivates them", async () => {
    const member = await newVisitor();
    const { page: memberPage } = member;
    const { page } = owner;
    let tokens = { accessToken: '', refreshToken: '' };

    await capturingFailure(memberPage, 'account-leaver-signed-in', async () => {
      await signIn(memberPage, leaver.email, leaver.password);
      await memberPage.waitForURL('**/users');
      await shows(memberRow(memberPage, leaver.email), 'the members list, as the member');
      const stored = await storedTokens(memberPage);
      expect(stored).not.toBeNull();
      if (stored) tokens = stored;
    });

    await capturingFailure(page, 'account-deactivate', async () => {
      await page.goto('/users');
      const row = memberRow(page, leaver.email);
      await shows(row);
      await row.getByRole('button', { name: 'Deactivate' }).click();
      const confirm = page.getByRole('dialog', { name: 'Deactivate member?' });
      await shows(confirm, 'the deactivation confirmation');
      await expect(confirm.innerText()).resolves.toContain(`${leaver.name} will be signed out`);
      await shot(page, 'account-20-deactivate-confirm');
      await confirm.getByRole('button', { name: 'Deactivate' }).click();
      await shows(snackbar(page, `${leaver.name} is deactivated.`), 'the deactivation confirmation message');
      await expect(row.innerText()).resolves.toContain('Deactivated');
      await expect(roleOf(page, leaver.email).count()).resolves.toBe(0);
      await shows(row.getByRole('button', { name: 'Reactivate' }));
      await shot(page, 'account-21-deactivated');
    });

    await capturingFailure(memberPage, 'account-leaver-signed-out', async () => {
      // The tokens the open session holds are dead: the API refuses both.
      expect((await api('/me', { token: tokens.accessToken })).status).toBe(401);
      // The next API call of the open console (opening a tab) gets a 401, the refresh is refused,
      // and the member lands on the sign-in page.
      const refresh = memberPage.waitForResponse((r) => r.url().endsWith('/api/auth/refresh'));
      const invitations = memberPage.waitForResponse((r) => r.url().includes('/api/invitations'));
      await usersTab(memberPage, 'Invitations').click();
      expect((await invitations).status()).toBe(401);
      expect((await refresh).status()).toBe(401);
      await memberPage.waitForURL((u) => u.pathname === '/login');
      expect(new URL(memberPage.url()).searchParams.get('expired')).toBe('1');
      await shows(memberPage.getByText('Your session ended. Sign in again to continue.'), 'the session ended message');
      expect(await storedTokens(memberPage)).toBeNull();
      expect((await api('/auth/refresh', { body: { refreshToken: tokens.refreshToken } })).status).toBe(401);
      await shot(memberPage, 'account-22-session-ended');

      // Signing in again is refused while deactivated.
      await memberPage.getByLabel('Email').fill(leaver.email);
      await memberPage.getByLabel('Password').fill(leaver.password);
      await memberPage.getByRole('button', { name: 'Sign in' }).click();
      await shows(memberPage.getByRole('alert').filter({ hasText: 'Email or password is wrong' }), 'the sign-in error');
      expect(new URL(memberPage.url()).pathname).toBe('/login');
      await shot(memberPage, 'account-23-deactivated-sign-in-refused');
    });

    await capturingFailure(page, 'account-reactivate', async () => {
      await dismissSnackbars(page);
      const row = memberRow(page, leaver.email);
      await row.getByRole('button', { name: 'Reactivate' }).click();
      await shows(snackbar(page, `${leaver.name} is active again.`), 'the reactivation message');
      await shows(roleOf(page, leaver.email), 'the role select, back for an active member');
      await expect(row.innerText()).resolves.toMatch(/\bActive\b/);
      await shot(page, 'account-24-reactivated');
    });

    await capturingFailure(memberPage, 'account-leaver-back', async () => {
      await signIn(memberPage, leaver.email, leaver.password);
      await memberPage.waitForURL('**/users');
      await shows(memberPage.getByRole('button', { name: `Account menu for ${leaver.name}` }), 'the member signed in again');
      await shot(memberPage, 'account-25-reactivated-signed-in');
      expect(unexpectedErrors(member)).toEqual([]);
    });
  });

  it('exports the filtered audit log as CSV', async () => {
    const { page } = owner;
    await capturingFailure(page, 'account-audit-export', async () => {
      const ownerLabel = `Owner (${e2eState().owner.email})`;
      await navLink(page, 'Audit log').click();
      await page.waitForURL('**/audit');
      await shows(page.getByRole('heading', { name: 'Audit log', level: 1 }));
      await choose(page, page.getByRole('combobox', { name: 'Actor' }), ownerLabel);
      await page.getByLabel('Action').fill('member.update');
      await page.waitForFunction(() => {
        const rows = Array.from(document.querySelectorAll('tr.event-row'));
        return rows.length > 0 && rows.every((r) => r.textContent?.includes('member.update'));
      });
      await settled(page);
      const shown = await page.getByRole('table', { name: 'Audit events' }).locator('tr.event-row').count();
      await shot(page, 'account-30-audit-filtered');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.csv$/);
      const csv = readFileSync(await download.path(), 'utf8');
      const [header, ...rows] = parseCsv(csv);
      expect(header).toEqual([
        'createdAt', 'actorType', 'actorId', 'actorLabel', 'action', 'objectType', 'objectId', 'before', 'after', 'requestId', 'ip',
      ]);
      const events = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
      // Exactly what the page lists, oldest first, all member updates made by the owner.
      expect(events).toHaveLength(shown);
      expect(events.every((e) => e.action === 'member.update' && e.objectType === 'member')).toBe(true);
      expect(new Set(events.map((e) => e.actorLabel))).toEqual(new Set([e2eState().owner.email]));
      expect(events.map((e) => e.createdAt)).toEqual(events.map((e) => e.createdAt).sort());
      const changes = (id: string) =>
        events.filter((e) => e.objectId === id).map((e) => [JSON.parse(e.before), JSON.parse(e.after)]);
      // The custom role given and taken back, and the deactivation and reactivation, in order.
      const roleChanges = changes(ids.roleHolder);
      expect(roleChanges).toHaveLength(2);
      expect(roleChanges[0][0]).toEqual({ role: 'analyst', active: true });
      expect(roleChanges[0][1]).toEqual({ role: expect.stringMatching(/^custom-auditor-/), active: true });
      expect(roleChanges[1][1]).toEqual({ role: 'analyst', active: true });
      expect(changes(ids.leaver)).toEqual([
        [{ role: 'analyst', active: true }, { role: 'analyst', active: false }],
        [{ role: 'analyst', active: false }, { role: 'analyst', active: true }],
      ]);
      await shot(page, 'account-31-audit-exported');
    });
  });

  it('changes your name (shown in the toolbar) and your password (the old one stops working)', async () => {
    const session = await newVisitor();
    const { page } = session;
    const newName = `Pia Renamed ${suffix}`;
    const newPassword = `Profile-pass-${randomBytes(6).toString('base64url')}-3`;

    await capturingFailure(page, 'account-profile', async () => {
      await signIn(page, profiled.email, profiled.password);
      await page.getByRole('button', { name: `Account menu for ${profiled.name}` }).click();
      await page.getByRole('menuitem', { name: 'Profile' }).click();
      await page.waitForURL('**/profile');
      const name = page.getByRole('textbox', { name: 'Name', exact: true });
      await expect(name.inputValue()).resolves.toBe(profiled.name);
      await expect(page.getByRole('button', { name: 'Save name' }).isDisabled()).resolves.toBe(true);
      await name.fill(newName);
      await page.getByRole('button', { name: 'Save name' }).click();
      await shows(snackbar(page, 'Name saved.'), 'the "Name saved." confirmation');
      const menuButton = page.getByRole('button', { name: `Account menu for ${newName}` });
      await shows(menuButton, 'the new name in the toolbar');
      await expect(menuButton.innerText()).resolves.toContain(newName);
      await menuButton.click();
      const menu = page.getByRole('menu');
      await shows(menu.getByText(newName, { exact: true }), 'the new name in the account menu');
      await expect(menu.innerText()).resolves.toContain(profiled.email);
      await shot(page, 'account-40-profile-renamed');
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'detached' });
      // Stored, not only shown.
      await page.reload();
      await shows(page.getByRole('button', { name: `Account menu for ${newName}` }), 'the new name after a reload');
      await expect(page.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).resolves.toBe(newName);

      await dismissSnackbars(page);
      await page.getByLabel('Current password').fill(profiled.password);
      await page.getByLabel('New password', { exact: true }).fill(newPassword);
      await page.getByLabel('Repeat the new password').fill(newPassword);
      await shot(page, 'account-41-profile-password');
      await page.getByRole('button', { name: 'Change password' }).click();
      await shows(snackbar(page, 'Password changed.'), 'the "Password changed." confirmation');
      await expect(page.getByLabel('Current password').inputValue()).resolves.toBe('');
      await shot(page, 'account-42-password-changed');
      expect(await loginStatus(profiled.email, profiled.password)).toBe(401);

      // Signed out, the old password is refused in the console and the new one works.
      await signOut(page);
      await page.getByLabel('Email').fill(profiled.email);
      await page.getByLabel('Password').fill(profiled.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await shows(page.getByRole('alert').filter({ hasText: 'Email or password is wrong' }), 'the old password refused');
      await shot(page, 'account-43-old-password-refused');
      await signIn(page, profiled.email, newPassword);
      await shows(page.getByRole('button', { name: `Account menu for ${newName}` }), 'signed in with the new password');
      expect(unexpectedErrors(session)).toEqual([]);
      expect(unexpectedErrors(owner)).toEqual([]);
    });
  });

  // Changing the password signs out the other sessions, not the one that changed it.
  it('keeps the session that changed the password', async () => {
    const session = await apiJson<{ accessToken: string; refreshToken: string }>('/auth/login', {
      body: { email: roleHolder.email, password: roleHolder.password },
    });
    const other = await apiJson<{ refreshToken: string }>('/auth/login', {
      body: { email: roleHolder.email, password: roleHolder.password },
    });
    await apiJson('/me/password', {
      token: session.accessToken,
      body: { currentPassword: roleHolder.password, newPassword: `${roleHolder.password}-new` },
    });
    // Another session is signed out, as documented…
    expect((await api('/auth/refresh', { body: { refreshToken: other.refreshToken } })).status).toBe(401);
    // …but the one that made the change should go on.
    expect((await api('/auth/refresh', { body: { refreshToken: session.refreshToken } })).status).toBe(200);
  });
});

/** RFC 4180 CSV (quoted fields, doubled quotes) into rows of fields; no trailing empty row. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

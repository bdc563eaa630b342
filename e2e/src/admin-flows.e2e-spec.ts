import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { BrowserSession } from './browser';
import {
  apiJson,
  capturingFailure,
  choose,
  dismissSnackbars,
  navigationLabels,
  openConsole,
  settled,
  shot,
  shows,
  signIn,
  signOut,
  snackbar,
  storedTokens,
  unexpectedErrors,
} from './console';
import { e2eState, url } from './support/state';

/**
 * The admin flows of the console, in a real browser against the built product: the owner invites
 * a viewer, the invitation email is read in the sandbox Email log, the invitee accepts it in a
 * signed-out session, the owner changes their role (and the audit log shows it), and the viewer
 * sees only what a viewer may read. Along the way every console page is screenshotted once.
 *
 * The tests run in order and share the sessions and the invitee below.
 */
describe('admin flows', () => {
  const suffix = randomBytes(4).toString('hex');
  const invitee = {
    email: `viewer-${suffix}@e2e.test`,
    name: `Vera Viewer ${suffix}`,
    password: `Viewer-pass-${randomBytes(6).toString('base64url')}-9`,
  };
  let owner: BrowserSession;
  let visitor: BrowserSession | undefined;
  let invitationLink = '';

  beforeAll(async () => {
    owner = await openConsole();
  });

  afterAll(async () => {
    await visitor?.close();
    await owner?.close();
  });

  const visitorSession = (): BrowserSession => {
    if (!visitor) throw new Error('No invitee session: the acceptance test did not run');
    return visitor;
  };
  const usersTab = (page: Page, name: 'Members' | 'Invitations' | 'Roles') => page.getByRole('tab', { name, exact: true });
  const roleOf = (page: Page, email: string) => page.getByRole('combobox', { name: `Role of ${email}` });

  it('signs the owner in on the Users & roles page, with every module in the navigation', async () => {
    const { page } = owner;
    await capturingFailure(page, 'owner-sign-in', async () => {
      const { email, password } = e2eState().owner;
      await signIn(page, email, password);
      await page.waitForURL('**/users');
      await shows(page.getByRole('heading', { name: 'Users & roles', level: 1 }));
      const members = page.getByRole('table', { name: 'Members' });
      await shows(members.getByRole('row').filter({ hasText: email }), `the owner's row in the members table`);
      await expect(members.getByRole('row').filter({ hasText: email }).innerText()).resolves.toMatch(/You[\s\S]*Owner/);
      expect(await navigationLabels(page)).toEqual(['Users & roles', 'Customers', 'Segments', 'API keys', 'Audit log', 'Email log', 'Workspace', 'Profile']);
      await expect(page.getByTestId('workspace-name').innerText()).resolves.toBe('Demo workspace');
      await shot(page, '01-users-members');
    });
  });

  it('invites a new member by email with the Viewer role', async () => {
    const { page } = owner;
    await capturingFailure(page, 'invite', async () => {
      await page.getByRole('button', { name: 'Invite member' }).click();
      const dialog = page.getByRole('dialog', { name: 'Invite a member' });
      await shows(dialog, 'the invite dialog');
      await dialog.getByLabel('Email').fill(invitee.email);
      const role = dialog.getByRole('combobox', { name: 'Role' });
      await choose(page, role, 'Viewer');
      await expect(role.innerText()).resolves.toBe('Viewer');
      await shot(page, 'invite-dialog');

      await dialog.getByRole('button', { name: 'Send invitation' }).click();
      await dialog.waitFor({ state: 'detached' });
      await shows(snackbar(page, 'Invitation sent.'), 'the "Invitation sent." confirmation');
      // The page switches to the Invitations tab, which lists the pending invitation.
      await expect(usersTab(page, 'Invitations').getAttribute('aria-selected')).resolves.toBe('true');
      await page.waitForURL('**/users?tab=invitations');
      const row = page.getByRole('table', { name: 'Invitations' }).getByRole('row').filter({ hasText: invitee.email });
      await shows(row, 'the new invitation in the Invitations tab');
      const cells = (await row.getByRole('cell').allInnerTexts()).map((t) => t.trim());
      expect(cells.slice(0, 4)).toEqual([invitee.email, 'Viewer', 'pending', e2eState().owner.email]);
      await expect(row.getByRole('button', { name: 'Revoke' }).isVisible()).resolves.toBe(true);
      await shot(page, 'users-invitations');
    });
  });

  it('reads the invitation in the Email log and takes its acceptance link', async () => {
    const { page } = owner;
    await capturingFailure(page, 'email-log', async () => {
      await page.locator('[aria-label="Main navigation"]').getByRole('link', { name: 'Email log' }).click();
      await page.waitForURL('**/email');
      await shows(page.getByRole('heading', { name: 'Email log', level: 1 }));
      const message = page
        .getByRole('region', { name: 'Emails' })
        .getByRole('button')
        .filter({ hasText: `To ${invitee.email}` });
      await shows(message, `the invitation email to ${invitee.email}`);
      const subject = 'Owner invited you to join Demo workspace on Lodestar'; // the inviter by name (the bootstrapped owner is "Owner")
      await expect(message.innerText()).resolves.toContain(subject);
      await message.click();

      const detail = page.getByRole('region', { name: 'Selected email' });
      await shows(detail.getByRole('heading', { name: subject }));
      expect(new URL(page.url()).searchParams.get('id')).toBeTruthy();
      const links = detail.getByTestId('email-links');
      const accept = links.getByRole('link', { name: 'Accept the invitation' });
      await shows(accept, 'the "Accept the invitation" link in the links list');
      invitationLink = (await accept.getAttribute('href')) ?? '';
      expect(invitationLink).toMatch(new RegExp(`^${escape(e2eState().baseUrl)}/accept-invitation\\?token=[\\w-]{20,}$`));
      // The link shown beside it is the same address, and the preview renders the email itself.
      await expect(links.locator('code.href').first().innerText()).resolves.toBe(invitationLink);
      await shows(detail.locator('iframe[title="Email preview"]'), 'the email preview');
      const preview = page.frameLocator('iframe[title="Email preview"]');
      await shows(preview.getByRole('heading', { name: 'Join Demo workspace on Lodestar' }), 'the email body in the preview');
      await dismissSnackbars(page);
      await shot(page, 'email-log');
    });
  });

  it('accepts the invitation in a new, signed-out session and lands signed in', async () => {
    expect(invitationLink).not.toBe('');
    visitor = await openConsole();
    const { page } = visitor;
    await capturingFailure(page, 'accept-invitation', async () => {
      await page.goto(invitationLink);
      const summary = page.getByTestId('invitation-summary');
      await shows(summary, 'the invitation summary');
      await expect(summary.innerText()).resolves.toBe(
        `You are invited to Demo workspace as Viewer, with the email ${invitee.email}.`,
      );
      await page.getByLabel('Your name').fill(invitee.name);
      await page.getByLabel('Choose a password').fill(invitee.password);
      await shot(page, 'accept-invitation');

      await page.getByRole('button', { name: 'Accept and sign in' }).click();
      await page.waitForURL('**/users');
      await shows(snackbar(page, 'Welcome to Demo workspace.'), 'the welcome message');
      await shows(page.getByRole('button', { name: `Account menu for ${invitee.name}` }), 'the new member in the toolbar');
      expect(await navigationLabels(page)).toEqual(['Users & roles', 'Customers', 'Segments', 'Profile']);
      await shot(page, 'invitee-signed-in');
      expect(unexpectedErrors(visitorSession())).toEqual([]);
    });
  });

  it("lets the owner change the new member's role, and the audit log records each change", async () => {
    const { page } = owner;
    await capturingFailure(page, 'change-role', async () => {
      await page.goto('/users');
      const select = roleOf(page, invitee.email);
      await shows(select, `the role select of ${invitee.email}`);
      await expect(select.innerText()).resolves.toBe('Viewer');
      const row = page.getByRole('table', { name: 'Members' }).getByRole('row').filter({ hasText: invitee.email });
      await expect(row.innerText()).resolves.toContain(invitee.name);

      await choose(page, select, 'Analyst');
      await shows(snackbar(page, `${invitee.name} is now Analyst.`), 'the role change confirmation');
      await shot(page, 'members-role-changed');
      // The change is stored, not only shown: a fresh load of the page has it.
      await page.reload();
      await shows(roleOf(page, invitee.email));
      await expect(roleOf(page, invitee.email).innerText()).resolves.toBe('Analyst');

      await dismissSnackbars(page);
      await choose(page, roleOf(page, invitee.email), 'Viewer');
      await shows(snackbar(page, `${invitee.name} is now Viewer.`), 'the second role change confirmation');
      await page.reload();
      await shows(roleOf(page, invitee.email));
      await expect(roleOf(page, invitee.email).innerText()).resolves.toBe('Viewer');

      await page.goto('/audit');
      await shows(page.getByRole('heading', { name: 'Audit log', level: 1 }));
      await page.getByLabel('Action').fill('member.update');
      // This member's changes only: other suites on the same database change members too.
      const token = (await storedTokens(visitorSession().page))?.accessToken;
      const { user } = await apiJson<{ user: { id: string } }>('/me', { token });
      const events = page.getByRole('table', { name: 'Audit events' }).locator('tr.event-row').filter({ hasText: user.id });
      await page.waitForFunction(
        () => Array.from(document.querySelectorAll('tr.event-row')).every((r) => r.textContent?.includes('member.update')),
      );
      await settled(page);
      expect(await events.count()).toBe(2);
      // Newest first: Analyst → Viewer, made by the owner, about the new member.
      const newest = events.first();
      const newestText = await newest.innerText();
      expect(newestText).toContain(e2eState().owner.email);
      expect(newestText).toMatch(/member\.update[\s\S]*member/);
      await newest.getByRole('button', { name: 'Show details of member.update' }).click();
      const detail = page.locator('tr.detail-row.open');
      await shows(detail.getByRole('heading', { name: 'Before' }));
      const [before, after] = await detail.locator('pre').allInnerTexts();
      expect(JSON.parse(before)).toEqual({ role: 'analyst', active: true });
      expect(JSON.parse(after)).toEqual({ role: 'viewer', active: true });
      await expect(detail.innerText()).resolves.toMatch(/Changed:\s*role/);
      await shot(page, 'audit-log');
    });
  });

  it('shows the viewer only what a viewer may read, and no controls to change anything', async () => {
    const session = visitorSession();
    const { page } = session;
    await capturingFailure(page, 'viewer', async () => {
      await signOut(page);
      await signIn(page, invitee.email, invitee.password);
      await page.waitForURL('**/users');
      expect(await navigationLabels(page)).toEqual(['Users & roles', 'Customers', 'Segments', 'Profile']);

      // Members: the list, but no invite button, no role selects and no deactivate buttons.
      const members = page.getByRole('table', { name: 'Members' });
      await shows(members.getByRole('row').filter({ hasText: e2eState().owner.email }), `the owner's row`);
      await shows(members.getByRole('row').filter({ hasText: invitee.email }), `the viewer's own row`);
      await settled(page);
      await expect(page.getByRole('button', { name: 'Invite member' }).count()).resolves.toBe(0);
      await expect(page.getByRole('combobox', { name: /^Role of / }).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: /Deactivate|Reactivate/ }).count()).resolves.toBe(0);
      await expect(members.getByRole('row').filter({ hasText: e2eState().owner.email }).innerText()).resolves.toContain('Owner');
      await expect(members.getByRole('row').filter({ hasText: invitee.email }).innerText()).resolves.toMatch(/You[\s\S]*Viewer/);
      await shot(page, 'viewer-users-members');

      // Invitations: the accepted invitation is no longer pending; nothing to invite or revoke with.
      await usersTab(page, 'Invitations').click();
      await shows(page.getByText('No pending invitations'), 'the empty pending invitations list');
      await shows(page.getByText('Nobody is waiting to join. An admin can invite teammates.'));
      await expect(page.getByRole('button', { name: /Invite member|Revoke/ }).count()).resolves.toBe(0);
      await shot(page, 'viewer-users-invitations');

      // Roles: readable, without New role / Edit / Delete.
      await usersTab(page, 'Roles').click();
      await shows(page.getByRole('button', { name: /^Viewer\b.*6 permissions · 1 member$/ }), 'the Viewer role panel');
      await expect(page.getByRole('button', { name: /New role|Edit|Delete/ }).count()).resolves.toBe(0);
      await shot(page, 'viewer-users-roles');

      await page.locator('[aria-label="Main navigation"]').getByRole('link', { name: 'Profile' }).click();
      await page.waitForURL('**/profile');
      await shows(page.getByText(`Demo workspace · Viewer`), 'the workspace and role card');
      const permissions = await page.getByLabel('Your permissions').locator('code').allInnerTexts();
      expect(permissions.sort()).toEqual(
        ['analytics:read', 'campaigns:read', 'customers:read', 'messaging:read', 'segments:read', 'users:read'].sort(),
      );
      await expect(page.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).resolves.toBe(invitee.name);
      await shot(page, 'viewer-profile');

      // Opening a page the role does not include lands back on Users & roles: /audit and /email by
      // typing the address; /api-keys inside the console (history navigation), since the server does
      // not serve the console at /api-keys (see the known-bug test below).
      for (const [path, heading, control] of [
        ['/audit', 'Audit log', 'Export CSV'],
        ['/email', 'Email log', 'Refresh the list'],
        ['/api-keys', 'API keys', 'New API key'],
      ] as const) {
        await dismissSnackbars(page);
        if (path === '/api-keys') await navigateInApp(page, path);
        else await page.goto(path);
        await page.waitForURL('**/users');
        await shows(snackbar(page, 'Your role does not give access to that page.'), `the no-access message for ${path}`);
        await shows(page.getByRole('heading', { name: 'Users & roles', level: 1 }));
        await expect(page.getByRole('heading', { name: heading }).count()).resolves.toBe(0);
        await expect(page.getByRole('button', { name: control }).count()).resolves.toBe(0);
      }
      await shot(page, 'viewer-redirected-from-api-keys');
      expect(unexpectedErrors(session)).toEqual([]);
    });
  });

  it('shows the owner every other console page: roles, API keys with a new secret, email log, profile', async () => {
    const { page } = owner;
    await capturingFailure(page, 'owner-pages', async () => {
      await page.goto('/users?tab=roles');
      await expect(usersTab(page, 'Roles').getAttribute('aria-selected')).resolves.toBe('true');
      for (const role of ['Owner', 'Admin', 'Manager', 'Analyst', 'Viewer']) {
        await shows(page.getByRole('button', { name: new RegExp(`^${role}\\b.*Built-in`) }), `the built-in ${role} role`);
      }
      await shows(page.getByRole('button', { name: 'New role' }));
      await shot(page, 'users-roles');

      // API keys: create one; its secret is shown once, and it works against the API. (Reached
      // through the navigation: the server answers a full load of /api-keys with a 404, see below.)
      await page.locator('[aria-label="Main navigation"]').getByRole('link', { name: 'API keys' }).click();
      await page.waitForURL('**/api-keys');
      await shows(page.getByRole('heading', { name: 'API keys', level: 1 }));
      await shows(page.getByText('No API keys yet'), 'the empty API key list');
      await shot(page, 'api-keys-empty');
      await page.getByRole('button', { name: 'New API key' }).click();
      const dialog = page.getByRole('dialog');
      await shows(dialog.getByRole('heading', { name: 'New API key' }));
      const keyName = `Shop order sync ${suffix}`;
      await dialog.getByRole('textbox', { name: 'Name' }).fill(keyName);
      await dialog.getByRole('checkbox', { name: /^users:read\b/ }).check();
      await shot(page, 'api-key-create-dialog');
      await dialog.getByRole('button', { name: 'Create key' }).click();
      await shows(dialog.getByRole('heading', { name: 'Copy your new API key' }));
      const secret = (await dialog.getByTestId('api-key-secret').innerText()).trim();
      expect(secret).toMatch(/^lsk_[\w-]{20,}$/);
      await shows(dialog.getByText('This is the only time the secret is shown.', { exact: false }));
      await shot(page, 'api-key-secret');
      const withKey = await fetch(url('/api/users'), { headers: { 'X-Api-Key': secret } });
      expect(withKey.status).toBe(200);
      await dialog.getByRole('button', { name: 'I have stored it' }).click();
      await dialog.waitFor({ state: 'detached' });
      const keyRow = page.getByRole('table', { name: 'API keys' }).getByRole('row').filter({ hasText: keyName });
      await shows(keyRow, 'the new key in the list');
      await expect(keyRow.innerText()).resolves.toContain(secret.slice(0, 12));
      await expect(page.getByText(secret).count()).resolves.toBe(0);
      await shows(keyRow.getByRole('button', { name: `Revoke ${keyName}` }));
      await shot(page, 'api-keys');

      await page.goto('/audit');
      await shows(page.getByRole('table', { name: 'Audit events' }).getByText('api_key.create'), 'the key creation in the audit log');
      await shows(page.getByRole('button', { name: 'Export CSV' }));
      await shot(page, 'audit-log-all');

      await page.goto('/email');
      await shows(page.getByRole('region', { name: 'Emails' }).getByRole('button').filter({ hasText: `To ${invitee.email}` }));
      await shows(page.getByText('Pick an email to read it.'));
      await shot(page, 'email-log-list');

      await page.goto('/profile');
      await shows(page.getByRole('heading', { name: 'Profile', level: 1 }));
      await shows(page.getByText('Demo workspace · Owner'));
      await expect(page.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).resolves.toBe('Owner');
      await shot(page, 'profile');

      // The brand link goes to `/`, which lands on the first module (not an empty page).
      await page.getByRole('link', { name: 'Lodestar' }).click();
      await page.waitForURL('**/users');
      await shows(page.getByRole('heading', { name: 'Users & roles', level: 1 }));
      expect(unexpectedErrors(owner)).toEqual([]);
    });
  });

  it('shows the signed-out pages: sign-in (also at /), forgot and reset password, an invalid invitation', async () => {
    const session = await openConsole();
    const { page } = session;
    try {
      await capturingFailure(page, 'public-pages', async () => {
        await page.goto('/');
        await page.waitForURL('**/login');
        await shows(page.getByRole('heading', { name: 'Sign in', level: 1 }), 'the sign-in form at /');
        await shows(page.getByRole('button', { name: 'Sign in' }));
        await shot(page, 'public-login');

        await page.getByRole('link', { name: 'Forgot your password?' }).click();
        await page.waitForURL('**/forgot-password');
        await shows(page.getByRole('heading', { name: 'Forgot your password?', level: 1 }));
        await shows(page.getByRole('button', { name: 'Send reset link' }));
        await shot(page, 'public-forgot-password');

        await page.goto('/reset-password?token=not-a-real-token');
        await shows(page.getByRole('heading', { name: 'Choose a new password', level: 1 }));
        await page.getByLabel('New password', { exact: true }).fill('Bogus-password-123');
        await page.getByLabel('Repeat the new password').fill('Bogus-password-123');
        await page.getByRole('button', { name: 'Set password' }).click();
        await shows(
          page.getByRole('alert').filter({ hasText: 'This link is invalid or has expired. Ask for a new one.' }),
          'the error for a bogus reset token',
        );
        await shot(page, 'public-reset-password-bogus-token');

        await page.goto('/accept-invitation?token=not-a-real-token');
        await shows(page.getByRole('heading', { name: 'Join your team', level: 1 }));
        await shows(
          page.getByRole('alert').filter({ hasText: 'The invitation is invalid or has expired' }),
          'the error for a bogus invitation token',
        );
        await shows(page.getByText('Ask the person who invited you to send a new invitation.'));
        await shot(page, 'public-accept-invitation-invalid');

        // The used invitation link does not work twice.
        await page.goto(invitationLink);
        await shows(
          page.getByRole('alert').filter({ hasText: 'The invitation is invalid or has expired' }),
          'the error for a used invitation',
        );
        await expect(page.getByRole('button', { name: 'Accept and sign in' }).count()).resolves.toBe(0);
        expect(unexpectedErrors(session)).toEqual([]);
      });
    } finally {
      await session.close();
    }
  });

  // `/api-keys` is a console page although its path starts with "api": a full load must get the console.
  it('serves the console for a full load of /api-keys, a console page whose path starts with "api"', async () => {
    const response = await fetch(url('/api-keys'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const { page } = owner;
    await page.goto('/api-keys');
    await shows(page.getByRole('heading', { name: 'API keys', level: 1 }));
  });
});

/** Navigates inside the running console, as its links and the Back button do (no page load). */
async function navigateInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((target) => {
    history.pushState(null, '', target);
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, path);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

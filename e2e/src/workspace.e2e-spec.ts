import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { BrowserSession } from './browser';
import {
  addMember,
  apiJson,
  apiSignIn,
  capturingFailure,
  navigationLabels,
  openConsole,
  shot,
  shows,
  signIn,
  snackbar,
  unexpectedErrors,
} from './console';
import { e2eState } from './support/state';

const DEMO_WORKSPACE = 'Demo workspace';

/**
 * Puts `userId` in a new workspace named `name` as an Admin, straight in the database.
 *
 * The API has no way to create a second workspace (the first owner's is bootstrapped at start), so
 * this is the one piece of the scene set without it: a `workspaces` row, copies of the built-in
 * roles of `fromWorkspaceId` (so the new workspace has the five every workspace has), and a
 * membership with the copied `admin` role.
 */
async function addToNewWorkspace(name: string, fromWorkspaceId: string, userId: string): Promise<void> {
  const db = new Client({ connectionString: e2eState().databaseUrl });
  await db.connect();
  try {
    const result = await db.query(
      `WITH ws AS (
         INSERT INTO workspaces (name) VALUES ($1) RETURNING id
       ), copied AS (
         INSERT INTO roles (workspace_id, key, name, description, permissions, built_in)
         SELECT ws.id, r.key, r.name, r.description, r.permissions, true
           FROM roles r, ws
          WHERE r.workspace_id = $2 AND r.built_in
         RETURNING id, key, workspace_id
       )
       INSERT INTO memberships (workspace_id, user_id, role_id)
       SELECT workspace_id, $3, id FROM copied WHERE key = 'admin'`,
      [name, fromWorkspaceId, userId],
    );
    if (result.rowCount !== 1) throw new Error(`Expected one membership in ${name}, inserted ${result.rowCount}`);
  } finally {
    await db.end();
  }
}

/**
 * Workspace settings and the workspace switcher, in a real browser: the owner renames the workspace
 * on /settings and the toolbar shows the new name; a member of two workspaces switches between them
 * through the account menu.
 */
describe('workspace', () => {
  const suffix = randomBytes(4).toString('hex');
  const member = {
    email: `two-workspaces-${suffix}@e2e.test`,
    name: `Tess Two ${suffix}`,
    password: `Member-pass-${randomBytes(6).toString('base64url')}-3`,
  };
  const secondWorkspace = `Second workspace ${suffix}`;
  let ownerToken = '';
  let owner: BrowserSession;
  let visitor: BrowserSession;

  beforeAll(async () => {
    ownerToken = await apiSignIn(e2eState().owner.email, e2eState().owner.password);
    owner = await openConsole();
    visitor = await openConsole();
  });

  afterAll(async () => {
    // Other specs expect the bootstrapped name; put it back even if the rename test failed midway.
    await apiJson('/workspace', { method: 'PATCH', token: ownerToken, body: { name: DEMO_WORKSPACE } }).catch(() => undefined);
    await visitor?.close();
    await owner?.close();
  });

  it('lets the owner rename the workspace on /settings, and the toolbar shows the new name', async () => {
    const { page } = owner;
    const renamed = `Renamed workspace ${suffix}`;
    await capturingFailure(page, 'workspace-rename', async () => {
      await signIn(page, e2eState().owner.email, e2eState().owner.password);
      expect(await navigationLabels(page)).toContain('Workspace');
      await page.locator('[aria-label="Main navigation"]').getByRole('link', { name: 'Workspace' }).click();
      await page.waitForURL('**/settings');
      await shows(page.getByRole('heading', { name: 'Workspace', level: 1 }));
      const name = page.getByLabel('Workspace name');
      await shows(name, 'the workspace name field');
      await expect(name.inputValue()).resolves.toBe(DEMO_WORKSPACE);
      await shows(page.getByText(/^Created /), 'the creation date');
      await shot(page, 'workspace-settings');

      await name.fill(renamed);
      await page.getByRole('button', { name: 'Rename workspace' }).click();
      await shows(snackbar(page, `Workspace renamed to ${renamed}.`));
      await page.waitForFunction(
        (expected) => document.querySelector('[data-testid="workspace-name"]')?.textContent?.trim() === expected,
        renamed,
      );
      await shot(page, 'workspace-renamed');

      const workspace = await apiJson<{ name: string }>('/workspace', { token: ownerToken });
      expect(workspace.name).toBe(renamed);
      await apiJson('/workspace', { method: 'PATCH', token: ownerToken, body: { name: DEMO_WORKSPACE } });
      expect(unexpectedErrors(owner)).toEqual([]);
    });
  });

  it('lets a member of two workspaces switch between them through the account menu', async () => {
    const { page } = visitor;
    await capturingFailure(page, 'workspace-switch', async () => {
      // As an analyst here: the admin flows count the viewers, and may run after this suite.
      const userId = await addMember(ownerToken, member, 'analyst');
      const ownerMe = await apiJson<{ workspace: { id: string } }>('/me', { token: ownerToken });
      await addToNewWorkspace(secondWorkspace, ownerMe.workspace.id, userId);

      await signIn(page, member.email, member.password);
      const toolbarName = page.getByTestId('workspace-name');
      await shows(toolbarName, 'the workspace name in the toolbar');
      const first = (await toolbarName.innerText()).trim();
      const [other, otherRole] = first === DEMO_WORKSPACE ? [secondWorkspace, 'Admin'] : [DEMO_WORKSPACE, 'Analyst'];
      const labelsBefore = await navigationLabels(page);

      await page.getByRole('button', { name: /^Account menu for / }).click();
      const switchItem = page.getByRole('menuitem', { name: `Switch to ${other} (${otherRole})` });
      await shows(switchItem, `the switch to ${other}`);
      await shot(page, 'workspace-switch-menu');
      await switchItem.click();

      await page.waitForFunction(
        (expected) => document.querySelector('[data-testid="workspace-name"]')?.textContent?.trim() === expected,
        other,
      );
      await page.waitForURL('**/users');
      // An admin there and an analyst here: the navigation follows the role in each workspace.
      const labelsAfter = await navigationLabels(page);
      expect(labelsAfter).not.toEqual(labelsBefore);
      expect(other === secondWorkspace ? labelsAfter : labelsBefore).toEqual(['Users & roles', 'Customers', 'Segments', 'API keys', 'Audit log', 'Email log', 'Profile']);
      await shot(page, 'workspace-switched');

      // The menu now offers the way back.
      await page.getByRole('button', { name: /^Account menu for / }).click();
      await shows(page.getByRole('menuitem', { name: new RegExp(`^Switch to ${first} `) }), `the switch back to ${first}`);
      await page.keyboard.press('Escape');
      expect(unexpectedErrors(visitor)).toEqual([]);
    });
  });
});

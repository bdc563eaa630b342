import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  ADMIN_PERMISSIONS,
  aMember,
  anInvitation,
  PERMISSION_CATALOGUE,
  ROLES,
  VIEWER_PERMISSIONS,
} from '../../../../../testing/factories';
import {
  buttonsWithText,
  expectRequest,
  provideTestApp,
  query,
  queryAll,
  settle,
  signInAs,
  text,
} from '../../../../../testing/test-helpers';
import { UsersPage } from './users-page';

const MEMBERS = [
  aMember({ id: 'u-self', email: 'me@example.com', name: 'Mia Self' }),
  aMember(),
  aMember({ id: 'u-3', email: 'old@example.com', name: 'Olga', active: false }),
];

async function renderUsersPage(
  permissions: readonly string[],
  tab: 'members' | 'invitations' | 'roles',
) {
  signInAs(permissions);
  const fixture = TestBed.createComponent(UsersPage);
  fixture.componentRef.setInput('tab', tab);
  await settle(fixture);
  expectRequest('/api/roles').flush(ROLES);
  expectRequest('/api/permissions').flush(PERMISSION_CATALOGUE);
  expectRequest('/api/users').flush({ items: MEMBERS, nextCursor: null });
  if (tab === 'invitations') {
    await settle(fixture);
    expectRequest('/api/invitations').flush({
      items: [anInvitation()],
      nextCursor: null,
    });
  }
  await settle(fixture);
  return fixture;
}

describe('UsersPage', () => {
  beforeEach(() =>
    TestBed.configureTestingModule({ providers: provideTestApp() }),
  );
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  describe('for a viewer', () => {
    it('lists members without invite, role change or deactivate controls', async () => {
      const fixture = await renderUsersPage(VIEWER_PERMISSIONS, 'members');
      expect(text(fixture)).toContain('bob@example.com');
      expect(text(fixture)).toContain('Deactivated');
      expect(query(fixture, '[data-testid="invite-button"]')).toBeNull();
      expect(queryAll(fixture, '[data-testid="role-select"]')).toHaveLength(0);
      expect(buttonsWithText(fixture, 'Deactivate')).toHaveLength(0);
      expect(buttonsWithText(fixture, 'Reactivate')).toHaveLength(0);
    });

    it('lists pending invitations without a revoke button', async () => {
      const fixture = await renderUsersPage(VIEWER_PERMISSIONS, 'invitations');
      expect(text(fixture)).toContain('new@example.com');
      expect(
        queryAll(fixture, '[data-testid="revoke-invitation"]'),
      ).toHaveLength(0);
    });

    it('shows roles and their permissions without create, edit or delete', async () => {
      const fixture = await renderUsersPage(VIEWER_PERMISSIONS, 'roles');
      expect(text(fixture)).toContain('Support');
      expect(text(fixture)).toContain('Built-in');
      expect(query(fixture, '[data-testid="new-role"]')).toBeNull();
      expect(queryAll(fixture, '[data-testid="edit-role"]')).toHaveLength(0);
      expect(queryAll(fixture, '[data-testid="delete-role"]')).toHaveLength(0);
    });
  });

  describe('for an admin', () => {
    it('offers invite, role change for others (not yourself) and deactivate/reactivate', async () => {
      const fixture = await renderUsersPage(ADMIN_PERMISSIONS, 'members');
      expect(query(fixture, '[data-testid="invite-button"]')).not.toBeNull();
      // Bob is active and not you: one select; you and the deactivated member have none.
      expect(queryAll(fixture, '[data-testid="role-select"]')).toHaveLength(1);
      // Named for assistive technology by whose role it is, not by its value.
      const select = query(fixture, '[data-testid="role-select"]');
      expect(select?.getAttribute('aria-label')).toBe(
        'Role of bob@example.com',
      );
      expect(select?.hasAttribute('aria-labelledby')).toBe(false);
      expect(
        queryAll(fixture, '[data-testid="deactivate-button"]'),
      ).toHaveLength(1);
      expect(
        queryAll(fixture, '[data-testid="reactivate-button"]'),
      ).toHaveLength(1);
    });

    it('reactivates a member through updateMember', async () => {
      const fixture = await renderUsersPage(ADMIN_PERMISSIONS, 'members');
      query(fixture, '[data-testid="reactivate-button"]')?.click();
      await settle(fixture);
      const req = expectRequest('/api/users/u-3', 'PATCH');
      expect(req.request.body).toEqual({ active: true });
      req.flush(
        aMember({
          id: 'u-3',
          email: 'old@example.com',
          name: 'Olga',
          active: true,
        }),
      );
      await settle(fixture);
      expect(
        queryAll(fixture, '[data-testid="reactivate-button"]'),
      ).toHaveLength(0);
      expect(
        queryAll(fixture, '[data-testid="deactivate-button"]'),
      ).toHaveLength(2);
    });

    it('offers revoke on pending invitations', async () => {
      const fixture = await renderUsersPage(ADMIN_PERMISSIONS, 'invitations');
      expect(
        queryAll(fixture, '[data-testid="revoke-invitation"]'),
      ).toHaveLength(1);
    });

    it('offers a new role, and edit/delete only on custom roles', async () => {
      const fixture = await renderUsersPage(ADMIN_PERMISSIONS, 'roles');
      expect(query(fixture, '[data-testid="new-role"]')).not.toBeNull();
      expect(queryAll(fixture, '[data-testid="edit-role"]')).toHaveLength(1);
      expect(queryAll(fixture, '[data-testid="delete-role"]')).toHaveLength(1);
    });
  });
});

import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  ADMIN_PERMISSIONS,
  aMember,
  PERMISSION_CATALOGUE,
  ROLES,
} from '../../../../../testing/factories';
import {
  expectRequest,
  provideTestApp,
  query,
  settle,
  signInAs,
  text,
} from '../../../../../testing/test-helpers';
import { UsersPage } from '../../pages/users-page/users-page';

describe('MembersTab', () => {
  beforeEach(() =>
    TestBed.configureTestingModule({ providers: provideTestApp() }),
  );
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('reloads the roles after a role change, so the Roles tab counts the member under the new role', async () => {
    signInAs(ADMIN_PERMISSIONS);
    const fixture = TestBed.createComponent(UsersPage);
    fixture.componentRef.setInput('tab', 'members');
    await settle(fixture);
    expectRequest('/api/roles').flush(ROLES);
    expectRequest('/api/permissions').flush(PERMISSION_CATALOGUE);
    expectRequest('/api/users').flush({ items: [aMember()], nextCursor: null });
    await settle(fixture);

    // Bob (Viewer) gets the custom role Support through his row's select.
    query(
      fixture,
      '[data-testid="role-select"] .mat-mdc-select-trigger',
    )?.click();
    await settle(fixture);
    const support = Array.from(
      document.querySelectorAll<HTMLElement>('mat-option'),
    ).find((o) => o.textContent?.trim() === 'Support');
    support?.click();
    await settle(fixture);
    const patch = expectRequest('/api/users/u-2', 'PATCH');
    expect(patch.request.body).toEqual({ roleId: 'r-custom' });
    patch.flush(
      aMember({ role: { id: 'r-custom', key: 'support', name: 'Support' } }),
    );
    await settle(fixture);

    expectRequest('/api/roles').flush(
      ROLES.map((r) =>
        r.id === 'r-custom'
          ? { ...r, memberCount: 1 }
          : r.id === 'r-viewer'
            ? { ...r, memberCount: 0 }
            : r,
      ),
    );
    expectRequest('/api/permissions').flush(PERMISSION_CATALOGUE);
    await settle(fixture);
    Array.from(document.querySelectorAll<HTMLElement>('[role="tab"]'))
      .find((t) => t.textContent?.trim() === 'Roles')
      ?.click();
    await settle(fixture);
    expect(text(fixture)).toMatch(
      /Support\s*Custom\s*1 permissions · 1 member(?!s)/,
    );
  });
});

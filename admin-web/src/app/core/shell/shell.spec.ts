import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  ADMIN_PERMISSIONS,
  aMe,
  VIEWER_PERMISSIONS,
} from '../../../testing/factories';
import {
  expectRequest,
  provideTestApp,
  queryAll,
  settle,
  signInAs,
  text,
} from '../../../testing/test-helpers';
import { firstAllowedPath, visibleNavItems } from './navigation';
import { SessionStore } from '../auth/session.store';
import { Shell } from './shell';

describe('Shell', () => {
  beforeEach(() =>
    TestBed.configureTestingModule({ providers: provideTestApp() }),
  );

  async function render() {
    const fixture = TestBed.createComponent(Shell);
    await settle(fixture);
    return fixture;
  }

  it('shows a viewer only the modules a viewer may read', async () => {
    signInAs(VIEWER_PERMISSIONS);
    const fixture = await render();
    const labels = queryAll(fixture, 'mat-nav-list a').map((a) =>
      a.textContent?.trim(),
    );
    expect(labels).toEqual([
      'Users & roles',
      'Customers',
      'Segments',
      'Profile',
    ]);
  });

  it('shows an admin every module, and the user and workspace in the toolbar', async () => {
    signInAs(ADMIN_PERMISSIONS);
    const fixture = await render();
    const labels = queryAll(fixture, 'mat-nav-list a').map((a) =>
      a.textContent?.trim(),
    );
    expect(labels).toEqual([
      'Users & roles',
      'Customers',
      'Segments',
      'API keys',
      'Audit log',
      'Email log',
      'Profile',
    ]);
    expect(text(fixture)).toContain('Acme');
    expect(text(fixture)).toContain('Mia Self');
  });

  describe('account menu', () => {
    afterEach(() => TestBed.inject(HttpTestingController).verify());

    const menuItems = () =>
      Array.from(
        document.querySelectorAll<HTMLElement>('.mat-mdc-menu-item'),
      ).map((item) => item.textContent?.trim().replace(/\s+/g, ' '));

    async function openMenu() {
      const fixture = await render();
      (fixture.nativeElement as HTMLElement)
        .querySelector<HTMLButtonElement>('.user-button')
        ?.click();
      await settle(fixture);
      return fixture;
    }

    it('offers no switch with one workspace', async () => {
      signInAs(VIEWER_PERMISSIONS);
      await openMenu();
      expect(menuItems()).toEqual(['Profile', 'Sign out']);
    });

    it('offers the other workspaces, and shows why a switch failed', async () => {
      TestBed.inject(SessionStore).setMe(
        aMe(VIEWER_PERMISSIONS, {
          workspaces: [
            { id: 'w1', name: 'Acme', roleName: 'Custom' },
            { id: 'w2', name: 'Globex', roleName: 'Viewer' },
          ],
        }),
      );
      const fixture = await openMenu();
      expect(menuItems()).toEqual([
        'Switch to Globex (Viewer)',
        'Profile',
        'Sign out',
      ]);

      Array.from(document.querySelectorAll<HTMLElement>('.mat-mdc-menu-item'))
        .find((item) => item.textContent?.includes('Globex'))
        ?.click();
      await settle(fixture);
      const req = expectRequest('/api/me/workspace', 'POST');
      expect(req.request.body).toEqual({ workspaceId: 'w2' });
      req.flush(
        {
          type: 'about:blank',
          title: 'Not Found',
          status: 404,
          detail: 'Workspace not found',
        },
        { status: 404, statusText: 'Not Found' },
      );
      await settle(fixture);
      expect(document.body.textContent).toContain('Workspace not found');
      expect(TestBed.inject(SessionStore).workspace()?.name).toBe('Acme');
    });
  });
});

describe('navigation', () => {
  const as = (perms: string[]) => ({ can: (p: string) => perms.includes(p) });

  it('lands users on Users & roles, or the first module they may read', () => {
    expect(firstAllowedPath(as(VIEWER_PERMISSIONS))).toBe('/users');
    expect(firstAllowedPath(as(['audit:read']))).toBe('/audit');
    expect(firstAllowedPath(as([]))).toBe('/profile');
    expect(visibleNavItems(as(['email:read'])).map((i) => i.path)).toEqual([
      '/email',
      '/profile',
    ]);
    expect(
      visibleNavItems(as(['users:read', 'workspace:manage'])).map(
        (i) => i.label,
      ),
    ).toEqual(['Users & roles', 'Workspace', 'Profile']);
  });
});

import { TestBed } from '@angular/core/testing';
import {
  ADMIN_PERMISSIONS,
  VIEWER_PERMISSIONS,
} from '../../../testing/factories';
import {
  provideTestApp,
  queryAll,
  settle,
  signInAs,
  text,
} from '../../../testing/test-helpers';
import { firstAllowedPath, visibleNavItems } from './navigation';
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
    expect(labels).toEqual(['Users & roles', 'Profile']);
  });

  it('shows an admin every module, and the user and workspace in the toolbar', async () => {
    signInAs(ADMIN_PERMISSIONS);
    const fixture = await render();
    const labels = queryAll(fixture, 'mat-nav-list a').map((a) =>
      a.textContent?.trim(),
    );
    expect(labels).toEqual([
      'Users & roles',
      'API keys',
      'Audit log',
      'Email log',
      'Profile',
    ]);
    expect(text(fixture)).toContain('Acme');
    expect(text(fixture)).toContain('Mia Self');
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
  });
});

import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { aMe } from '../../../testing/factories';
import { provideTestApp, settle } from '../../../testing/test-helpers';
import { Can, hasPermission } from './has-permission';
import { SessionStore } from './session.store';

@Component({
  selector: 'app-host',
  imports: [Can],
  template: `
    <button *appCan="'users:manage'" id="invite">Invite</button>
    <button *appCan="['roles:manage', 'users:manage']" id="both">Both</button>
    @if (canExport()) {
      <button id="export">Export</button>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly canExport = hasPermission('audit:export');
}

describe('hasPermission and *appCan', () => {
  beforeEach(() =>
    TestBed.configureTestingModule({ providers: provideTestApp() }),
  );

  it('hasPermission follows the session', () => {
    const session = TestBed.inject(SessionStore);
    const canManage = TestBed.runInInjectionContext(() =>
      hasPermission('users:manage'),
    );
    expect(canManage()).toBe(false);
    session.setMe(aMe(['users:read', 'users:manage']));
    expect(canManage()).toBe(true);
    session.setMe(aMe(['users:read']));
    expect(canManage()).toBe(false);
  });

  it('does not render controls the user may not use', async () => {
    TestBed.inject(SessionStore).setMe(aMe(['users:read']));
    const fixture = TestBed.createComponent(Host);
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('#invite')).toBeNull();
    expect(el.querySelector('#both')).toBeNull();
    expect(el.querySelector('#export')).toBeNull();
  });

  it('renders them once the permission is there, and removes them when it goes', async () => {
    const session = TestBed.inject(SessionStore);
    session.setMe(aMe(['users:manage', 'audit:export']));
    const fixture = TestBed.createComponent(Host);
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('#invite')).not.toBeNull();
    expect(el.querySelector('#both')).toBeNull(); // needs roles:manage too
    expect(el.querySelector('#export')).not.toBeNull();

    session.setMe(aMe(['users:manage', 'roles:manage']));
    await settle(fixture);
    expect(el.querySelector('#both')).not.toBeNull();
    expect(el.querySelector('#export')).toBeNull();

    session.setMe(aMe([]));
    await settle(fixture);
    expect(el.querySelector('#invite')).toBeNull();
    expect(el.querySelectorAll('button')).toHaveLength(0);
  });
});

import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { aMe, VIEWER_PERMISSIONS } from '../../../../../testing/factories';
import {
  expectRequest,
  provideTestApp,
  query,
  settle,
  signInAs,
  text,
  typeInto,
} from '../../../../../testing/test-helpers';
import { SessionStore } from '../../../../core/auth/session.store';
import { ProfilePage } from './profile';

describe('ProfilePage', () => {
  beforeEach(() =>
    TestBed.configureTestingModule({ providers: provideTestApp() }),
  );
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('lets any member, a viewer too, rename themselves', async () => {
    signInAs(VIEWER_PERMISSIONS);
    const fixture = TestBed.createComponent(ProfilePage);
    await settle(fixture);
    expect(
      query<HTMLInputElement>(fixture, 'input[formcontrolname="name"]')?.value,
    ).toBe('Mia Self');
    expect(text(fixture)).toContain('users:read');

    typeInto(fixture.nativeElement, 'name', 'Mia Renamed');
    await settle(fixture);
    (
      query(fixture, '#name-form button[type="submit"]') as HTMLButtonElement
    ).click();
    await settle(fixture);
    const req = expectRequest('/api/me', 'PATCH');
    expect(req.request.body).toEqual({ name: 'Mia Renamed' });
    req.flush(
      aMe(VIEWER_PERMISSIONS, {
        user: { id: 'u-self', email: 'me@example.com', name: 'Mia Renamed' },
      }),
    );
    await settle(fixture);
    expect(TestBed.inject(SessionStore).user()?.name).toBe('Mia Renamed');
  });

  it('shows the API field error under the new password', async () => {
    signInAs(VIEWER_PERMISSIONS);
    const fixture = TestBed.createComponent(ProfilePage);
    await settle(fixture);
    typeInto(fixture.nativeElement, 'currentPassword', 'old-password');
    typeInto(fixture.nativeElement, 'newPassword', 'new-password-1');
    typeInto(fixture.nativeElement, 'confirm', 'new-password-1');
    await settle(fixture);
    const buttons = Array.from(
      (fixture.nativeElement as HTMLElement).querySelectorAll(
        'button[type="submit"]',
      ),
    );
    (
      buttons.find((b) =>
        b.textContent?.includes('Change password'),
      ) as HTMLButtonElement
    ).click();
    await settle(fixture);

    const req = expectRequest('/api/me/password', 'POST');
    expect(req.request.body).toEqual({
      currentPassword: 'old-password',
      newPassword: 'new-password-1',
    });
    req.flush(
      {
        type: 'validation',
        title: 'Bad Request',
        status: 400,
        errors: [{ field: 'newPassword', message: 'Too common' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(text(fixture)).toContain('Too common');
  });
});

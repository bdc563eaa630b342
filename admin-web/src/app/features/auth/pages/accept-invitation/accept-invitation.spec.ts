import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import {
  aMe,
  tokens,
  VIEWER_PERMISSIONS,
} from '../../../../../testing/factories';
import {
  expectRequest,
  MemoryTokenStorage,
  provideTestApp,
  query,
  settle,
  text,
  typeInto,
} from '../../../../../testing/test-helpers';
import { AcceptInvitationPage } from './accept-invitation';

describe('AcceptInvitationPage', () => {
  let storage: MemoryTokenStorage;

  beforeEach(() => {
    storage = new MemoryTokenStorage(null);
    TestBed.configureTestingModule({ providers: provideTestApp(storage) });
    jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  });
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('shows the workspace and role, then accepts with name and password and signs in', async () => {
    const fixture = TestBed.createComponent(AcceptInvitationPage);
    fixture.componentRef.setInput('token', 'tok123');
    await settle(fixture);
    const preview = expectRequest('/api/auth/invitations/tok123');
    expect(preview.request.headers.has('Authorization')).toBe(false);
    preview.flush({
      email: 'new@example.com',
      workspaceName: 'Acme',
      roleName: 'Viewer',
      expiresAt: '2026-12-01T10:00:00Z',
      existingUser: false,
    });
    await settle(fixture);
    expect(
      query(fixture, '[data-testid="invitation-summary"]')?.textContent,
    ).toMatch(/Acme.*Viewer.*new@example\.com/s);

    typeInto(fixture.nativeElement, 'name', 'Nina New');
    typeInto(fixture.nativeElement, 'password', 'long-enough-1');
    query(fixture, 'button[type="submit"]')?.click();
    await settle(fixture);
    const accept = expectRequest('/api/auth/invitations/accept', 'POST');
    expect(accept.request.body).toEqual({
      token: 'tok123',
      name: 'Nina New',
      password: 'long-enough-1',
    });
    accept.flush(tokens(5));
    await settle(fixture);
    expectRequest('/api/me').flush(aMe(VIEWER_PERMISSIONS));
    await settle(fixture);
    expect(storage.tokens?.accessToken).toBe('access-5');
  });

  it('explains an expired or used link', async () => {
    const fixture = TestBed.createComponent(AcceptInvitationPage);
    fixture.componentRef.setInput('token', 'gone');
    await settle(fixture);
    expectRequest('/api/auth/invitations/gone').flush(
      {
        type: 'auth/invitation-invalid',
        title: 'Not Found',
        status: 404,
        detail: 'This invitation has expired',
      },
      { status: 404, statusText: 'Not Found' },
    );
    await settle(fixture);
    expect(text(fixture)).toContain('This invitation has expired');
    expect(query(fixture, 'form')).toBeNull();
  });
});

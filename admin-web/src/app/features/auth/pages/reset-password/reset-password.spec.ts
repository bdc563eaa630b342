import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import {
  expectRequest,
  MemoryTokenStorage,
  provideTestApp,
  query,
  settle,
  text,
  typeInto,
} from '../../../../../testing/test-helpers';
import { ResetPasswordPage } from './reset-password';

describe('ResetPasswordPage', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: provideTestApp(new MemoryTokenStorage(null)),
    });
    jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  });
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  async function submit(token: string) {
    const fixture = TestBed.createComponent(ResetPasswordPage);
    fixture.componentRef.setInput('token', token);
    await settle(fixture);
    typeInto(fixture.nativeElement, 'password', 'long-enough-pass-1');
    typeInto(fixture.nativeElement, 'confirm', 'long-enough-pass-1');
    query(fixture, 'button[type="submit"]')?.click();
    await settle(fixture);
    const request = expectRequest('/api/auth/password-reset/confirm', 'POST');
    expect(request.request.body).toEqual({
      token,
      password: 'long-enough-pass-1',
    });
    return { fixture, request };
  }

  it('sets the new password and goes to sign in', async () => {
    const { fixture, request } = await submit('t'.repeat(40));
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    expect(TestBed.inject(Router).navigate).toHaveBeenCalledWith(['/login']);
  });

  it('explains a used or expired link', async () => {
    const { fixture, request } = await submit('t'.repeat(40));
    request.flush(
      {
        type: 'auth/invalid-token',
        title: 'Unauthorized',
        status: 401,
        detail: 'The reset link is invalid or has expired',
      },
      { status: 401, statusText: 'Unauthorized' },
    );
    await settle(fixture);
    expect(query(fixture, '[role="alert"]')?.textContent).toContain(
      'The reset link is invalid or has expired',
    );
  });

  it('calls a cut-off link invalid, not "Invalid request: token"', async () => {
    const { fixture, request } = await submit('short');
    request.flush(
      {
        type: 'validation-failed',
        title: 'Bad Request',
        status: 400,
        detail: 'Invalid request: token',
        errors: [
          { field: 'token', message: 'token must be longer than 20 chars' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(query(fixture, '[role="alert"]')?.textContent?.trim()).toBe(
      'This link is invalid or has expired. Ask for a new one.',
    );
    expect(text(fixture)).not.toContain('Invalid request');
  });
});

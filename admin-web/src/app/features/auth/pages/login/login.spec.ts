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
import { LoginPage } from './login';

describe('LoginPage', () => {
  let navigateByUrl: jest.SpyInstance;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: provideTestApp(new MemoryTokenStorage(null)),
    });
    navigateByUrl = jest
      .spyOn(TestBed.inject(Router), 'navigateByUrl')
      .mockResolvedValue(true);
  });
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  async function submit(email: string, password: string) {
    const fixture = TestBed.createComponent(LoginPage);
    await settle(fixture);
    typeInto(fixture.nativeElement, 'email', email);
    typeInto(fixture.nativeElement, 'password', password);
    query(fixture, 'button[type="submit"]')?.click();
    await settle(fixture);
    return fixture;
  }

  it('signs in and lands a viewer on Users & roles', async () => {
    const fixture = await submit('me@example.com', 'pw');
    expectRequest('/api/auth/login', 'POST').flush(tokens(1));
    await settle(fixture);
    expectRequest('/api/me').flush(aMe(VIEWER_PERMISSIONS));
    await settle(fixture);
    expect(navigateByUrl).toHaveBeenCalledWith('/users');
  });

  it('says what went wrong on a 401 and stays on the page', async () => {
    const fixture = await submit('me@example.com', 'wrong');
    expectRequest('/api/auth/login', 'POST').flush(
      {
        type: 'auth/invalid-credentials',
        title: 'Unauthorized',
        status: 401,
        detail: 'Wrong email or password',
      },
      { status: 401, statusText: 'Unauthorized' },
    );
    await settle(fixture);
    expect(text(fixture)).toContain('Wrong email or password');
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('shows the lockout detail on a 423', async () => {
    const fixture = await submit('me@example.com', 'wrong');
    expectRequest('/api/auth/login', 'POST').flush(
      {
        type: 'auth/locked',
        title: 'Locked',
        status: 423,
        detail: 'Too many failed attempts; try again in 15 minutes',
      },
      { status: 423, statusText: 'Locked' },
    );
    await settle(fixture);
    expect(text(fixture)).toContain('try again in 15 minutes');
  });

  it('does not send an invalid form', async () => {
    await submit('not-an-email', '');
    TestBed.inject(HttpTestingController).expectNone('/api/auth/login');
  });
});

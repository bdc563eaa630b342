import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { VIEWER_PERMISSIONS } from '../testing/factories';
import {
  MemoryTokenStorage,
  provideTestApp,
  signInAs,
} from '../testing/test-helpers';
import { appRoutes } from './app.routes';

describe('app routes', () => {
  function setUp(storage: MemoryTokenStorage) {
    TestBed.configureTestingModule({
      providers: [...provideTestApp(storage), provideRouter(appRoutes)],
    });
  }

  it('sends a signed-out visitor from / to the sign-in form, not an empty card', async () => {
    setUp(new MemoryTokenStorage(null));
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/');
    expect(TestBed.inject(Router).url).toBe('/login');
    expect(harness.routeNativeElement?.textContent).toContain('Sign in');
  });

  it('lands a signed-in user from / on the first module they may read', async () => {
    setUp(new MemoryTokenStorage({ accessToken: 'a', refreshToken: 'r' }));
    signInAs(VIEWER_PERMISSIONS);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/');
    expect(TestBed.inject(Router).url).toBe('/users');
  });

  it('sends a signed-out visitor of a console page to sign in, keeping the page', async () => {
    setUp(new MemoryTokenStorage(null));
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/audit');
    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Faudit');
  });

  it('sends someone without workspace:manage from /settings to their first module', async () => {
    setUp(new MemoryTokenStorage({ accessToken: 'a', refreshToken: 'r' }));
    signInAs(VIEWER_PERMISSIONS);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/settings');
    expect(TestBed.inject(Router).url).toBe('/users');
  });
});

import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  provideRouter,
  Router,
  withComponentInputBinding,
} from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { anImportDetail } from '../../../testing/customer-import-factories';
import { VIEWER_PERMISSIONS } from '../../../testing/factories';
import {
  provideTestApp,
  settle,
  signInAs,
} from '../../../testing/test-helpers';
import { appRoutes } from '../../app.routes';

describe('customer import routes', () => {
  beforeEach(() =>
    TestBed.configureTestingModule({
      providers: [
        ...provideTestApp(),
        provideRouter(appRoutes, withComponentInputBinding()),
      ],
    }),
  );
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('opens an import by its id in the wizard (not as a customer id)', async () => {
    signInAs(['customers:read', 'customers:import']);
    const harness = await RouterTestingHarness.create();
    // Not awaited: the navigation settles only once the wizard's request is answered.
    const navigated = harness.navigateByUrl('/customers/import/imp-1');
    const http = TestBed.inject(HttpTestingController);
    const url = '/api/customers/imports/imp-1';
    // The shell and the wizard load lazily first.
    let requests = http.match({ url, method: 'GET' });
    for (let i = 0; i < 100 && !requests.length; i++) {
      await settle(harness.fixture);
      requests = http.match({ url, method: 'GET' });
    }
    expect(requests).toHaveLength(1);
    requests[0].flush(anImportDetail());
    await navigated;
    await settle(harness.fixture);
    expect(harness.routeNativeElement?.textContent).toContain(
      'Import customers',
    );
    expect(harness.routeNativeElement?.textContent).toContain('customers.csv');
    harness.fixture.destroy();
  }, 20_000);

  it('keeps someone who may not import away from the wizard', async () => {
    signInAs(VIEWER_PERMISSIONS);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/customers/import');
    expect(TestBed.inject(Router).url).not.toMatch(/^\/customers\/import/);
    // What the page they land on loads is that page's business.
    TestBed.inject(HttpTestingController).match(() => true);
  });
});

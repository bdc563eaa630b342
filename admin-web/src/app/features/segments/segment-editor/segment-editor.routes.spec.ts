import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { VIEWER_PERMISSIONS } from '../../../../testing/factories';
import { provideTestApp, settle, signInAs } from '../../../../testing/test-helpers';
import { appRoutes } from '../../../app.routes';
import { someFields } from '../builder/testing/rule-factories';
import { PREVIEW_DEBOUNCE_MS } from './segment-editor.store';
import { aSegmentDetail } from './testing/editor-factories';

jest.setTimeout(60_000);

describe('segment editor routes', () => {
  beforeEach(() =>
    TestBed.configureTestingModule({
      providers: [
        ...provideTestApp(),
        provideRouter(appRoutes, withComponentInputBinding()),
        { provide: PREVIEW_DEBOUNCE_MS, useValue: 0 },
      ],
    }),
  );
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('opens /segments/:id/edit on that segment in the editor (not as a segment detail)', async () => {
    signInAs([...VIEWER_PERMISSIONS, 'segments:write']);
    const harness = await RouterTestingHarness.create();
    const navigated = harness.navigateByUrl('/segments/seg-1/edit');
    const http = TestBed.inject(HttpTestingController);
    // The shell and the editor load lazily first.
    let requests = http.match({ url: '/api/segments/seg-1', method: 'GET' });
    for (let i = 0; i < 100 && !requests.length; i++) {
      await settle(harness.fixture);
      requests = http.match({ url: '/api/segments/seg-1', method: 'GET' });
    }
    expect(requests).toHaveLength(1);
    requests[0].flush(aSegmentDetail());
    http.expectOne('/api/segments/fields').flush(someFields());
    http.expectOne((r) => r.url === '/api/segments').flush({ items: [], nextCursor: null });
    await navigated;
    await settle(harness.fixture);
    expect(harness.routeNativeElement?.textContent).toContain('Edit segment');
    expect(harness.routeNativeElement?.querySelector('input[formcontrolname="name"]')).toHaveProperty('value', 'Big spenders');
    // The live count of the loaded rules is the page's business.
    http.expectOne('/api/segments/preview');
    harness.fixture.destroy();
  });

  it('keeps someone who may not write segments away from the editor', async () => {
    signInAs(VIEWER_PERMISSIONS);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/segments/new');
    expect(TestBed.inject(Router).url).not.toBe('/segments/new');
    // What the page they land on loads is that page's business.
    TestBed.inject(HttpTestingController).match(() => true);
  });
});

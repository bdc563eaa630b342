import { HttpTestingController } from '@angular/common/http/testing';
import { createEnvironmentInjector, EnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import {
  anImportDetail,
  anImportError,
} from '../../../../testing/customer-import-factories';
import {
  expectRequest,
  provideTestApp,
  signInAs,
} from '../../../../testing/test-helpers';
import {
  CustomerImportsStore,
  ERRORS_PAGE_SIZE,
  POLL_INTERVAL_MS,
} from './customer-imports.store';

const ID = 'imp-1';

/** jsdom's Blob has no `text()`. */
function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsText(blob);
  });
}
const DETAIL_URL = `/api/customers/imports/${ID}`;

describe('CustomerImportsStore', () => {
  let injector: EnvironmentInjector;
  let store: CustomerImportsStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: provideTestApp() });
    signInAs(['customers:import', 'customers:read']);
    injector = createEnvironmentInjector(
      [CustomerImportsStore],
      TestBed.inject(EnvironmentInjector),
    );
    store = injector.get(CustomerImportsStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    jest.useRealTimers();
    http.verify();
  });

  it('uploads the file as multipart form data in the field "file", keeping its name', async () => {
    const file = new File(['id;email\n1;a@x.io\n'], 'shop.csv', {
      type: 'text/csv',
    });
    const answer = firstValueFrom(store.upload(file));
    const req = expectRequest('/api/customers/imports', 'POST');
    expect(req.request.body).toBeInstanceOf(FormData);
    const sent = (req.request.body as FormData).get('file') as File;
    expect(sent).toBe(file);
    expect(sent.name).toBe('shop.csv');
    // The browser sets multipart/form-data with its boundary; a fixed Content-Type would break it.
    expect(req.request.headers.has('Content-Type')).toBe(false);
    req.flush(anImportDetail({ fileName: 'shop.csv' }));

    expect((await answer).fileName).toBe('shop.csv');
    expect(store.current()?.fileName).toBe('shop.csv');
  });

  it('polls a running import every second until it completes, then loads its rejected rows', () => {
    jest.useFakeTimers();
    store.open(ID);
    expectRequest(DETAIL_URL).flush(
      anImportDetail({ status: 'queued', mapping: { columns: {} } }),
    );
    expect(store.current()?.status).toBe('queued');

    jest.advanceTimersByTime(POLL_INTERVAL_MS - 1);
    http.expectNone((r) => r.url === DETAIL_URL);
    jest.advanceTimersByTime(1);
    expectRequest(DETAIL_URL).flush(
      anImportDetail({ status: 'running', progress: 40, processedRows: 400 }),
    );
    expect(store.current()?.progress).toBe(40);

    jest.advanceTimersByTime(POLL_INTERVAL_MS);
    expectRequest(DETAIL_URL).flush(
      anImportDetail({
        status: 'completed',
        progress: 100,
        processedRows: 1000,
        createdCount: 990,
        rejectedCount: 10,
      }),
    );
    expect(store.current()?.createdCount).toBe(990);
    const errors = expectRequest(`${DETAIL_URL}/errors`);
    expect(errors.request.params.get('limit')).toBe(String(ERRORS_PAGE_SIZE));
    errors.flush({ items: [anImportError()], nextCursor: 'c2' });
    expect(store.errors.items()).toEqual([anImportError()]);
    expect(store.errors.hasMore()).toBe(true);

    jest.advanceTimersByTime(POLL_INTERVAL_MS * 5);
    http.expectNone((r) => r.url === DETAIL_URL);
  });

  it('does not poll an import waiting for its mapping, nor list errors of a clean one', () => {
    jest.useFakeTimers();
    store.open(ID);
    expectRequest(DETAIL_URL).flush(anImportDetail({ status: 'uploaded' }));
    jest.advanceTimersByTime(POLL_INTERVAL_MS * 3);
    http.expectNone((r) => r.url === DETAIL_URL);

    store.open('imp-2');
    expectRequest('/api/customers/imports/imp-2').flush(
      anImportDetail({ id: 'imp-2', status: 'completed', rejectedCount: 0 }),
    );
    http.expectNone((r) => r.url.endsWith('/errors'));
  });

  it('stops polling when the page that provides it goes away', () => {
    jest.useFakeTimers();
    store.open(ID);
    expectRequest(DETAIL_URL).flush(anImportDetail({ status: 'running' }));
    jest.advanceTimersByTime(POLL_INTERVAL_MS);
    expectRequest(DETAIL_URL).flush(anImportDetail({ status: 'running' }));

    injector.destroy();
    jest.advanceTimersByTime(POLL_INTERVAL_MS * 5);
    http.expectNone((r) => r.url === DETAIL_URL);
  });

  it('starts with the mapping, sends the save-as name only when given, and follows the run', async () => {
    jest.useFakeTimers();
    store.open(ID);
    expectRequest(DETAIL_URL).flush(anImportDetail());
    const mapping = { columns: { 'E-Mail': 'email', Notes: null } };

    const started = firstValueFrom(store.start(mapping, 'Shop export'));
    const req = expectRequest(`${DETAIL_URL}/start`, 'POST');
    expect(req.request.body).toEqual({ mapping, saveMappingAs: 'Shop export' });
    req.flush(anImportDetail({ status: 'queued', mapping }));
    expect((await started).status).toBe('queued');

    jest.advanceTimersByTime(POLL_INTERVAL_MS);
    expectRequest(DETAIL_URL).flush(
      anImportDetail({ status: 'failed', error: 'Worker lost' }),
    );
    expect(store.current()?.error).toBe('Worker lost');

    store.start(mapping).subscribe();
    const again = expectRequest(`${DETAIL_URL}/start`, 'POST');
    expect(again.request.body).toEqual({ mapping });
    again.flush(anImportDetail({ status: 'queued', mapping }));
    jest.advanceTimersByTime(POLL_INTERVAL_MS);
    expectRequest(DETAIL_URL).flush(anImportDetail({ status: 'completed' }));
  });

  it('stops following when progress cannot be loaded, and says why', () => {
    jest.useFakeTimers();
    store.open(ID);
    expectRequest(DETAIL_URL).flush(anImportDetail({ status: 'running' }));
    jest.advanceTimersByTime(POLL_INTERVAL_MS);
    expectRequest(DETAIL_URL).flush(
      { title: 'Service Unavailable', detail: 'Database is restarting' },
      { status: 503, statusText: 'Service Unavailable' },
    );
    expect(store.followError()?.detail).toBe('Database is restarting');
    jest.advanceTimersByTime(POLL_INTERVAL_MS * 3);
    http.expectNone((r) => r.url === DETAIL_URL);

    store.follow();
    expect(store.followError()).toBeNull();
    jest.advanceTimersByTime(POLL_INTERVAL_MS);
    expectRequest(DETAIL_URL).flush(anImportDetail({ status: 'completed' }));
  });

  it('downloads the error report as a CSV blob', async () => {
    store.open(ID);
    expectRequest(DETAIL_URL).flush(anImportDetail({ status: 'completed' }));
    const report = firstValueFrom(store.errorReport());
    const req = expectRequest(`${DETAIL_URL}/error-report`);
    expect(req.request.responseType).toBe('text');
    req.flush(
      'row,column,value,reason\n3,E-Mail,bob@example,Not a valid email\n',
    );

    const blob = await report;
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(await textOf(blob)).toContain('3,E-Mail,bob@example');
  });

  it('offers known attribute names only to users who may read customers', () => {
    store.loadKnownAttributes();
    expectRequest('/api/customers/facets').flush({
      attributes: [
        { key: 'tier', count: 3, types: ['string'] },
        { key: 'points', count: 5, types: ['number'] },
      ],
      churnRisks: [],
      countries: [],
      orderCategories: [],
      rfmTiers: [],
      tags: [],
    });
    expect(store.knownAttributes()).toEqual(['points', 'tier']);

    signInAs(['customers:import']);
    store.loadKnownAttributes();
    http.expectNone('/api/customers/facets');
  });
});

import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  buttonsWithText,
  expectRequest,
  provideTestApp,
  query,
  settle,
  signInAs,
  text,
} from '../../../../../testing/test-helpers';
import { EXPORT_POLL_MS } from '../../data/customer-exports.store';
import { anExport } from '../../testing/customer-factories';
import { CustomerExportsPage } from './customer-exports';

jest.setTimeout(20_000);

describe('CustomerExportsPage', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [...provideTestApp(), { provide: EXPORT_POLL_MS, useValue: 30 }],
    });
    signInAs(['customers:read', 'customers:export']);
  });
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  async function render(items = [anExport()]) {
    const fixture = TestBed.createComponent(CustomerExportsPage);
    await settle(fixture);
    expectRequest('/api/customers/exports').flush({ items, nextCursor: null });
    await settle(fixture);
    return fixture;
  }

  it('lists exports with what they contain, their status and row count', async () => {
    const fixture = await render([
      anExport(),
      anExport({
        id: 'e-failed',
        status: 'failed',
        rowCount: 0,
        error: 'Disk full',
        filters: {},
      }),
    ]);
    const rows = Array.from(
      (fixture.nativeElement as HTMLElement).querySelectorAll('tr.mat-mdc-row'),
    );
    expect(rows[0].textContent).toContain(
      'RFM tier Champions · sorted by total spent ↓',
    );
    expect(rows[0].textContent).toContain('completed');
    expect(rows[0].textContent).toContain('42');
    expect(rows[1].textContent).toContain('All customers');
    expect(rows[1].textContent).toContain('Disk full');
    expect(buttonsWithText(fixture, 'Download CSV')).toHaveLength(1);
  });

  it('follows an unfinished export until it completes, then offers the file', async () => {
    const fixture = await render([
      anExport({ id: 'e-run', status: 'running', rowCount: 0, finishedAt: null }),
    ]);
    expect(query(fixture, 'td[data-status="running"]')).not.toBeNull();
    expect(buttonsWithText(fixture, 'Download CSV')).toHaveLength(0);

    await new Promise((r) => setTimeout(r, 40));
    expectRequest('/api/customers/exports/e-run').flush(
      anExport({ id: 'e-run', status: 'completed', rowCount: 7 }),
    );
    await settle(fixture);
    expect(query(fixture, 'td[data-status="completed"]')).not.toBeNull();
    expect(text(fixture)).toContain('7');
    expect(buttonsWithText(fixture, 'Download CSV')).toHaveLength(1);

    // Nothing unfinished any more: no further checks.
    await new Promise((r) => setTimeout(r, 80));
    TestBed.inject(HttpTestingController).expectNone('/api/customers/exports/e-run');
  });

  it('downloads the CSV through the API client as a file', async () => {
    const createObjectURL = jest.fn<string, [Blob]>(() => 'blob:csv');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    const fixture = await render();
    buttonsWithText(fixture, 'Download CSV')[0].click();
    await settle(fixture);
    const req = expectRequest(
      '/api/customers/exports/0b7c1d2e-aaaa-bbbb-cccc-123456789abc/download',
    );
    expect(req.request.responseType).toBe('blob');
    req.flush(new Blob(['id,email\n'], { type: 'text/csv' }));
    await settle(fixture);
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toBe('customers-2026-11-24-0b7c1d2e.csv');
    click.mockRestore();
  });

  it('says how to make an export when there is none', async () => {
    const fixture = await render([]);
    expect(text(fixture)).toContain('No exports yet');
    expect(text(fixture)).toContain('Export CSV');
  });
});

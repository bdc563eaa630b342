import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { anAuditEvent } from '../../../../../testing/factories';
import {
  expectRequest,
  provideTestApp,
  query,
  settle,
  signInAs,
  text,
} from '../../../../../testing/test-helpers';
import { AuditLogPage } from './audit-log';

async function render(permissions: readonly string[]) {
  signInAs(permissions);
  const fixture = TestBed.createComponent(AuditLogPage);
  await settle(fixture);
  expectRequest('/api/audit-events').flush({
    items: [anAuditEvent()],
    nextCursor: null,
  });
  await settle(fixture);
  return fixture;
}

describe('AuditLogPage', () => {
  beforeEach(() =>
    TestBed.configureTestingModule({ providers: provideTestApp() }),
  );
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('lets a reader without audit:export read but not export', async () => {
    const fixture = await render(['audit:read']);
    expect(text(fixture)).toContain('member.update');
    expect(query(fixture, '[data-testid="export-audit"]')).toBeNull();
  });

  it('expands a row to show before and after, and what changed', async () => {
    const fixture = await render(['audit:read']);
    query(fixture, 'button[aria-label^="Show details"]')?.click();
    await settle(fixture);
    const detail = query(fixture, '.detail-row.open');
    expect(detail?.textContent).toContain('"role": "viewer"');
    expect(detail?.textContent).toContain('"role": "manager"');
    expect(detail?.textContent).toContain('Changed:');
    expect(detail?.textContent).toContain('req-1');
  });

  it('exports the filtered log as a CSV file', async () => {
    const createObjectURL = jest.fn(() => 'blob:csv');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);

    const fixture = await render(['audit:read', 'audit:export', 'users:read']);
    expectRequest('/api/users').flush({ items: [], nextCursor: null });
    query(fixture, '[data-testid="export-audit"]')?.click();
    await settle(fixture);
    const req = expectRequest('/api/audit-events/export');
    expect(req.request.responseType).toBe('text');
    req.flush('id,action\na-1,member.updated\n');
    await settle(fixture);

    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toMatch(/^audit-log-.*\.csv$/);
    click.mockRestore();
  });
});

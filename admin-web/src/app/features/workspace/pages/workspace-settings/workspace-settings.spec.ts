import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Workspace } from '../../../../core/api/models';
import {
  ADMIN_PERMISSIONS,
  VIEWER_PERMISSIONS,
} from '../../../../../testing/factories';
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
import { WorkspaceSettingsPage } from './workspace-settings';

const OWNER_PERMISSIONS = [...ADMIN_PERMISSIONS, 'workspace:manage'];

function aWorkspace(overrides: Partial<Workspace> = {}): Workspace {
  return {
    id: 'w1',
    name: 'Acme',
    createdAt: '2026-01-15T10:00:00Z',
    ...overrides,
  };
}

describe('WorkspaceSettingsPage', () => {
  beforeEach(() =>
    TestBed.configureTestingModule({ providers: provideTestApp() }),
  );
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  async function render(permissions: readonly string[]) {
    signInAs(permissions);
    const fixture = TestBed.createComponent(WorkspaceSettingsPage);
    await settle(fixture);
    expectRequest('/api/workspace').flush(aWorkspace());
    await settle(fixture);
    return fixture;
  }

  it('shows the owner the name and creation date, and renames the workspace everywhere', async () => {
    const fixture = await render(OWNER_PERMISSIONS);
    expect(text(fixture)).toContain('Acme');
    expect(text(fixture)).toContain('Created Jan 15, 2026');
    const input = query<HTMLInputElement>(
      fixture,
      'input[formcontrolname="name"]',
    );
    expect(input?.value).toBe('Acme');

    typeInto(fixture.nativeElement, 'name', '  Acme Corp ');
    await settle(fixture);
    query<HTMLButtonElement>(
      fixture,
      '#workspace-name-form button[type="submit"]',
    )?.click();
    await settle(fixture);
    const req = expectRequest('/api/workspace', 'PATCH');
    expect(req.request.body).toEqual({ name: 'Acme Corp' });
    req.flush(aWorkspace({ name: 'Acme Corp' }));
    await settle(fixture);

    expect(TestBed.inject(SessionStore).workspace()?.name).toBe('Acme Corp');
    expect(
      query<HTMLInputElement>(fixture, 'input[formcontrolname="name"]')?.value,
    ).toBe('Acme Corp');
  });

  it('puts the API field error under the name', async () => {
    const fixture = await render(OWNER_PERMISSIONS);
    typeInto(fixture.nativeElement, 'name', 'x');
    await settle(fixture);
    query<HTMLButtonElement>(
      fixture,
      '#workspace-name-form button[type="submit"]',
    )?.click();
    await settle(fixture);
    expectRequest('/api/workspace', 'PATCH').flush(
      {
        type: 'validation',
        title: 'Bad Request',
        status: 400,
        errors: [{ field: 'name', message: 'Too short' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(text(fixture)).toContain('Too short');
    expect(TestBed.inject(SessionStore).workspace()?.name).toBe('Acme');
  });

  it('shows someone without workspace:manage no rename form', async () => {
    const fixture = await render(VIEWER_PERMISSIONS);
    expect(text(fixture)).toContain('Acme');
    expect(query(fixture, 'form')).toBeNull();
    expect(query(fixture, 'input')).toBeNull();
  });
});

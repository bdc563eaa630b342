import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  ADMIN_PERMISSIONS,
  anApiKey,
  PERMISSION_CATALOGUE,
  VIEWER_PERMISSIONS,
} from '../../../../../testing/factories';
import {
  buttonsWithText,
  expectRequest,
  provideTestApp,
  query,
  settle,
  signInAs,
  text,
  typeInto,
} from '../../../../../testing/test-helpers';
import { ApiKeyListPage } from './api-key-list';

const KEYS = [
  anApiKey(),
  anApiKey({
    id: 'k-2',
    name: 'Old CRM',
    prefix: 'lsk_zz99',
    revokedAt: '2026-11-02T10:00:00Z',
  }),
];

async function render(permissions: readonly string[]) {
  signInAs(permissions);
  const fixture = TestBed.createComponent(ApiKeyListPage);
  await settle(fixture);
  expectRequest('/api/api-keys').flush(KEYS);
  await settle(fixture);
  return fixture;
}

describe('ApiKeyListPage', () => {
  beforeEach(() =>
    TestBed.configureTestingModule({ providers: provideTestApp() }),
  );
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    document
      .querySelectorAll('.cdk-overlay-container')
      .forEach((el) => (el.innerHTML = ''));
  });

  it('shows keys to someone without api_keys:manage but no create or revoke controls', async () => {
    const fixture = await render(VIEWER_PERMISSIONS);
    expect(text(fixture)).toContain('Shop sync');
    expect(query(fixture, '[data-testid="create-api-key"]')).toBeNull();
    expect(buttonsWithText(fixture, 'Revoke')).toHaveLength(0);
  });

  it('shows status, and revoke only for active keys, to a key manager', async () => {
    const fixture = await render(ADMIN_PERMISSIONS);
    expect(query(fixture, '[data-testid="create-api-key"]')).not.toBeNull();
    expect(text(fixture)).toContain('Revoked');
    expect(buttonsWithText(fixture, 'Revoke')).toHaveLength(1);
  });

  it('creates a key and shows its secret once, with a warning and a copy button', async () => {
    const fixture = await render(ADMIN_PERMISSIONS);
    query(fixture, '[data-testid="create-api-key"]')?.click();
    await settle(fixture);
    expectRequest('/api/permissions').flush(PERMISSION_CATALOGUE);
    await settle(fixture);

    const overlay = document.querySelector(
      '.cdk-overlay-container',
    ) as HTMLElement;
    typeInto(overlay, 'name', 'Warehouse');
    const checkbox = overlay.querySelector(
      '[data-permission="customers:read"] input',
    ) as HTMLInputElement;
    checkbox.click();
    await settle(fixture);
    (
      overlay.querySelector('button[type="submit"]') as HTMLButtonElement
    ).click();
    await settle(fixture);

    const create = expectRequest('/api/api-keys', 'POST');
    expect(create.request.body).toEqual({
      name: 'Warehouse',
      permissions: ['customers:read'],
    });
    create.flush({
      apiKey: anApiKey({ id: 'k-3', name: 'Warehouse' }),
      secret: 'lsk_ab12.supersecret',
    });
    await settle(fixture);

    expect(
      overlay.querySelector('[data-testid="api-key-secret"]')?.textContent,
    ).toContain('lsk_ab12.supersecret');
    expect(overlay.textContent).toContain('only time the secret is shown');
    expect(overlay.querySelector('app-copy-button button')).not.toBeNull();
    expect(text(fixture)).toContain('Warehouse');
  });
});

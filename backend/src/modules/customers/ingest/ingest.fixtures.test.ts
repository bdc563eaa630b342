/**
 * Fixtures for the bulk-ingestion tests: request helpers and item factories. (The `.test.ts` suffix keeps
 * this file out of the app build; Jest runs only `*.spec.ts` and `*.int-spec.ts`.)
 */
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiResult, call } from '../../../../test/auth-helpers';

export type Credentials = { token: string } | { apiKey: string };

/** POST /api/ingest/<resource> with `{ items }`, optionally under an Idempotency-Key. */
export function ingest(url: string, who: Credentials, resource: string, items: unknown[], key?: string): Promise<ApiResult> {
  return call(url, 'POST', `/api/ingest/${resource}`, { ...who, body: { items }, headers: key === undefined ? {} : { 'idempotency-key': key } });
}

export const order = (overrides: Record<string, unknown> = {}) => ({
  customerExternalId: 'cust-1',
  currency: 'EUR',
  channel: 'online',
  placedAt: '2024-05-17T18:42:00Z',
  items: [{ product: 'Trail shoes', category: 'Footwear', quantity: 2, unitPrice: 59.9 }],
  ...overrides,
});

export const event = (overrides: Record<string, unknown> = {}) => ({
  customerExternalId: 'cust-1',
  type: 'product_viewed',
  properties: { sku: 'TRS-42' },
  occurredAt: '2024-05-17T18:40:12.250Z',
  ...overrides,
});

/** Inserts a customer directly (tests of orders and events that must not depend on the upsert engine). */
export async function insertCustomer(app: INestApplication, workspaceId: string, externalId: string | null, email: string | null = null): Promise<string> {
  const [row] = await app.get(DataSource).query('INSERT INTO customers (workspace_id, external_id, email) VALUES ($1, $2, $3) RETURNING id', [workspaceId, externalId, email]);
  return row.id;
}

/** An API key of the workspace with the given permissions, created through the API by its owner. */
export async function apiKey(url: string, ownerToken: string, permissions: string[]): Promise<string> {
  const res = await call(url, 'POST', '/api/api-keys', { token: ownerToken, body: { name: `Key ${permissions.join(' ')}`, permissions } });
  if (res.status !== 201) throw new Error(`API key: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.secret;
}

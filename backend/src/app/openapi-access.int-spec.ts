import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { addMember, call, createWorkspace, TestUser, TestWorkspace } from '../../test/auth-helpers';
import { startTestApp } from '../../test/test-app';
import { BUILT_IN_ROLES } from '../platform/access/permissions';

/** The only operations callable without credentials. */
const PUBLIC_OPERATIONS = [
  'login',
  'refreshToken',
  'logout',
  'requestPasswordReset',
  'confirmPasswordReset',
  'getInvitationByToken',
  'acceptInvitation',
  'getHealth',
  'getLiveness',
  'getReadiness',
  'getMetrics',
].sort();

interface Operation {
  method: string;
  path: string;
  operationId: string;
  permission?: string;
  isPublic: boolean;
  security?: unknown[];
  summary?: string;
}

/** Walks every operation of the live OpenAPI document. */
describe('every operation in the OpenAPI document', () => {
  let app: NestFastifyApplication;
  let url: string;
  let operations: Operation[];
  let ws: TestWorkspace;
  let viewer: TestUser;

  beforeAll(async () => {
    ({ app, url } = await startTestApp());
    const doc = (await call(url, 'GET', '/api/openapi.json')).body;
    operations = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId,
        permission: op['x-permission'],
        isPublic: op['x-public'] === true,
        security: op.security,
        summary: op.summary,
      })),
    );
    ws = await createWorkspace(app, url);
    viewer = await addMember(app, url, ws.workspaceId, 'viewer');
  });
  afterAll(() => app.close());

  const concrete = (path: string) => path.replace(/\{[^}]+\}/g, randomUUID());

  it('has an operationId and a summary on every operation, and exactly the listed public ones', () => {
    expect(operations.length).toBeGreaterThan(25);
    for (const op of operations) {
      expect(op.operationId).toMatch(/^[a-z][A-Za-z]+$/);
      expect(op.summary).toBeTruthy();
    }
    expect(operations.filter((o) => o.isPublic).map((o) => o.operationId).sort()).toEqual(PUBLIC_OPERATIONS);
  });

  it('declares a permission and a security scheme on every non-public operation', () => {
    for (const op of operations.filter((o) => !o.isPublic)) {
      expect({ op: op.operationId, permission: op.permission }).toEqual({ op: op.operationId, permission: expect.any(String) });
      expect(op.security?.length).toBeGreaterThan(0);
    }
  });

  it('answers 401 to every non-public operation called without credentials', async () => {
    for (const op of operations.filter((o) => !o.isPublic)) {
      const res = await call(url, op.method, concrete(op.path), { body: op.method === 'GET' || op.method === 'DELETE' ? undefined : {} });
      expect({ op: op.operationId, status: res.status }).toEqual({ op: op.operationId, status: 401 });
    }
  });

  it('answers 403 to a viewer on every mutating operation that needs a permission', async () => {
    // A POST that only reads (a segment preview) declares a read permission, which viewers have.
    const viewerHas = new Set<string>(BUILT_IN_ROLES.viewer.permissions);
    const mutating = operations.filter((o) => !o.isPublic && o.method !== 'GET' && o.permission !== 'self' && !viewerHas.has(o.permission ?? ''));
    expect(mutating.length).toBeGreaterThan(8);
    for (const op of mutating) {
      const res = await call(url, op.method, concrete(op.path), { token: viewer.token, body: op.method === 'DELETE' ? undefined : {} });
      expect({ op: op.operationId, status: res.status }).toEqual({ op: op.operationId, status: 403 });
    }
  });
});

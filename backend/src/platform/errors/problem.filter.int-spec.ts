import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startTestApp } from '../../../test/test-app';

describe('platform HTTP behaviour', () => {
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    ({ app, url } = await startTestApp());
  });
  afterAll(() => app.close());

  it('answers an unknown API path with a 404 problem+json carrying the request id', async () => {
    const res = await fetch(`${url}/api/no-such-thing`, { headers: { 'x-request-id': 'req-123' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.headers.get('x-request-id')).toBe('req-123');
    const body = await res.json();
    expect(body).toMatchObject({ status: 404, type: expect.stringContaining('not-found'), requestId: 'req-123' });
  });

  it('reports readiness of PostgreSQL and Redis', async () => {
    const res = await fetch(`${url}/api/health/ready`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.details.database.status).toBe('up');
    expect(body.details.redis.status).toBe('up');
  });

  it('exposes Prometheus metrics including HTTP durations', async () => {
    await fetch(`${url}/api/health/live`);
    const text = await (await fetch(`${url}/api/metrics`)).text();
    expect(text).toContain('lodestar_http_request_duration_seconds_bucket');
    expect(text).toMatch(/route="\/api\/health\/live"/);
  });

  it('serves the OpenAPI document', async () => {
    const doc = await (await fetch(`${url}/api/openapi.json`)).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/health/ready']).toBeDefined();
  });
});

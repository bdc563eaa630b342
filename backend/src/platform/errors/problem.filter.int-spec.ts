import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startTestApp } from '../../../test/test-app';

describe('platform HTTP behaviour', () => {
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    ({ app, url } = await startTestApp({ env: { CORS_ORIGINS: 'https://console.example.test', BODY_LIMIT_BYTES: '65536' } }));
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

  it('refuses a body over the size limit with 413 problem+json', async () => {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(100_000) }),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers malformed JSON with a 400 problem, not a 500', async () => {
    const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' });
    expect(res.status).toBe(400);
    expect((await res.json()).type).toMatch(/problems\//);
  });

  it('sends security headers and allows only the configured CORS origins', async () => {
    const allowed = await fetch(`${url}/api/health/live`, { headers: { origin: 'https://console.example.test' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://console.example.test');
    expect(allowed.headers.get('x-content-type-options')).toBe('nosniff');
    expect(allowed.headers.get('content-security-policy')).toContain("default-src 'self'");
    const other = await fetch(`${url}/api/health/live`, { headers: { origin: 'https://evil.example.test' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

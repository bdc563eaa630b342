import { IdempotencyService } from './idempotency.service';

describe('IdempotencyService key and body checks', () => {
  const service = new IdempotencyService({} as never, {} as never);

  it('accepts 1 to 255 printable ASCII characters and no header at all', () => {
    expect(service.parseKey(undefined)).toBeUndefined();
    expect(service.parseKey('order-batch 2024-05-17 #1')).toBe('order-batch 2024-05-17 #1');
    expect(service.parseKey('k'.repeat(255))).toHaveLength(255);
  });

  it.each([[''], ['k'.repeat(256)], ['tab\there'], ['clé'], [['a', 'b']]])('refuses %j with a 400 naming the header', (key) => {
    expect(() => service.parseKey(key)).toThrow(expect.objectContaining({ status: 400, errors: [expect.objectContaining({ field: 'Idempotency-Key' })] }));
  });

  it('hashes content, not formatting: key order does not matter, values and array order do', () => {
    const body = { items: [{ a: 1, b: { c: 'x', d: [1, 2] } }] };
    const same = { items: [{ b: { d: [1, 2], c: 'x' }, a: 1 }] };
    expect(service.hashBody(body)).toMatch(/^[0-9a-f]{64}$/);
    expect(service.hashBody(same)).toBe(service.hashBody(body));
    expect(service.hashBody({ items: [{ a: 1, b: { c: 'x', d: [2, 1] } }] })).not.toBe(service.hashBody(body));
    expect(service.hashBody({ items: [{ a: '1', b: { c: 'x', d: [1, 2] } }] })).not.toBe(service.hashBody(body));
  });
});

import { checkItem } from './bulk-validation';
import { EventInputDto } from './dto/event-input.dto';
import { OrderInputDto } from './dto/order-input.dto';
import { event, order } from './ingest.fixtures.test';

const minutesFromNow = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

describe('checkItem (one item of a bulk batch)', () => {
  it('accepts a valid order and returns it as its DTO', () => {
    const result = checkItem(OrderInputDto, order({ amount: 119.8 }));
    expect(result.ok).toBe(true);
    expect(result.ok && result.value).toBeInstanceOf(OrderInputDto);
  });

  it.each([
    ['not an object', 42, undefined],
    ['an array', [order()], undefined],
    ['an unknown field', order({ coupon: 'X' }), 'coupon'],
    ['no customer reference', order({ customerExternalId: undefined }), 'customerExternalId'],
    ['an empty external id', order({ externalId: '' }), 'externalId'],
    ['a NUL in a product', order({ items: [{ product: 'a\u0000b', category: 'C', quantity: 1, unitPrice: 1 }] }), 'items.0.product'],
    ['three decimals', order({ items: [{ product: 'P', category: 'C', quantity: 1, unitPrice: 1.005 }] }), 'items.0.unitPrice'],
    ['a string amount', order({ amount: '12.00' }), 'amount'],
    ['a fractional quantity', order({ items: [{ product: 'P', category: 'C', quantity: 1.5, unitPrice: 1 }] }), 'items.0.quantity'],
    ['an unknown currency', order({ currency: 'XYZ' }), 'currency'],
    ['another channel', order({ channel: 'phone' }), 'channel'],
    ['a date without a time zone', order({ placedAt: '2024-05-17T18:42:00' }), 'placedAt'],
    ['a date before 1970', order({ placedAt: '1969-12-31T23:59:59Z' }), 'placedAt'],
    ['a date 6 minutes ahead', order({ placedAt: minutesFromNow(6) }), 'placedAt'],
  ])('rejects an order with %s, naming the field', (_case, item, field) => {
    const result = checkItem(OrderInputDto, item);
    expect(result).toMatchObject({ ok: false, reason: expect.any(String) });
    expect(!result.ok && result.field).toBe(field);
  });

  it('allows a few minutes of clock skew and lower-case currency codes', () => {
    expect(checkItem(OrderInputDto, order({ placedAt: minutesFromNow(4), currency: 'eur' })).ok).toBe(true);
  });

  it('limits event properties to 16 KB of JSON and event types to the documented pattern', () => {
    const key = 'k';
    const within = { [key]: 'x'.repeat(16 * 1024 - 8) }; // {"k":"…"} is 8 bytes of syntax
    expect(checkItem(EventInputDto, event({ properties: within })).ok).toBe(true);
    expect(checkItem(EventInputDto, event({ properties: { [key]: 'x'.repeat(16 * 1024 - 7) } }))).toMatchObject({ ok: false, field: 'properties' });
    expect(checkItem(EventInputDto, event({ type: 'a'.repeat(100) })).ok).toBe(true);
    expect(checkItem(EventInputDto, event({ type: 'a'.repeat(101) }))).toMatchObject({ ok: false, field: 'type' });
    expect(checkItem(EventInputDto, event({ type: '1st' }))).toMatchObject({ ok: false, field: 'type' });
  });
});

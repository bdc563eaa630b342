import { encodeCursor } from '../../../platform/pagination/cursor';
import { customerPosition, decodeCustomerCursor } from './customer-cursor';

const ID = '5b2c1f3e-8a5d-4c11-9e0a-3d2b1c0f9e8d';
const cursorOf = (v: unknown, id = ID) => encodeCursor({ v: JSON.stringify(v), id });

describe('customer list cursors', () => {
  it('round-trips dates, numerics, integers, text and NULLs with the sort they belong to', () => {
    const at = new Date('2025-02-03T04:05:06.789Z');
    const cases: [Parameters<typeof customerPosition>[0], unknown, unknown][] = [
      ['-createdAt', at, '2025-02-03T04:05:06.789Z'],
      ['totalSpent', '120.50', '120.50'],
      ['-orderCount', 7, 7],
      ['name', 'ada lovelace', 'ada lovelace'],
      ['lastOrderAt', null, null],
      ['-clv', undefined, null],
    ];
    for (const [sort, raw, value] of cases) {
      const cursor = encodeCursor(customerPosition(sort, raw, ID));
      expect(decodeCustomerCursor(cursor, sort)).toEqual({ value, id: ID });
    }
  });

  it('has no position without a cursor', () => {
    expect(decodeCustomerCursor(undefined, 'name')).toBeUndefined();
  });

  it('refuses a cursor of another sort, a NULL where the key cannot be NULL, and values of the wrong type', () => {
    const bad: [string, Parameters<typeof decodeCustomerCursor>[1]][] = [
      [cursorOf(['name', 'ada']), 'email'],
      [cursorOf(['createdAt', null]), 'createdAt'],
      [cursorOf(['totalSpent', 'lots']), 'totalSpent'],
      [cursorOf(['orderCount', 1.5]), 'orderCount'],
      [cursorOf(['lastOrderAt', '2025-02-03']), 'lastOrderAt'],
      [cursorOf(['email', 42]), 'email'],
      [cursorOf(['email', 'a@b.c'], 'not-a-uuid'), 'email'],
      [cursorOf('email'), 'email'],
      [encodeCursor({ v: 'not json', id: ID }), 'email'],
      ['%%%', 'email'],
    ];
    for (const [cursor, sort] of bad) {
      expect(() => decodeCustomerCursor(cursor, sort)).toThrow(expect.objectContaining({ status: 400, errors: [{ field: 'cursor', message: 'cursor is not valid' }] }));
    }
  });
});

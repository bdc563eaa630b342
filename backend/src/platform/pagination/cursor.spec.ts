import { DomainError } from '../errors/domain-error';
import { decodeCursor, encodeCursor, toPage } from './cursor';

describe('cursor pagination', () => {
  it('round-trips a keyset position', () => {
    const position = { v: '2026-11-27T10:00:00.123Z', id: 'f5b3c0de-0000-4000-8000-000000000001' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    expect(decodeCursor(undefined)).toBeUndefined();
  });

  it.each(['not-base64!', Buffer.from('{"v":1}').toString('base64url'), Buffer.from('[]').toString('base64url')])(
    'rejects a malformed cursor %s with a 400 naming the field',
    (cursor) => {
      try {
        decodeCursor(cursor);
        throw new Error('expected a DomainError');
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).status).toBe(400);
        expect((error as DomainError).errors[0].field).toBe('cursor');
      }
    },
  );

  it('builds a page from limit + 1 rows with a cursor only when more rows exist', () => {
    const rows = [1, 2, 3].map((n) => ({ n, id: `id${n}` }));
    const page = toPage(rows, 2, (r) => ({ v: r.n, id: r.id }), (r) => r.n);
    expect(page.items).toEqual([1, 2]);
    expect(decodeCursor(page.nextCursor!)).toEqual({ v: 2, id: 'id2' });
    expect(toPage(rows.slice(0, 2), 2, (r) => ({ v: r.n, id: r.id }), (r) => r.n).nextCursor).toBeNull();
  });
});

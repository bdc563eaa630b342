import { changedKeys, EMPTY_AUDIT_FILTER, toAuditQuery } from './audit-filter';

describe('audit filter', () => {
  it('drops blanks and covers whole local days, the upper bound exclusive', () => {
    const query = toAuditQuery({
      ...EMPTY_AUDIT_FILTER,
      action: ' role.create ',
      from: new Date(2026, 10, 3, 15, 30),
      to: new Date(2026, 10, 5, 9, 0),
    });
    expect(query.action).toBe('role.create');
    expect(query.actorId).toBeUndefined();
    expect(new Date(query.from as string)).toEqual(
      new Date(2026, 10, 3, 0, 0, 0, 0),
    );
    expect(new Date(query.to as string)).toEqual(
      new Date(2026, 10, 6, 0, 0, 0, 0),
    );
  });

  it('lists changed keys of an update only', () => {
    expect(
      changedKeys(
        { role: 'viewer', active: true },
        { role: 'manager', active: true },
      ),
    ).toEqual(['role']);
    expect(changedKeys(null, { name: 'x' })).toEqual([]);
    expect(changedKeys({ name: 'x' }, null)).toEqual([]);
  });
});

import {
  DEFAULT_COLUMNS,
  parseColumns,
  sortState,
  toggleColumn,
  toSort,
} from './customer-columns';

describe('customer columns', () => {
  it('reads saved columns in table order, always with the name, and falls back to the defaults', () => {
    expect(parseColumns('["clv","email","bogus"]')).toEqual([
      'name',
      'email',
      'clv',
    ]);
    expect(parseColumns(null)).toEqual(DEFAULT_COLUMNS);
    expect(parseColumns('not json')).toEqual(DEFAULT_COLUMNS);
    expect(parseColumns('{"a":1}')).toEqual(DEFAULT_COLUMNS);
    expect(parseColumns('["bogus"]')).toEqual(DEFAULT_COLUMNS);
  });

  it('shows a hidden column in its place and hides a shown one, but never the name', () => {
    const shown = toggleColumn(['name', 'email', 'clv'], 'totalSpent');
    expect(shown).toEqual(['name', 'email', 'totalSpent', 'clv']);
    expect(toggleColumn(shown, 'email')).toEqual(['name', 'totalSpent', 'clv']);
    expect(toggleColumn(shown, 'name')).toEqual(shown);
  });

  it('maps the API sort to the sort header and back', () => {
    expect(sortState('-totalSpent')).toEqual({
      active: 'totalSpent',
      direction: 'desc',
    });
    expect(sortState('name')).toEqual({ active: 'name', direction: 'asc' });
    expect(toSort('lastOrderAt', 'desc')).toBe('-lastOrderAt');
    expect(toSort('email', 'asc')).toBe('email');
    expect(toSort('email', '')).toBe('-createdAt');
    expect(toSort('phone', 'asc')).toBe('-createdAt');
  });
});

import { foldKeys, inferValueType } from './customer-directory.service';

describe('customer directory: key types', () => {
  const row = (type: string, count = 1, dates = false) => ({ key: 'k', type, count, dates });

  it('reads a key as the one JSON type its values have', () => {
    expect(inferValueType([row('number')])).toBe('number');
    expect(inferValueType([row('boolean')])).toBe('boolean');
    expect(inferValueType([row('array')])).toBe('list');
    expect(inferValueType([row('string')])).toBe('string');
  });

  it('reads strings that all look like dates as dates', () => {
    expect(inferValueType([row('string', 3, true)])).toBe('date');
    expect(inferValueType([row('string', 3, true), row('null')])).toBe('date');
  });

  it('falls back to strings for mixed types and objects', () => {
    expect(inferValueType([row('string'), row('number')])).toBe('string');
    expect(inferValueType([row('object')])).toBe('string');
    expect(inferValueType([row('null')])).toBe('string');
  });

  it('folds rows per key and type into one option per key, most used first', () => {
    const folded = foldKeys([
      { key: 'plan', type: 'string', count: 3, dates: false },
      { key: 'age', type: 'number', count: 5, dates: false },
      { key: 'plan', type: 'null', count: 1, dates: false },
      { key: 'joined', type: 'string', count: 5, dates: true },
    ]);
    expect(folded).toEqual([
      { key: 'age', valueType: 'number', types: ['number'], count: 5 },
      { key: 'joined', valueType: 'date', types: ['string'], count: 5 },
      { key: 'plan', valueType: 'string', types: ['null', 'string'], count: 4 },
    ]);
  });
});

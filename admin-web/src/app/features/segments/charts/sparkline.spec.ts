import { sparkline } from './sparkline';

const at = (i: number) => `2026-11-${String(i + 1).padStart(2, '0')}T00:00:00Z`;
const trend = (...sizes: number[]) => sizes.map((size, i) => ({ at: at(i), size }));

describe('sparkline', () => {
  it('spreads the points evenly, oldest left, the largest size at the top and the smallest at the bottom', () => {
    const line = sparkline(trend(100, 300, 200), 80, 24, 2);
    expect(line.points).toBe('0,22 40,2 80,12');
    expect(line.last).toEqual({ x: 80, y: 12 });
    expect(line.label).toBe('Size from 100 to 200 over 3 refreshes');
  });

  it('draws a flat history across the middle', () => {
    const line = sparkline(trend(1500, 1500), 60, 20);
    expect(line.points).toBe('0,10 60,10');
    expect(line.label).toBe('Size 1,500 over 2 refreshes');
  });

  it('draws one refresh as a dot in the middle, and nothing without history', () => {
    expect(sparkline(trend(7), 60, 20)).toEqual({ points: '30,10', last: { x: 30, y: 10 }, label: 'Size 7 over 1 refresh' });
    expect(sparkline([], 60, 20)).toEqual({ points: '', last: null, label: 'No size history yet' });
  });
});

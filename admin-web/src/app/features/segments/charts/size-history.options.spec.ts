import { refreshLabel, sizeHistoryOptions } from './size-history.options';

interface Series {
  type: string;
  name: string;
  yAxisIndex: number;
  data: number[];
}

describe('size history chart', () => {
  const points = [
    { at: '2026-11-01T06:00:00Z', size: 1200, added: 1200, removed: 0, kind: 'full' as const, trigger: 'create' as const },
    { at: '2026-11-02T06:00:00Z', size: 1180, added: 15, removed: 35, kind: 'incremental' as const, trigger: 'change' as const },
    { at: '2026-11-03T06:00:00Z', size: 1250, added: 80, removed: 10, kind: 'incremental' as const, trigger: 'change' as const },
  ];

  it('plots the size as a line and each refresh’s added and removed customers as bars above and below zero', () => {
    const options = sizeHistoryOptions(points);
    expect((options.xAxis as { data: string[] }).data).toEqual(['Nov 1, 06:00', 'Nov 2, 06:00', 'Nov 3, 06:00']);
    const [size, added, removed] = options.series as Series[];
    expect(size).toMatchObject({ type: 'line', name: 'Members', yAxisIndex: 0, data: [1200, 1180, 1250] });
    expect(added).toMatchObject({ type: 'bar', name: 'Added', yAxisIndex: 1, data: [1200, 15, 80] });
    expect(removed).toMatchObject({ type: 'bar', name: 'Removed', yAxisIndex: 1, data: [-0, -35, -10] });
  });

  it('gives a refresh’s size and changes, removals as a positive count, in the tooltip', () => {
    const options = sizeHistoryOptions(points);
    const tooltip = options.tooltip as { formatter: (p: unknown) => string };
    expect(tooltip.formatter([{ dataIndex: 1 }])).toBe(
      '<strong>Nov 2, 06:00</strong> (incremental)<br>Members: 1,180<br>Added: 15<br>Removed: 35',
    );
    const aria = options.aria as { label: { description: string } };
    expect(aria.label.description).toBe('Segment size over 3 refreshes, from 1,200 on Nov 1, 06:00 to 1,250 on Nov 3, 06:00.');
  });

  it('labels refresh times in UTC', () => {
    expect(refreshLabel('2026-11-02T23:30:00Z')).toBe('Nov 2, 23:30');
  });
});

import {
  hasOrders,
  monthLabel,
  monthlySpendOptions,
} from './monthly-spend.options';

describe('monthly spend chart', () => {
  const months = [
    { month: '2025-12', revenue: 100, orders: 2 },
    { month: '2026-01', revenue: 0, orders: 0 },
    { month: '2026-02', revenue: 1250.5, orders: 1 },
  ];

  it('labels calendar months without shifting them by the time zone', () => {
    expect(monthLabel('2026-01')).toBe('Jan 2026');
    expect(monthLabel('2025-12')).toBe('Dec 2025');
  });

  it('plots revenue per month, oldest first, as a line', () => {
    const options = monthlySpendOptions(months, 'Spend');
    expect((options.xAxis as { data: string[] }).data).toEqual([
      'Dec 2025',
      'Jan 2026',
      'Feb 2026',
    ]);
    const [series] = options.series as {
      type: string;
      name: string;
      data: number[];
    }[];
    expect(series).toMatchObject({ type: 'line', name: 'Spend' });
    expect(series.data).toEqual([100, 0, 1250.5]);
    const aria = options.aria as { label: { description: string } };
    expect(aria.label.description).toBe(
      'Spend per month from Dec 2025 to Feb 2026, 1,350.5 in total.',
    );
  });

  it("gives a month's revenue and orders in the tooltip", () => {
    const tooltip = monthlySpendOptions(months).tooltip as {
      formatter: (p: unknown) => string;
    };
    expect(tooltip.formatter([{ dataIndex: 2 }])).toBe(
      '<strong>Feb 2026</strong><br>Revenue: 1,250.5<br>1 order',
    );
    expect(tooltip.formatter([{ dataIndex: 0 }])).toContain('2 orders');
  });

  it('knows when there is nothing to plot', () => {
    expect(hasOrders(months)).toBe(true);
    expect(hasOrders([{ month: '2026-01', revenue: 0, orders: 0 }])).toBe(false);
  });
});

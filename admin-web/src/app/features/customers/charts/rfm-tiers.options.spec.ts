import { rfmTierOptions, tierCounts } from './rfm-tiers.options';

interface BarPoint {
  value: number;
  itemStyle: { color: string };
}

describe('RFM tier chart', () => {
  const tiers = [
    { value: 'Lost', count: 5 },
    { value: 'Champions', count: 3 },
    { value: 'At risk', count: 2 },
  ];

  it('counts every tier, best first, missing tiers as zero', () => {
    const counts = tierCounts(tiers);
    expect(counts).toHaveLength(10);
    expect(counts[0]).toEqual({ tier: 'Champions', count: 3 });
    expect(counts[9]).toEqual({ tier: 'Lost', count: 5 });
    expect(counts.find((c) => c.tier === 'Loyal')?.count).toBe(0);
  });

  it('draws one bar per tier coloured by what the tier means, best on top', () => {
    const options = rfmTierOptions(tiers);
    const yAxis = options.yAxis as { data: string[]; inverse: boolean };
    expect(yAxis.data[0]).toBe('Champions');
    expect(yAxis.inverse).toBe(true);
    const [series] = options.series as { type: string; data: BarPoint[] }[];
    expect(series.type).toBe('bar');
    const lost = series.data[yAxis.data.indexOf('Lost')];
    const champions = series.data[0];
    const atRisk = series.data[yAxis.data.indexOf('At risk')];
    expect([champions.value, atRisk.value, lost.value]).toEqual([3, 2, 5]);
    expect(champions.itemStyle.color).toBe('#2e7d32');
    expect(atRisk.itemStyle.color).toBe('#b26a00');
    expect(lost.itemStyle.color).toBe('#ba1a1a');
  });

  it('describes itself for screen readers and explains a tier with its share in the tooltip', () => {
    const options = rfmTierOptions(tiers);
    const aria = options.aria as { label: { description: string } };
    expect(aria.label.description).toContain('Champions 3');
    expect(aria.label.description).toContain('Lost 5');
    const tooltip = options.tooltip as {
      formatter: (p: unknown) => string;
    };
    const text = tooltip.formatter({ name: 'Lost', value: 5 });
    expect(text).toContain('5 (50%)');
    expect(text).toContain('Lowest recency, frequency and spend.');
  });
});

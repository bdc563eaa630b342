import { bucketLabel, occupiedBuckets, spendHistogramOptions } from './spend-histogram.options';

describe('spend histogram', () => {
  const buckets = [
    { from: 0, to: 100, count: 30 },
    { from: 100, to: 1000, count: 50 },
    { from: 1000, to: null, count: 20 },
  ];

  it('labels buckets by their bounds, the last one open-ended', () => {
    expect(buckets.map(bucketLabel)).toEqual(['0–100', '100–1,000', '1,000+']);
  });

  it('draws one bar per bucket, lowest spend first', () => {
    const options = spendHistogramOptions(buckets);
    expect((options.xAxis as { data: string[] }).data).toEqual(['0–100', '100–1,000', '1,000+']);
    const [series] = options.series as { type: string; data: number[] }[];
    expect(series.type).toBe('bar');
    expect(series.data).toEqual([30, 50, 20]);
  });

  it("gives a bucket's count and share in the tooltip", () => {
    const tooltip = spendHistogramOptions(buckets).tooltip as { formatter: (p: unknown) => string };
    expect(tooltip.formatter([{ dataIndex: 2 }])).toBe('<strong>Total spent 1,000+</strong><br>20 members (20%)');
  });

  it('leaves out the empty buckets below the smallest and above the largest spend, keeping gaps in between', () => {
    const all = [
      { from: 0, to: 50, count: 0 },
      { from: 50, to: 100, count: 2 },
      { from: 100, to: 250, count: 0 },
      { from: 250, to: 500, count: 1 },
      { from: 500, to: null, count: 0 },
    ];
    expect(occupiedBuckets(all).map(bucketLabel)).toEqual(['50–100', '100–250', '250–500']);
    expect((spendHistogramOptions(all).xAxis as { data: string[] }).data).toEqual(['50–100', '100–250', '250–500']);
    expect(occupiedBuckets([{ from: 0, to: 50, count: 0 }])).toEqual([]);
  });
});

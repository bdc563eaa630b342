import { consentOptions } from './consent.options';

interface Series {
  type: string;
  name: string;
  stack: string;
  data: number[];
}

describe('consent chart', () => {
  const consent = [
    { channel: 'email' as const, subscribed: 60, pending: 10, unsubscribed: 20, unknown: 10 },
    { channel: 'sms' as const, subscribed: 5, pending: 0, unsubscribed: 1, unknown: 94 },
  ];

  it('stacks one bar per channel by consent state', () => {
    const options = consentOptions(consent);
    expect((options.yAxis as { data: string[] }).data).toEqual(['Email', 'SMS']);
    const series = options.series as Series[];
    expect(series.map((s) => s.name)).toEqual(['Subscribed', 'Pending', 'Unsubscribed', 'Not recorded']);
    expect(series.every((s) => s.type === 'bar' && s.stack === 'consent')).toBe(true);
    expect(series[0].data).toEqual([60, 5]);
    expect(series[3].data).toEqual([10, 94]);
  });

  it("gives a channel's states with their shares in the tooltip, and reads the subscribers out for screen readers", () => {
    const options = consentOptions(consent);
    const tooltip = options.tooltip as { formatter: (p: unknown) => string };
    const text = tooltip.formatter([{ dataIndex: 0 }]);
    expect(text).toContain('<strong>Email</strong>');
    expect(text).toContain('Subscribed: 60 (60%)');
    expect(text).toContain('Unsubscribed: 20 (20%)');
    const aria = options.aria as { label: { description: string } };
    expect(aria.label.description).toBe('Consent per channel: Email 60 subscribed of 100, SMS 5 subscribed of 100.');
  });
});

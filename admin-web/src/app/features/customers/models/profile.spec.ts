import { describeExportFilters } from './export-filters';
import { attributeRows, consentRows } from './profile';

describe('profile', () => {
  it('lists consent for every channel in order, recorded or not', () => {
    const rows = consentRows({
      sms: { status: 'unsubscribed', source: 'import', updatedAt: 'x' },
      email: { status: 'subscribed', source: 'api', updatedAt: 'y' },
    });
    expect(rows.map((r) => [r.label, r.consent?.status ?? null, r.tone])).toEqual([
      ['Email', 'subscribed', 'good'],
      ['SMS', 'unsubscribed', 'bad'],
      ['Push', null, 'neutral'],
    ]);
  });

  it('shows custom attributes as text, sorted by key', () => {
    expect(
      attributeRows({ plan: 'pro', beta: true, seats: 3, interests: ['a', 'b'] }),
    ).toEqual([
      { key: 'beta', value: 'true' },
      { key: 'interests', value: 'a, b' },
      { key: 'plan', value: 'pro' },
      { key: 'seats', value: '3' },
    ]);
  });

  it("describes an export's filters and sort in words", () => {
    expect(describeExportFilters({})).toBe('All customers');
    expect(
      describeExportFilters({
        q: 'anna',
        rfmTier: ['Champions', 'Loyal'],
        nightBuyer: true,
        minTotalSpent: 100,
        maxOrderCount: 5,
        sort: '-totalSpent',
      }),
    ).toBe(
      'search “anna” · RFM tier Champions, Loyal · night buyers · spent ≥ 100 · orders ≤ 5 · sorted by total spent ↓',
    );
  });
});

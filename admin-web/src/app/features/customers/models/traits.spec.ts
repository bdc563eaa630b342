import { someTraits } from '../testing/customer-factories';
import {
  countryName,
  customerName,
  formatAmount,
  formatHour,
} from './format';
import { churnTone, tierTone, traitCards } from './traits';

describe('traits', () => {
  it('gives every trait card a formatted value and an explanation', () => {
    const cards = traitCards(someTraits());
    const value = (key: string) => cards.find((c) => c.key === key)?.value;
    expect(value('totalSpent')).toBe('1,250.5');
    expect(value('avgOrderValue')).toBe('250.1');
    expect(value('clv')).toBe('4,100.25');
    expect(value('churnRisk')).toBe('Low');
    expect(value('engagementScore')).toBe('71 / 100');
    expect(value('preferredHour')).toBe('22:00');
    expect(value('nightBuyer')).toBe('Yes');
    expect(value('lastOrderAt')).toBe('Nov 2, 2026');
    expect(cards.every((c) => c.help.length > 10)).toBe(true);
  });

  it('shows dashes for the traits of a customer without orders', () => {
    const cards = traitCards(
      someTraits({
        totalSpent: 0,
        orderCount: 0,
        avgOrderValue: null,
        clv: null,
        churnRisk: null,
        firstOrderAt: null,
        lastOrderAt: null,
        preferredCategory: null,
        preferredHour: null,
        nightBuyer: false,
      }),
    );
    const value = (key: string) => cards.find((c) => c.key === key)?.value;
    expect(value('avgOrderValue')).toBe('—');
    expect(value('churnRisk')).toBe('—');
    expect(value('firstOrderAt')).toBe('—');
    expect(value('preferredHour')).toBe('—');
    expect(value('nightBuyer')).toBe('No');
  });

  it('colours tiers and churn risks by what they mean', () => {
    expect(tierTone('Champions')).toBe('good');
    expect(tierTone('New')).toBe('neutral');
    expect(tierTone("Can't lose")).toBe('warn');
    expect(tierTone('Lost')).toBe('bad');
    expect(tierTone(null)).toBe('neutral');
    expect(churnTone('high')).toBe('bad');
    expect(churnTone('medium')).toBe('warn');
    expect(churnTone('low')).toBe('good');
  });

  it('formats amounts, hours, countries and names', () => {
    expect(formatAmount(1234567.891)).toBe('1,234,567.89');
    expect(formatAmount(null)).toBe('—');
    expect(formatHour(7)).toBe('07:00');
    expect(countryName('DE')).toBe('Germany');
    const blank = {
      firstName: null,
      lastName: null,
      email: null,
      externalId: null,
      erasedAt: null,
    };
    expect(customerName({ ...blank, firstName: 'Anna', lastName: 'S' })).toBe(
      'Anna S',
    );
    expect(customerName({ ...blank, email: 'a@x.io' })).toBe('a@x.io');
    expect(customerName({ ...blank, externalId: 'e-9' })).toBe('e-9');
    expect(customerName({ ...blank, erasedAt: '2026-01-01T00:00:00Z' })).toBe(
      'Erased customer',
    );
  });
});

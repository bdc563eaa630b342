import { cellText, parseBoolean, parseConsentStatus, parseDate, parseList, parseNumber } from './import-values';

describe('parseNumber', () => {
  it.each([
    ['1234.5', 1234.5],
    ['1,234.56', 1234.56],
    ['1.234,56', 1234.56],
    ['1 234', 1234],
    ['1\u00a0234,5', 1234.5],
    ["1'234.50", 1234.5],
    ['1,234', 1234],
    ['1,234,567', 1234567],
    ['1.234.567', 1234567],
    ['12,5', 12.5],
    ['0,123', 0.123],
    ['1.234', 1.234],
    ['-1,234.5', -1234.5],
    ['+7', 7],
    ['€ 9,99', 9.99],
    ['12.50 $', 12.5],
    ['.5', 0.5],
    ['1e3', 1000],
    [42, 42],
  ])('reads %p as %p', (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });

  it.each(['', 'abc', '1,2,3', '1.234,567.8', '12 34', '1,23,456', '5.', '1-2', true])('refuses %p', (text) => {
    expect(parseNumber(text as string)).toBeUndefined();
  });
});

describe('parseBoolean and parseConsentStatus', () => {
  it('reads yes/no, true/false, 1/0 in several languages', () => {
    expect(['yes', 'TRUE', '1', 'y', 'Ja', 'oui', 'on'].map(parseBoolean)).toEqual(Array(7).fill(true));
    expect(['no', 'False', '0', 'n', 'nein', 'non', 'off'].map(parseBoolean)).toEqual(Array(7).fill(false));
    expect(parseBoolean('maybe')).toBeUndefined();
    expect(parseBoolean(2)).toBeUndefined();
  });

  it('reads consent statuses and booleans', () => {
    expect(['subscribed', 'Opt-in', 'yes', 'true'].map(parseConsentStatus)).toEqual(Array(4).fill('subscribed'));
    expect(['unsubscribed', 'opt-out', 'no', '0'].map(parseConsentStatus)).toEqual(Array(4).fill('unsubscribed'));
    expect(parseConsentStatus('Pending')).toBe('pending');
    expect(parseConsentStatus('whatever')).toBeUndefined();
  });
});

describe('parseDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024-3-5', '2024-03-05'],
    ['2024-03-05T14:30:00Z', '2024-03-05T14:30:00.000Z'],
    ['2024-03-05T16:30:00+02:00', '2024-03-05T14:30:00.000Z'],
    ['2024-03-05 14:30', '2024-03-05T14:30:00.000Z'],
    ['2024/03/05', '2024-03-05'],
    ['05.03.2024', '2024-03-05'],
    ['5.3.24', '2024-03-05'],
    ['05-03-2024', '2024-03-05'],
    ['03/05/2024', '2024-03-05'],
    ['25/12/2024', '2024-12-25'],
    ['5 Mar 2024', '2024-03-05'],
    ['05-Mar-24', '2024-03-05'],
    ['5. März 2024', '2024-03-05'],
    ['March 5, 2024', '2024-03-05'],
    ['45356', '2024-03-05'],
    [45356, '2024-03-05'],
    [45356.75, '2024-03-05T18:00:00.000Z'],
    [1, '1900-01-01'],
    [61, '1900-03-01'],
    [new Date(Date.UTC(2024, 2, 5)), '2024-03-05'],
  ])('reads %p as %p', (value, expected) => {
    expect(parseDate(value)).toBe(expected);
  });

  it.each(['2024-02-30', '31.04.2024', '13/13/2024', 'yesterday', '2024-03-05T25:00', 0, 60, true])('refuses %p', (value) => {
    expect(parseDate(value)).toBeUndefined();
  });
});

describe('cellText and parseList', () => {
  it('writes dates as ISO and numbers plainly', () => {
    expect(cellText(new Date(Date.UTC(2024, 0, 31)))).toBe('2024-01-31');
    expect(cellText(new Date(Date.UTC(2024, 0, 31, 8, 15)))).toBe('2024-01-31T08:15:00.000Z');
    expect(cellText(4915112345678)).toBe('4915112345678');
    expect(cellText(null)).toBe('');
  });

  it('splits lists on , ; and |', () => {
    expect(parseList(' vip; newsletter |  ,b2b ')).toEqual(['vip', 'newsletter', 'b2b']);
  });
});

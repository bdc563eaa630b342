import { FIELD_BIT, validateCustomerInput } from './customer-validation';

const NOW = '2025-01-02T03:04:05.000Z';
const check = (item: unknown) => validateCustomerInput(item, 'import', NOW);
const customer = (item: unknown) => {
  const result = check(item);
  if (!result.ok) throw new Error(`expected valid, got ${result.field}: ${result.reason}`);
  return result.customer;
};
const problem = (item: unknown) => {
  const result = check(item);
  if (result.ok) throw new Error('expected a rejection');
  return { field: result.field, reason: result.reason };
};

describe('validateCustomerInput', () => {
  it('normalizes every profile field and records which were given', () => {
    const c = customer({
      externalId: 42,
      email: ' Ada.Lovelace+news@Example.org ',
      phone: '(0)30 123 4567',
      country: 'de',
      timezone: 'america/new_york',
      locale: 'pt_br',
      firstName: '  ',
      lastName: null,
    });
    expect(c).toMatchObject({
      externalId: '42',
      email: 'ada.lovelace+news@example.org',
      phone: '+49301234567',
      country: 'DE',
      timezone: 'America/New_York',
      locale: 'pt-BR',
      firstName: null,
      lastName: null,
      city: null,
    });
    expect(c.given & FIELD_BIT.firstName).toBeTruthy(); // empty string: given, clears
    expect(c.given & FIELD_BIT.lastName).toBeTruthy();
    expect(c.given & FIELD_BIT.city).toBe(0); // absent: left alone
  });

  it('reads phone numbers in international form without a country, and uses the country as default region', () => {
    expect(customer({ email: 'a@b.io', phone: '+44 20 7946 0958' }).phone).toBe('+442079460958');
    expect(customer({ email: 'a@b.io', phone: '(415) 555-2671', country: 'US' }).phone).toBe('+14155552671');
    expect(problem({ email: 'a@b.io', phone: '030 1234567' })).toEqual({ field: 'phone', reason: expect.stringContaining('country code') });
    expect(problem({ email: 'a@b.io', phone: '+49 12' }).field).toBe('phone');
  });

  it('accepts UTC and zone aliases, and refuses unknown zones, locales and countries', () => {
    expect(customer({ email: 'a@b.io', timezone: 'UTC' }).timezone).toBe('UTC');
    expect(customer({ email: 'a@b.io', timezone: 'US/Pacific' }).timezone).toBe('America/Los_Angeles');
    expect(problem({ email: 'a@b.io', timezone: 'Europe/Atlantis' }).field).toBe('timezone');
    expect(problem({ email: 'a@b.io', locale: 'not a locale!' }).field).toBe('locale');
    expect(problem({ email: 'a@b.io', country: 'EU' }).field).toBe('country');
    expect(problem({ email: 'a@b.io', country: 'DEU' }).field).toBe('country');
  });

  it('requires an external id or an email, and valid emails', () => {
    expect(problem({ firstName: 'Ada' })).toEqual({ field: 'externalId', reason: 'externalId or email is required' });
    expect(problem({ externalId: '', email: null }).field).toBe('externalId');
    for (const email of ['plain', 'a@b', 'a b@c.de', 'a@-b.de', '@b.de']) expect(problem({ email }).field).toBe('email');
  });

  it('keeps flat attributes, turns null into a removal, and refuses nesting and bad names', () => {
    const c = customer({ email: 'a@b.io', attributes: { plan: 'gold', seats: 2, vip: false, langs: ['de'], gone: null } });
    expect(c.attributes).toEqual({ plan: 'gold', seats: 2, vip: false, langs: ['de'] });
    expect(c.unset).toEqual(['gone']);
    expect(problem({ email: 'a@b.io', attributes: { deep: { a: 1 } } }).field).toBe('attributes.deep');
    expect(problem({ email: 'a@b.io', attributes: { list: [1, 2] } }).field).toBe('attributes.list');
    expect(problem({ email: 'a@b.io', attributes: { 'has-dash': 1 } }).field).toBe('attributes.has-dash');
    expect(problem({ email: 'a@b.io', attributes: { ['a'.repeat(65)]: 1 } }).field).toBe(`attributes.${'a'.repeat(65)}`);
    expect(problem({ email: 'a@b.io', attributes: { n: Infinity } }).field).toBe('attributes.n');
    expect(problem({ email: 'a@b.io', attributes: [] }).field).toBe('attributes');
  });

  it('completes consent with the batch source and time, normalizes its time, and refuses unknown channels', () => {
    const c = customer({
      email: 'a@b.io',
      consent: { email: { status: 'subscribed' }, sms: { status: 'pending', source: 'shop', updatedAt: '2024-05-01T12:00:00+02:00' } },
    });
    expect(c.consent).toEqual({
      email: { status: 'subscribed', source: 'import', updatedAt: NOW },
      sms: { status: 'pending', source: 'shop', updatedAt: '2024-05-01T10:00:00.000Z' },
    });
    expect(problem({ email: 'a@b.io', consent: { fax: { status: 'subscribed' } } }).field).toBe('consent.fax');
    expect(problem({ email: 'a@b.io', consent: { email: { status: 'yes' } } }).field).toBe('consent.email.status');
    expect(problem({ email: 'a@b.io', consent: { email: { status: 'pending', updatedAt: 'yesterday' } } }).field).toBe('consent.email.updatedAt');
  });

  it('trims and deduplicates tags and refuses what PostgreSQL cannot store', () => {
    expect(customer({ email: 'a@b.io', tags: [' vip ', 'vip', '', 'new'] }).tags).toEqual(['vip', 'new']);
    expect(problem({ email: 'a@b.io', tags: 'vip' }).field).toBe('tags');
    expect(problem({ email: 'a@b.io', firstName: 'a\0b' }).field).toBe('firstName');
    expect(problem({ email: 'a@b.io', extra: 1 })).toEqual({ field: 'extra', reason: 'extra is not a customer field' });
    expect(problem(null).reason).toBe('item must be an object');
  });
});

import { CompiledMapping, mappingProblems } from './column-mapping';
import { attributeName, headerNames, inferAttributeType, mappingFits, suggestMapping } from './mapping-suggestion';

describe('suggestMapping', () => {
  it('recognizes header spellings in several languages and styles', () => {
    const headers = ['E-mail', 'Customer ID', 'Vorname', 'Surname', 'Mobile', 'Land', 'Ort', 'Zeitzone', 'Sprache', 'Tags', 'Newsletter'];
    expect(suggestMapping(headers, []).columns).toEqual({
      'E-mail': 'email',
      'Customer ID': 'externalId',
      Vorname: 'firstName',
      Surname: 'lastName',
      Mobile: 'phone',
      Land: 'country',
      Ort: 'city',
      Zeitzone: 'timezone',
      Sprache: 'locale',
      Tags: 'tags',
      Newsletter: 'consent.email',
    });
    const more = suggestMapping(['Email Address', 'External ID', 'Given name', 'Phone', 'Mail', 'Prénom'], []).columns;
    expect(more).toMatchObject({ 'Email Address': 'email', 'External ID': 'externalId', 'Given name': 'firstName', Phone: 'phone' });
    expect(more.Mail).toBe('attributes.mail'); // email is taken by the first column
    expect(more['Prénom']).toBe('attributes.prenom'); // firstName is taken too
  });

  it('maps other columns to attributes with a type read from the preview', () => {
    const headers = ['Email', 'Loyalty Points', 'VIP?', 'Signed up', 'Zip', 'Notes'];
    const rows = [
      ['a@x.io', '1,234', 'yes', '2024-01-31', '01234', 'likes cats'],
      ['b@x.io', '15', 'no', '05.03.2024', '80331', ''],
    ];
    expect(suggestMapping(headers, rows).columns).toEqual({
      Email: 'email',
      'Loyalty Points': 'attributes.loyalty_points:number',
      'VIP?': 'attributes.vip:boolean',
      'Signed up': 'attributes.signed_up:date',
      Zip: 'attributes.zip',
      Notes: 'attributes.notes',
    });
  });

  it('makes attribute names of any header', () => {
    expect(attributeName('Lifetime Value (€)')).toBe('lifetime_value');
    expect(attributeName('lastOrderDate')).toBe('last_order_date');
    expect(attributeName('2FA enabled')).toBe('col_2fa_enabled');
    expect(attributeName('Größe')).toBe('grosse');
    expect(attributeName('***')).toBe('col');
  });

  it('infers types only when every value agrees', () => {
    expect(inferAttributeType(['1', '2', 'x'])).toBe('string');
    expect(inferAttributeType(['0', '1'])).toBe('number');
    expect(inferAttributeType(['true', 'false', ''])).toBe('boolean');
    expect(inferAttributeType([new Date(), '2024-01-01'])).toBe('date');
    expect(inferAttributeType(['', null])).toBe('string');
  });
});

describe('headerNames and mappingFits', () => {
  it('names blank and repeated headers', () => {
    expect(headerNames([' Email ', '', 'Email', null])).toEqual(['Email', 'Column 2', 'Email (2)', 'Column 4']);
  });

  it('fits a saved mapping only to the same set of columns', () => {
    const mapping = { columns: { Email: 'email', Name: 'firstName' } };
    expect(mappingFits(mapping, ['Name', 'Email'])).toBe(true);
    expect(mappingFits(mapping, ['Email'])).toBe(false);
    expect(mappingFits(mapping, ['Email', 'Name', 'City'])).toBe(false);
  });
});

describe('mappingProblems and CompiledMapping', () => {
  const headers = ['Email', 'Points', 'Opt-in', 'Labels', 'Notes'];

  it('refuses unknown columns and targets, targets used twice, and a mapping without a dedupe key', () => {
    const problems = mappingProblems(
      { columns: { Email: 'attributes.email', Nope: null, Points: 'attributes.points:money', 'Opt-in': 'consent.fax', Labels: 'attributes.email' } },
      headers,
    );
    expect(problems.map((p) => p.field)).toEqual([
      'mapping.columns.Nope',
      'mapping.columns.Points',
      'mapping.columns.Opt-in',
      'mapping.columns.Labels',
      'mapping.columns',
    ]);
    expect(mappingProblems({ columns: { Email: 'email', Points: 'attributes.points:number' } }, headers)).toEqual([]);
  });

  it('maps cells to an upsert item, leaving blanks out and naming the cells that do not parse', () => {
    const mapping = new CompiledMapping(
      { columns: { Email: 'email', Points: 'attributes.points:number', 'Opt-in': 'consent.email', Labels: 'tags', Notes: null } },
      headers,
    );
    expect(mapping.map(['a@x.io', '1.234,5', 'yes', 'vip; b2b', 'ignored'])).toEqual({
      input: { email: 'a@x.io', attributes: { points: 1234.5 }, consent: { email: { status: 'subscribed' } }, tags: ['vip', 'b2b'] },
      problems: [],
    });
    expect(mapping.map(['b@x.io', '', '  ', '', '']).input).toEqual({ email: 'b@x.io' });
    expect(mapping.map(['c@x.io', 'lots', 'maybe', '', '']).problems).toEqual([
      { column: 'Points', value: 'lots', reason: 'Not a number' },
      { column: 'Opt-in', value: 'maybe', reason: 'Not a consent status (subscribed, unsubscribed, pending, yes or no)' },
    ]);
    expect(mapping.columnOf('consent.email.status')).toBe('Opt-in');
    expect(mapping.columnOf('attributes.points')).toBe('Points');
    expect(mapping.columnOf('phone')).toBeNull();
  });
});

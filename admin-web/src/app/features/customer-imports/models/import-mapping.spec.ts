import {
  attributeNameFor,
  hasProblems,
  mappingProblems,
  MappingRow,
  rowFor,
  rowsFromMapping,
  targetOf,
  toImportMapping,
  unmappedColumns,
} from './import-mapping';

function aRow(overrides: Partial<MappingRow>): MappingRow {
  return {
    column: 'Col',
    choice: 'skip',
    attributeName: 'col',
    attributeType: 'string',
    ...overrides,
  };
}

describe('import mapping', () => {
  it('reads every kind of API target into a row, and writes it back unchanged', () => {
    const targets = [
      'externalId',
      'email',
      'city',
      'consent.sms',
      'tags',
      'attributes.tier',
      'attributes.points:number',
      'attributes.vip:boolean',
      'attributes.born:date',
      'attributes.hobbies:list',
    ];
    for (const target of targets) {
      expect(targetOf(rowFor('X', target))).toBe(target);
    }
    expect(rowFor('Loyalty points', 'attributes.points:number')).toEqual({
      column: 'Loyalty points',
      choice: 'attribute',
      attributeName: 'points',
      attributeType: 'number',
    });
  });

  it('shows a missing, null or unknown target as skipped, with an attribute name ready from the header', () => {
    expect(rowFor('Notes', null)).toEqual({
      column: 'Notes',
      choice: 'skip',
      attributeName: 'notes',
      attributeType: 'string',
    });
    expect(rowFor('Score', 'attributes.score:money').choice).toBe('skip');
    expect(rowFor('Score', 'consent.fax').choice).toBe('skip');
    expect(rowFor('Score', undefined).choice).toBe('skip');
  });

  it('names attributes after headers the way the API suggests them', () => {
    expect(attributeNameFor('Loyalty Points (€)')).toBe('loyalty_points');
    expect(attributeNameFor('lastOrderDate')).toBe('last_order_date');
    expect(attributeNameFor('Ümlaut Stadt')).toBe('umlaut_stadt');
    expect(attributeNameFor('2fa')).toBe('col_2fa');
    expect(attributeNameFor('***')).toBe('col');
  });

  it('builds rows in file order from a mapping, and a mapping with every column from rows', () => {
    const rows = rowsFromMapping(['E-mail', 'Notes', 'Points'], {
      columns: { Points: 'attributes.points:number', 'E-mail': 'email' },
    });
    expect(rows.map((r) => [r.column, r.choice])).toEqual([
      ['E-mail', 'email'],
      ['Notes', 'skip'],
      ['Points', 'attribute'],
    ]);
    rows[2] = {
      ...rows[2],
      attributeName: ' loyalty ',
      attributeType: 'string',
    };
    expect(toImportMapping(rows)).toEqual({
      columns: { 'E-mail': 'email', Notes: null, Points: 'attributes.loyalty' },
    });
  });

  it('lists the file columns a saved mapping does not name', () => {
    expect(
      unmappedColumns(['id', 'mail', 'extra'], {
        columns: { id: 'externalId', mail: 'email', gone: null },
      }),
    ).toEqual(['extra']);
  });

  describe('problems', () => {
    it('accepts a mapping with an identifier and each target once', () => {
      const problems = mappingProblems([
        aRow({ column: 'Mail', choice: 'email' }),
        aRow({ column: 'A', choice: 'attribute', attributeName: 'a' }),
        aRow({ column: 'B', choice: 'skip' }),
        aRow({ column: 'C', choice: 'skip' }),
      ]);
      expect(problems).toEqual({ rows: [null, null, null, null], general: [] });
      expect(hasProblems(problems)).toBe(false);
    });

    it('needs external ID or email mapped', () => {
      const problems = mappingProblems([
        aRow({ column: 'Phone', choice: 'phone' }),
        aRow({ column: 'Name', choice: 'firstName' }),
      ]);
      expect(problems.general).toEqual([
        'Map a column to External ID or Email: customers are matched on them.',
      ]);
      expect(hasProblems(problems)).toBe(true);
      expect(mappingProblems([aRow({ choice: 'externalId' })]).general).toEqual(
        [],
      );
    });

    it('flags the second column going to a target, naming the first', () => {
      const problems = mappingProblems([
        aRow({ column: 'Mail', choice: 'email' }),
        aRow({ column: 'Work mail', choice: 'email' }),
        aRow({
          column: 'Points',
          choice: 'attribute',
          attributeName: 'pts',
          attributeType: 'number',
        }),
        aRow({
          column: 'Points 2',
          choice: 'attribute',
          attributeName: ' pts',
          attributeType: 'string',
        }),
        aRow({ column: 'T1', choice: 'tags' }),
        aRow({ column: 'T2', choice: 'tags' }),
      ]);
      expect(problems.rows).toEqual([
        null,
        'Email is already mapped from "Mail"',
        null,
        'attribute "pts" is already mapped from "Points"',
        null,
        'Tags is already mapped from "T1"',
      ]);
      expect(problems.general).toEqual([]);
    });

    it('rejects attribute names the API would refuse', () => {
      const problems = mappingProblems([
        aRow({ choice: 'email' }),
        aRow({ choice: 'attribute', attributeName: '1st' }),
        aRow({ choice: 'attribute', attributeName: 'has space' }),
        aRow({ choice: 'attribute', attributeName: '' }),
        aRow({ choice: 'attribute', attributeName: 'a'.repeat(65) }),
        aRow({ choice: 'attribute', attributeName: 'a'.repeat(64) }),
      ]);
      expect(problems.rows.map((p) => p !== null)).toEqual([
        false,
        true,
        true,
        true,
        true,
        false,
      ]);
    });
  });
});

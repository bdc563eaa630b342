import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { addMember, call, createWorkspace } from '../../../../test/auth-helpers';
import type { TestUser, TestWorkspace } from '../../../../test/auth-helpers';
import { startTestApp } from '../../../../test/test-app';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
type Json = Record<string, any>;

/** Customer imports over real HTTP: multipart upload, preview, mapping, the Bull run, errors, saved mappings, access. */
describe('customer imports', () => {
  let app: NestFastifyApplication;
  let url: string;
  let db: DataSource;
  let ws: TestWorkspace;
  let viewer: TestUser;

  beforeAll(async () => {
    ({ app, url } = await startTestApp({ env: { IMPORT_MAX_MB: '1' } }));
    db = app.get(DataSource);
    ws = await createWorkspace(app, url, 'Imports');
    viewer = await addMember(app, url, ws.workspaceId, 'viewer');
  });
  afterAll(() => app.close());

  async function upload(token: string, fileName: string, content: string | Uint8Array, field = 'file') {
    const form = new FormData();
    form.append(field, new Blob([content as BlobPart]), fileName);
    const res = await fetch(`${url}/api/customers/imports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: res.status, body: (await res.json()) as Json };
  }

  const start = (id: string, body: Json, token = ws.owner.token) => call(url, 'POST', `/api/customers/imports/${id}/start`, { token, body });

  async function finished(id: string, token = ws.owner.token): Promise<Json> {
    for (let i = 0; i < 200; i++) {
      const res = await call(url, 'GET', `/api/customers/imports/${id}`, { token });
      if (res.body.status === 'completed' || res.body.status === 'failed') return res.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`import ${id} did not finish`);
  }

  /** Uploads, starts with the suggested mapping (optionally adjusted) and waits for the end. */
  async function importFile(fileName: string, content: string | Uint8Array, adjust: Record<string, string | null> = {}, extra: Json = {}) {
    const uploaded = await upload(ws.owner.token, fileName, content);
    expect(uploaded.status).toBe(201);
    const mapping = { columns: { ...uploaded.body.suggestedMapping.columns, ...adjust } };
    const started = await start(uploaded.body.id, { mapping, ...extra });
    expect(started.status).toBe(202);
    return { uploaded: uploaded.body, result: await finished(uploaded.body.id) };
  }

  const customer = async (by: { email?: string; externalId?: string }, workspaceId = ws.workspaceId): Promise<Json | undefined> =>
    (
      await db.query(`SELECT * FROM customers WHERE workspace_id = $1 AND (email = $2 OR external_id = $3)`, [
        workspaceId,
        by.email ?? null,
        by.externalId ?? null,
      ])
    )[0];

  it('reads a UTF-8 file with BOM and quoted line breaks, previews it, suggests a mapping and imports it', async () => {
    const csv = '\uFEFFCustomer ID,E-mail,First name,Notes\r\nbom-1,Ada@Example.com,Ada,"likes ""quotes"", commas\r\nand two lines"\r\nbom-2,bob@example.com,Bob,\r\n';
    const { uploaded, result } = await importFile('crm.csv', csv);
    expect(uploaded).toMatchObject({
      status: 'uploaded',
      format: 'csv',
      delimiter: ',',
      headers: ['Customer ID', 'E-mail', 'First name', 'Notes'],
      previewRows: [
        ['bom-1', 'Ada@Example.com', 'Ada', 'likes "quotes", commas\r\nand two lines'],
        ['bom-2', 'bob@example.com', 'Bob', ''],
      ],
      suggestedMapping: { columns: { 'Customer ID': 'externalId', 'E-mail': 'email', 'First name': 'firstName', Notes: 'attributes.notes' } },
      savedMapping: null,
    });
    expect(result).toMatchObject({ status: 'completed', progress: 100, processedRows: 2, createdCount: 2, updatedCount: 0, rejectedCount: 0, error: null });
    expect(await customer({ externalId: 'bom-1' })).toMatchObject({
      email: 'ada@example.com',
      first_name: 'Ada',
      attributes: { notes: 'likes "quotes", commas\r\nand two lines' },
    });
    expect((await customer({ externalId: 'bom-2' }))?.attributes).toEqual({}); // a blank cell sets nothing
    const [audit] = await db.query(`SELECT actor_id, after FROM audit_events WHERE action = 'customer_import.start' AND object_id = $1`, [uploaded.id]);
    expect(audit).toMatchObject({ actor_id: ws.owner.userId, after: { status: 'queued' } });
  });

  it('detects ; and tab delimiters and reads numbers with thousands separators', async () => {
    const semicolon = 'Kundennummer;E-Mail;Vorname;Umsatz;Newsletter\nsemi-1;semi1@example.com;Jürgen;1.234,56;ja\nsemi-2;semi2@example.com;Eva;12,5;nein\n';
    const { uploaded, result } = await importFile('export.csv', semicolon);
    expect(uploaded.delimiter).toBe(';');
    expect(uploaded.suggestedMapping.columns).toEqual({
      Kundennummer: 'externalId',
      'E-Mail': 'email',
      Vorname: 'firstName',
      Umsatz: 'attributes.umsatz:number',
      Newsletter: 'consent.email',
    });
    expect(result).toMatchObject({ status: 'completed', createdCount: 2 });
    expect(await customer({ externalId: 'semi-1' })).toMatchObject({
      first_name: 'Jürgen',
      attributes: { umsatz: 1234.56 },
      consent: { email: { status: 'subscribed', source: 'import' } },
    });
    expect((await customer({ externalId: 'semi-2' }))?.consent.email.status).toBe('unsubscribed');

    const tab = 'id\temail\tlifetime value\ntab-1\ttab1@example.com\t1,234.5\ntab-2\ttab2@example.com\t1 234\n';
    const tabbed = await importFile('export.tsv', tab, { 'lifetime value': 'attributes.ltv:number' });
    expect(tabbed.uploaded.delimiter).toBe('\t');
    expect(tabbed.result.createdCount).toBe(2);
    expect((await customer({ externalId: 'tab-1' }))?.attributes).toEqual({ ltv: 1234.5 });
    expect((await customer({ externalId: 'tab-2' }))?.attributes).toEqual({ ltv: 1234 });
  });

  it('reads XLSX with date cells and Excel serial dates', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Customers');
    sheet.addRow(['Email', 'Signed up', 'Last order', 'Points']);
    sheet.addRow(['x1@example.com', new Date(Date.UTC(2024, 2, 5)), 45356, 1200]);
    sheet.addRow([]);
    sheet.addRow(['x2@example.com', new Date(Date.UTC(2023, 11, 24, 18, 30)), '45000', '2,500']);
    sheet.getColumn(2).numFmt = 'dd.mm.yyyy';
    const buffer = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { uploaded, result } = await importFile('customers.xlsx', buffer, { 'Last order': 'attributes.last_order:date' });
    expect(uploaded).toMatchObject({
      format: 'xlsx',
      delimiter: null,
      headers: ['Email', 'Signed up', 'Last order', 'Points'],
      previewRows: [
        ['x1@example.com', '2024-03-05', '45356', '1200'],
        ['x2@example.com', '2023-12-24T18:30:00.000Z', '45000', '2,500'],
      ],
    });
    expect(uploaded.suggestedMapping.columns).toMatchObject({ Email: 'email', 'Signed up': 'attributes.signed_up:date', Points: 'attributes.points:number' });
    expect(result).toMatchObject({ status: 'completed', processedRows: 2, createdCount: 2 });
    expect((await customer({ email: 'x1@example.com' }))?.attributes).toEqual({ signed_up: '2024-03-05', last_order: '2024-03-05', points: 1200 });
    expect((await customer({ email: 'x2@example.com' }))?.attributes).toEqual({
      signed_up: '2023-12-24T18:30:00.000Z',
      last_order: '2023-03-15',
      points: 2500,
    });
  });

  it('imports the good rows of a file with bad ones and reports the bad ones by row, column and reason', async () => {
    const csv = [
      'external_id,email,points,phone,country',
      'mix-1,mix1@example.com,10,+49 30 1234567,DE', // row 2: good
      'mix-2,not-an-email,20,,DE', // row 3: engine rejects the email
      'mix-3,mix3@example.com,lots,,DE', // row 4: not a number
      'mix-4,mix4@example.com,40,,DE,extra', // row 5: one cell too many
      '', // row 6: blank, skipped
      'mix-5,mix5@example.com,50,0301234,', // row 7: phone without country
      'mix-6,mix6@example.com,"1,000",030 1234567,DE', // row 8: good
      'mix-7,mix7@example.com,=1+1,,DE', // row 9: not a number, and a formula to a spreadsheet
    ].join('\n');
    const { uploaded, result } = await importFile('mixed.csv', csv, { points: 'attributes.points:number' });
    expect(result).toMatchObject({ status: 'completed', processedRows: 7, createdCount: 2, rejectedCount: 5 });
    expect((await customer({ externalId: 'mix-6' }))).toMatchObject({ phone: '+49301234567', attributes: { points: 1000 } });
    expect(await customer({ externalId: 'mix-2' })).toBeUndefined();

    const errors = await call(url, 'GET', `/api/customers/imports/${uploaded.id}/errors?limit=3`, { token: ws.owner.token });
    expect(errors.status).toBe(200);
    expect(errors.body.items.map((e: Json) => [e.row, e.column, e.value])).toEqual([
      [3, 'email', 'not-an-email'],
      [4, 'points', 'lots'],
      [5, null, null],
    ]);
    const rest = await call(url, 'GET', `/api/customers/imports/${uploaded.id}/errors?limit=3&cursor=${errors.body.nextCursor}`, { token: ws.owner.token });
    expect(rest.body).toMatchObject({ items: [{ row: 7, column: 'phone', value: '0301234' }, { row: 9, value: '=1+1' }], nextCursor: null });

    const report = await fetch(`${url}/api/customers/imports/${uploaded.id}/error-report`, { headers: { authorization: `Bearer ${ws.owner.token}` } });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toContain('text/csv');
    expect(report.headers.get('content-disposition')).toBe('attachment; filename="mixed-errors.csv"');
    expect((await report.text()).split('\n')).toEqual([
      'row,column,value,reason',
      '3,email,not-an-email,"email ""not-an-email"" is not a valid email address"',
      '4,points,lots,Not a number',
      '5,,,"The row has 6 cells, the header has 5"',
      '7,phone,0301234,"phone ""0301234"" is not a valid phone number (give it with its country code, e.g. +49…, or give the country)"',
      "9,points,'=1+1,Not a number",
      '',
    ]);
  });

  it('dedupes by external id and by email across imports: a second import updates instead of duplicating', async () => {
    const first = 'id,email,first name,tags\ndd-1,dd1@example.com,Ann,a\n,dd2@example.com,Ben,b\n';
    expect((await importFile('first.csv', first, { id: 'externalId', 'first name': 'firstName', tags: 'tags' })).result).toMatchObject({ createdCount: 2 });
    const second = 'id,email,first name,tags\ndd-1,ann.new@example.com,Anne,c\ndd-2,DD2@example.com,,d\ndd-3,dd3@example.com,Cy,\n';
    const { result } = await importFile('second.csv', second, { id: 'externalId', 'first name': 'firstName', tags: 'tags' });
    expect(result).toMatchObject({ status: 'completed', createdCount: 1, updatedCount: 2, rejectedCount: 0 });
    expect(await customer({ externalId: 'dd-1' })).toMatchObject({ email: 'ann.new@example.com', first_name: 'Anne', tags: ['a', 'c'] });
    expect(await customer({ email: 'dd2@example.com' })).toMatchObject({ external_id: 'dd-2', first_name: 'Ben', tags: ['b', 'd'] });
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM customers WHERE workspace_id = $1 AND external_id LIKE 'dd-%'`, [ws.workspaceId]);
    expect(n).toBe(3);
  });

  it('saves a mapping when starting and suggests it for the next file with the same columns', async () => {
    const csv = 'Ref;Mail address;Segment\nsm-1;sm1@example.com;gold\n';
    const columns = { Ref: 'externalId', 'Mail address': 'email', Segment: 'attributes.segment' };
    const { result } = await importFile('weekly.csv', csv, columns, { saveMappingAs: 'Weekly shop export' });
    expect(result.status).toBe('completed');
    const again = await upload(ws.owner.token, 'weekly-2.csv', 'Segment;Ref;Mail address\nsilver;sm-2;sm2@example.com\n');
    expect(again.body.suggestedMapping).toEqual({ columns });
    expect(again.body.savedMapping).toMatchObject({ name: 'Weekly shop export', mapping: { columns } });

    const list = await call(url, 'GET', '/api/customers/import-mappings', { token: ws.owner.token });
    expect(list.body.items.map((m: Json) => m.name)).toContain('Weekly shop export');
    const other = await call(url, 'POST', '/api/customers/import-mappings', {
      token: ws.owner.token,
      body: { name: 'Other', mapping: { columns: { Mail: 'email', Ref: 'externalId' } } },
    });
    expect(other.status).toBe(201);
    const bad = await call(url, 'POST', '/api/customers/import-mappings', {
      token: ws.owner.token,
      body: { name: 'Bad', mapping: { columns: { Mail: 'attributes.mail', Foo: 'nonsense' } } },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: Json) => e.field)).toEqual(['mapping.columns.Foo', 'mapping.columns']);
    expect((await call(url, 'DELETE', `/api/customers/import-mappings/${other.body.id}`, { token: ws.owner.token })).status).toBe(204);
    expect((await call(url, 'DELETE', `/api/customers/import-mappings/${other.body.id}`, { token: ws.owner.token })).status).toBe(404);
  });

  it('refuses files over the size limit with 413, other formats with 415, and a request without a file with 400', async () => {
    const big = await upload(ws.owner.token, 'big.csv', `email\n${'x'.repeat(1024 * 1024 + 10)}\n`);
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ status: 413, errors: [{ field: 'file', message: 'The file is larger than 1 MB' }] });

    const pdf = await upload(ws.owner.token, 'list.pdf', '%PDF-1.4 whatever');
    expect(pdf.status).toBe(415);
    expect(pdf.body.errors[0].field).toBe('file');
    const xls = await upload(ws.owner.token, 'old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]));
    expect(xls.body.detail).toContain('.xlsx or .csv');
    const broken = await upload(ws.owner.token, 'broken.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(broken.status).toBe(400);
    expect(broken.body.errors[0].field).toBe('file');

    const wrongField = await upload(ws.owner.token, 'a.csv', 'email\na@x.io\n', 'document');
    expect(wrongField).toMatchObject({ status: 400, body: { errors: [{ field: 'file' }] } });
    const json = await call(url, 'POST', '/api/customers/imports', { token: ws.owner.token, body: {} });
    expect(json.status).toBe(415);
    expect(json.body.errors[0].field).toBe('file');
  });

  it('refuses a mapping without an identifier or with unknown columns, and a second start', async () => {
    const uploaded = await upload(ws.owner.token, 'm.csv', 'email,name\nm@example.com,M\n');
    const noKey = await start(uploaded.body.id, { mapping: { columns: { name: 'firstName' } } });
    expect(noKey.status).toBe(422);
    expect(noKey.body.errors).toEqual([{ field: 'mapping.columns', message: expect.stringContaining('externalId or email') }]);
    const unknown = await start(uploaded.body.id, { mapping: { columns: { email: 'email', phone: 'phone' } } });
    expect(unknown.body.errors).toEqual([{ field: 'mapping.columns.phone', message: 'The file has no column "phone"' }]);
    expect((await start(uploaded.body.id, { mapping: { columns: { email: 'email' } } })).status).toBe(202);
    expect((await finished(uploaded.body.id)).status).toBe('completed');
    expect((await start(uploaded.body.id, { mapping: { columns: { email: 'email' } } })).status).toBe(409);
  });

  it('lets a viewer neither upload nor start', async () => {
    expect((await upload(viewer.token, 'v.csv', 'email\nv@example.com\n')).status).toBe(403);
    const uploaded = await upload(ws.owner.token, 'v.csv', 'email\nv@example.com\n');
    expect((await start(uploaded.body.id, { mapping: { columns: { email: 'email' } } }, viewer.token)).status).toBe(403);
    expect((await call(url, 'GET', `/api/customers/imports/${uploaded.body.id}`, { token: viewer.token })).status).toBe(403);
  });

  it("never shows one workspace's imports to another", async () => {
    const other = await createWorkspace(app, url, 'Other');
    const theirs = await upload(other.owner.token, 'theirs.csv', 'email\nt@example.com\n');
    expect(theirs.status).toBe(201);
    const token = ws.owner.token;
    for (const [method, path, body] of [
      ['GET', `/api/customers/imports/${theirs.body.id}`],
      ['POST', `/api/customers/imports/${theirs.body.id}/start`, { mapping: { columns: { email: 'email' } } }],
      ['GET', `/api/customers/imports/${theirs.body.id}/errors`],
      ['GET', `/api/customers/imports/${theirs.body.id}/error-report`],
    ] as [string, string, Json?][]) {
      expect({ path, status: (await call(url, method, path, { token, body })).status }).toEqual({ path, status: 404 });
    }
    const mine = await call(url, 'GET', '/api/customers/imports?limit=200', { token });
    expect(mine.body.items.map((i: Json) => i.id)).not.toContain(theirs.body.id);
    expect((await call(url, 'GET', `/api/customers/imports/${theirs.body.id}`, { token: other.owner.token })).body.status).toBe('uploaded');
  });
});

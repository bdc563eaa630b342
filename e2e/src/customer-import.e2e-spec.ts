import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { screenshot, type BrowserSession } from './browser';
import {
  apiJson,
  apiSignIn,
  capturingFailure,
  choose,
  openConsole,
  shot,
  shows,
  signIn,
  unexpectedErrors,
} from './console';
import { e2eState } from './support/state';

/** The run of a small file takes a few seconds; a loaded CI machine gets more. */
const IMPORT_TIMEOUT_MS = 60_000;

/**
 * A customer file as people export it from a German spreadsheet: a UTF-8 BOM, `;` between cells,
 * a quoted cell with a line break in it, and one row with an invalid email among valid ones.
 */
function customerFile(suffix: string): Buffer {
  const rows = [
    'Customer ID;E-Mail;Vorname;Nachname;Loyalty Points;Notes',
    `e2e-${suffix}-1;ada.${suffix}@e2e.test;Ada;Lovelace;1200;"Likes\nletters"`,
    `e2e-${suffix}-2;not-an-email;Bob;Builder;15;`,
    `e2e-${suffix}-3;cyd.${suffix}@e2e.test;Cyd;Charisse;7;VIP`,
  ];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows.join('\r\n') + '\r\n', 'utf8')]);
}

interface CustomerRow {
  externalId: string | null;
  email: string | null;
  firstName: string | null;
  attributes: Record<string, unknown>;
}

/**
 * The import wizard in a real browser against the built product: the owner uploads a CSV with a
 * BOM, `;` delimiters, a quoted newline and one bad email, checks the preview, skips one column,
 * runs the import to the end, reads the rejected row and its error report, and finds an imported
 * customer in the customers list.
 */
describe('customer import', () => {
  const suffix = randomBytes(4).toString('hex');
  const fileName = `crm-export-${suffix}.csv`;
  let ownerToken = '';
  let owner: BrowserSession;

  beforeAll(async () => {
    ownerToken = await apiSignIn(e2eState().owner.email, e2eState().owner.password);
    owner = await openConsole();
  });

  afterAll(async () => {
    await owner?.close();
  });

  it('imports a semicolon CSV through the wizard, rejecting only the bad row', async () => {
    const { page } = owner;
    await capturingFailure(page, 'customer-import', async () => {
      await signIn(page, e2eState().owner.email, e2eState().owner.password);

      // 1. Upload: from the customers list's Import button.
      await page.goto('/customers');
      await page.getByTestId('import-customers').click();
      await page.waitForURL((u) => u.pathname === '/customers/import');
      await shows(page.getByRole('heading', { name: 'Import customers' }), 'the wizard heading');
      await shows(page.getByRole('heading', { name: 'Recent imports' }), 'the recent imports');
      await shot(page, 'customer-import-1-upload');

      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Choose a file' }).click();
      await (await chooser).setFiles({ name: fileName, mimeType: 'text/csv', buffer: customerFile(suffix) });

      // 2. Preview: the import's own page, on the Preview step.
      await page.waitForURL((u) => /^\/customers\/import\/[0-9a-f-]{36}$/.test(u.pathname));
      const importId = new URL(page.url()).pathname.split('/').pop() ?? '';
      await shows(page.getByTestId('import-format').filter({ hasText: 'CSV, separated by Semicolon (;)' }), 'the detected delimiter');
      const preview = page.getByRole('table', { name: 'First rows of the file' });
      // The BOM is not part of the first header; the quoted line break stays inside its cell.
      expect(await preview.locator('thead th').allInnerTexts()).toEqual([
        'Customer ID',
        'E-Mail',
        'Vorname',
        'Nachname',
        'Loyalty Points',
        'Notes',
      ]);
      const firstRow = await preview.locator('tbody tr').first().locator('td').allTextContents();
      expect(firstRow).toEqual([`e2e-${suffix}-1`, `ada.${suffix}@e2e.test`, 'Ada', 'Lovelace', '1200', 'Likes\nletters']);
      expect(await preview.locator('tbody tr').count()).toBe(3);
      await shot(page, 'customer-import-2-preview');

      // 3. Map: the suggestion as the API made it, then the notes skipped.
      await page.getByRole('button', { name: 'Next: map columns' }).click();
      const target = (column: string) => page.getByRole('combobox', { name: `Where ${column} goes` });
      await shows(target('Notes'), 'the mapping rows');
      expect(await target('Customer ID').innerText()).toBe('External ID');
      expect(await target('E-Mail').innerText()).toBe('Email');
      expect(await target('Vorname').innerText()).toBe('First name');
      expect(await target('Nachname').innerText()).toBe('Last name');
      expect(await target('Loyalty Points').innerText()).toBe('Custom attribute');
      await choose(page, target('Notes'), 'Skip this column');
      await shows(page.getByText('5 of 6 columns will be imported'), 'the count of mapped columns');
      await shot(page, 'customer-import-3-mapping');

      // 4. Run, and 5. Result once the worker is done.
      await page.getByRole('button', { name: 'Start import' }).click();
      await shows(page.getByTestId('import-status').or(page.getByTestId('import-summary')), 'the run step');
      // Not `shot`: it waits for progress bars to go, and this one stays while the import runs.
      // The step slides in; the indeterminate bar of a queued run animates forever, so it is not waited for.
      await page.waitForFunction(
        () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
        undefined,
        { timeout: 3_000 },
      ).catch(() => undefined);
      await screenshot(page, 'customer-import-4-run');
      // The Import step keeps its (now hidden) counts: read the Result step's.
      const result = page.getByRole('tabpanel', { name: 'Result' });
      await result.getByTestId('import-summary').waitFor({ state: 'visible', timeout: IMPORT_TIMEOUT_MS });
      expect(await result.getByTestId('import-summary').innerText()).toContain(`${fileName} is imported`);
      expect(await result.getByTestId('count-processed').innerText()).toBe('3');
      expect(await result.getByTestId('count-created').innerText()).toBe('2');
      expect(await result.getByTestId('count-updated').innerText()).toBe('0');
      expect(await result.getByTestId('count-rejected').innerText()).toBe('1');
      const rejected = result.getByRole('table', { name: 'Rejected rows' }).locator('tbody tr');
      await shows(rejected, 'the rejected row');
      expect(await rejected.count()).toBe(1);
      const cells = await rejected.first().locator('td').allInnerTexts();
      expect(cells.slice(0, 3)).toEqual(['3', 'E-Mail', 'not-an-email']);
      expect(cells[3]).toMatch(/email/i);
      await shot(page, 'customer-import-5-result');

      const download = page.waitForEvent('download');
      await page.getByTestId('download-error-report').click();
      const report = await download;
      expect(report.suggestedFilename()).toBe(`crm-export-${suffix}-errors.csv`);
      const csv = readFileSync(await report.path(), 'utf8');
      expect(csv).toMatch(/^\uFEFF?row,column,value,reason/i);
      expect(csv).toContain('3,E-Mail,not-an-email,');

      // The run as the API tells it (the same numbers the page showed).
      const run = await apiJson<{ status: string; createdCount: number; rejectedCount: number }>(
        `/customers/imports/${importId}`,
        { token: ownerToken },
      );
      expect(run).toMatchObject({ status: 'completed', createdCount: 2, rejectedCount: 1 });

      // The imported customers: in the list, and with the skipped column left out.
      await page.getByRole('link', { name: 'View customers' }).click();
      await page.waitForURL((u) => u.pathname === '/customers');
      await page.getByRole('searchbox', { name: 'Search' }).fill(`ada.${suffix}`);
      await shows(page.getByText(/^\s*1 customer\s*$/), 'the list filtered to one customer');
      await shows(page.getByRole('row').filter({ hasText: `ada.${suffix}@e2e.test` }), 'the imported customer in the list');
      await shot(page, 'customer-import-6-customers');

      const found = await apiJson<{ items: CustomerRow[] }>(`/customers?q=${encodeURIComponent(`e2e-${suffix}`)}`, {
        token: ownerToken,
      });
      const byId = new Map(found.items.map((c) => [c.externalId, c]));
      expect([...byId.keys()].sort()).toEqual([`e2e-${suffix}-1`, `e2e-${suffix}-3`]);
      expect(byId.get(`e2e-${suffix}-1`)).toMatchObject({ email: `ada.${suffix}@e2e.test`, firstName: 'Ada' });
      expect(byId.get(`e2e-${suffix}-1`)?.attributes).toEqual({ loyalty_points: 1200 });

      expect(unexpectedErrors(owner)).toEqual([]);
    });
  }, 120_000);
});

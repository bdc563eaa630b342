import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import {
  anImport,
  anImportDetail,
  anImportError,
  aSavedMapping,
} from '../../../../../testing/customer-import-factories';
import {
  buttonsWithText,
  expectRequest,
  provideTestApp,
  query,
  queryAll,
  settle,
  signInAs,
  text,
  typeInto,
} from '../../../../../testing/test-helpers';
import { POLL_INTERVAL_MS } from '../../data/customer-imports.store';
import type { SavedImportMapping } from '../../models/import-api';
import { ImportWizardPage } from './import-wizard';

const IMPORTER = ['customers:import', 'customers:read'];
const DETAIL_URL = '/api/customers/imports/imp-1';

async function render(id?: string) {
  signInAs(IMPORTER);
  const fixture = TestBed.createComponent(ImportWizardPage);
  if (id) fixture.componentRef.setInput('id', id);
  await settle(fixture);
  return fixture;
}

/** The label of the step the stepper shows. */
function currentStep(fixture: ComponentFixture<unknown>): string {
  return (
    query(
      fixture,
      '[role="tab"][aria-selected="true"] .mat-step-text-label',
    )?.textContent?.trim() ?? ''
  );
}

/** Opens a Material select and clicks the option with exactly this text. */
async function pick(
  fixture: ComponentFixture<unknown>,
  select: HTMLElement,
  option: string,
): Promise<void> {
  select.querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
  await settle(fixture);
  // Only this select's panel: a panel closed before may still be in the DOM.
  const panel = document.getElementById(
    select.getAttribute('aria-controls') ?? '',
  );
  const found = Array.from(
    panel?.querySelectorAll<HTMLElement>('mat-option') ?? [],
  ).find((o) => o.textContent?.trim() === option);
  if (!found) throw new Error(`No option ${option}`);
  found.click();
  await settle(fixture);
}

function mappingSelect(
  fixture: ComponentFixture<unknown>,
  column: string,
): HTMLElement {
  const select = query(
    fixture,
    `tr[data-column="${column}"] mat-select[formcontrolname="choice"]`,
  );
  if (!select) throw new Error(`No mapping row for ${column}`);
  return select;
}

async function chooseFile(
  fixture: ComponentFixture<unknown>,
  file: File,
): Promise<void> {
  const input = query<HTMLInputElement>(
    fixture,
    '[data-testid="import-file-input"]',
  );
  if (!input) throw new Error('No file input');
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
  await settle(fixture);
}

/** A reopened import that waits for its mapping, on the Map columns step. */
async function openMappingStep(saved: SavedImportMapping[] = []) {
  const fixture = await render('imp-1');
  expectRequest(DETAIL_URL).flush(anImportDetail());
  await settle(fixture);
  buttonsWithText(fixture, 'Next: map columns')[0].click();
  await settle(fixture);
  expectRequest('/api/customers/import-mappings').flush({
    items: saved,
    nextCursor: null,
  });
  expectRequest('/api/customers/facets').flush({
    attributes: [{ key: 'loyalty_tier', count: 4, types: ['string'] }],
    churnRisks: [],
    countries: [],
    orderCategories: [],
    rfmTiers: [],
    tags: [],
  });
  await settle(fixture);
  return fixture;
}

describe('ImportWizardPage', () => {
  beforeEach(() =>
    TestBed.configureTestingModule({ providers: provideTestApp() }),
  );
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('uploads a chosen file and goes to the page of the new import', async () => {
    const fixture = await render();
    expectRequest('/api/customers/imports').flush({
      items: [
        anImport({
          id: 'old',
          fileName: 'march.csv',
          status: 'completed',
          createdCount: 12,
        }),
      ],
      nextCursor: null,
    });
    await settle(fixture);
    expect(currentStep(fixture)).toBe('Upload');
    expect(text(fixture)).toContain('march.csv');
    expect(text(fixture)).toContain('12 new');
    expect(
      query<HTMLAnchorElement>(
        fixture,
        'a[aria-label="Open the import of march.csv"]',
      )?.getAttribute('href'),
    ).toBe('/customers/import/old');

    const navigate = jest
      .spyOn(TestBed.inject(Router), 'navigate')
      .mockResolvedValue(true);
    await chooseFile(fixture, new File(['id;email\n'], 'shop.csv'));
    expect(text(fixture)).toContain('Uploading shop.csv');
    const upload = expectRequest('/api/customers/imports', 'POST');
    expect((upload.request.body as FormData).get('file')).toBeInstanceOf(File);
    upload.flush(anImportDetail({ id: 'imp-9' }));
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['/customers/import', 'imp-9']);
  });

  it('refuses a file it cannot import before sending it, and shows the API reason for one it refuses', async () => {
    const fixture = await render();
    expectRequest('/api/customers/imports').flush({
      items: [],
      nextCursor: null,
    });
    await settle(fixture);
    expect(text(fixture)).toContain('No imports yet');

    await chooseFile(fixture, new File(['x'], 'photo.png'));
    expect(
      query(fixture, '[data-testid="upload-error"]')?.textContent,
    ).toContain('photo.png is not a CSV or XLSX file.');
    TestBed.inject(HttpTestingController).expectNone('/api/customers/imports');

    await chooseFile(fixture, new File(['x'], 'huge.csv'));
    expectRequest('/api/customers/imports', 'POST').flush(
      {
        type: 'https://lodestar.dev/problems/import-file-too-large',
        title: 'Payload Too Large',
        status: 413,
        detail: 'The file is larger than 200 MB',
        errors: [{ field: 'file', message: 'The file is larger than 200 MB' }],
      },
      { status: 413, statusText: 'Payload Too Large' },
    );
    await settle(fixture);
    expect(
      query(fixture, '[data-testid="upload-error"]')?.textContent,
    ).toContain('The file is larger than 200 MB');
    expect(buttonsWithText(fixture, 'Choose a file')[0].disabled).toBe(false);
  });

  it('previews how the file was read, then maps it as suggested and starts the import', async () => {
    const fixture = await openMappingStep();
    // (the preview was the step before; its facts were on screen)
    expect(
      query(fixture, '[data-testid="import-format"]')?.textContent,
    ).toContain('CSV, separated by Semicolon (;)');
    expect(queryAll(fixture, 'table.preview tbody tr')).toHaveLength(2);
    expect(text(fixture)).toContain('first\nline');

    expect(currentStep(fixture)).toBe('Map columns');
    expect(text(fixture)).toContain('5 of 5 columns will be imported');
    const points = query(fixture, 'tr[data-column="Points"]');
    expect(
      points?.querySelector<HTMLInputElement>(
        'input[formcontrolname="attributeName"]',
      )?.value,
    ).toBe('points');
    expect(points?.textContent).toContain('Number');

    await pick(fixture, mappingSelect(fixture, 'Notes'), 'Skip this column');
    expect(text(fixture)).toContain('4 of 5 columns will be imported');

    buttonsWithText(fixture, 'Start import')[0].click();
    await settle(fixture);
    const start = expectRequest(`${DETAIL_URL}/start`, 'POST');
    expect(start.request.body).toEqual({
      mapping: {
        columns: {
          'Customer ID': 'externalId',
          'E-Mail': 'email',
          Vorname: 'firstName',
          Points: 'attributes.points:number',
          Notes: null,
        },
      },
    });
    start.flush(anImportDetail({ status: 'queued' }));
    await settle(fixture);
    expect(currentStep(fixture)).toBe('Import');
    expect(
      query(fixture, '[data-testid="import-status"]')?.textContent,
    ).toContain('Waiting for a worker');

    // The page polls; leaving it (destroy) stops that.
    fixture.destroy();
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS + 50));
    TestBed.inject(HttpTestingController).expectNone(DETAIL_URL);
  });

  it('will not start without an identifier or with a target used twice, and says why', async () => {
    const fixture = await openMappingStep();
    await pick(
      fixture,
      mappingSelect(fixture, 'Customer ID'),
      'Skip this column',
    );
    await pick(fixture, mappingSelect(fixture, 'E-Mail'), 'First name');

    expect(text(fixture)).toContain(
      'Map a column to External ID or Email: customers are matched on them.',
    );
    expect(
      query(fixture, 'tr[data-column="Vorname"] .field-error')?.textContent,
    ).toContain('First name is already mapped from "E-Mail"');
    buttonsWithText(fixture, 'Start import')[0].click();
    await settle(fixture);
    TestBed.inject(HttpTestingController).expectNone(`${DETAIL_URL}/start`);
  });

  it('names a new attribute from the header, saves the mapping by name, and puts API complaints on the row', async () => {
    const fixture = await openMappingStep();
    await pick(fixture, mappingSelect(fixture, 'Vorname'), 'Custom attribute');
    const row = fixture.nativeElement.querySelector(
      'tr[data-column="Vorname"]',
    );
    expect(
      row.querySelector('input[formcontrolname="attributeName"]').value,
    ).toBe('vorname');
    typeInto(row, 'attributeName', 'given_name');
    typeInto(fixture.nativeElement, 'saveMappingAs', '  Shop export ');
    await settle(fixture);

    buttonsWithText(fixture, 'Start import')[0].click();
    await settle(fixture);
    const start = expectRequest(`${DETAIL_URL}/start`, 'POST');
    expect(start.request.body.saveMappingAs).toBe('Shop export');
    expect(start.request.body.mapping.columns['Vorname']).toBe(
      'attributes.given_name',
    );
    start.flush(
      {
        title: 'Unprocessable Entity',
        status: 422,
        detail: 'The file has no column "Vorname"',
        errors: [
          {
            field: 'mapping.columns.Vorname',
            message: 'The file has no column "Vorname"',
          },
        ],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle(fixture);
    expect(
      query(fixture, 'tr[data-column="Vorname"] .field-error')?.textContent,
    ).toContain('The file has no column "Vorname"');
    expect(currentStep(fixture)).toBe('Map columns');
  });

  it('applies a saved mapping, skipping the columns it does not name', async () => {
    const fixture = await openMappingStep([aSavedMapping()]);
    await pick(
      fixture,
      fixture.nativeElement.querySelector(
        '[data-testid="saved-mapping-select"]',
      ),
      'Shop export',
    );
    expect(text(fixture)).toMatch(
      /Pre-filled from the saved mapping “Shop export”\.\s+It does not name Points, Notes: skipped/,
    );
    expect(text(fixture)).toContain('3 of 5 columns will be imported');
    expect(mappingSelect(fixture, 'Vorname').textContent).toContain(
      'Last name',
    );
    expect(mappingSelect(fixture, 'Points').textContent).toContain(
      'Skip this column',
    );
  });

  it('reopens a running import on its progress and shows the result when it completes', async () => {
    const fixture = await render('imp-1');
    expectRequest(DETAIL_URL).flush(
      anImportDetail({
        status: 'running',
        progress: 40,
        processedRows: 400,
        createdCount: 380,
        updatedCount: 15,
        rejectedCount: 5,
        mapping: { columns: {} },
      }),
    );
    await settle(fixture);
    expect(currentStep(fixture)).toBe('Import');
    expect(query(fixture, 'mat-progress-bar')?.getAttribute('aria-label')).toBe(
      'Import progress, 40%',
    );
    expect(
      query(fixture, '[data-testid="count-created"]')?.textContent,
    ).toContain('380');

    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS + 50));
    expectRequest(DETAIL_URL).flush(
      anImportDetail({
        status: 'completed',
        progress: 100,
        processedRows: 1000,
        createdCount: 950,
        updatedCount: 40,
        rejectedCount: 10,
        startedAt: '2026-11-24T10:00:00Z',
        finishedAt: '2026-11-24T10:01:05Z',
        mapping: { columns: {} },
      }),
    );
    await settle(fixture);
    expectRequest(`${DETAIL_URL}/errors`).flush({
      items: [anImportError()],
      nextCursor: null,
    });
    await settle(fixture);

    expect(currentStep(fixture)).toBe('Result');
    expect(
      query(fixture, '[data-testid="import-summary"]')?.textContent,
    ).toContain('customers.csv is imported in 1 min 5 s.');
    expect(
      query(fixture, '[data-testid="count-rejected"]')?.textContent,
    ).toContain('10');
    const row = query(fixture, 'app-import-result tr.mat-mdc-row');
    expect(row?.textContent).toContain('3');
    expect(row?.textContent).toContain('bob@example');
    expect(row?.textContent).toContain('Not a valid email address');
    expect(query(fixture, 'a[href="/customers"]')?.textContent).toContain(
      'View customers',
    );
    expect(
      query(fixture, 'a[href="/customers/import"]')?.textContent,
    ).toContain('Import another file');
  });

  it('downloads the error report of a finished import', async () => {
    const createObjectURL = jest.fn(() => 'blob:csv');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);

    const fixture = await render('imp-1');
    expectRequest(DETAIL_URL).flush(
      anImportDetail({
        status: 'completed',
        rejectedCount: 1,
        mapping: { columns: {} },
      }),
    );
    await settle(fixture);
    expectRequest(`${DETAIL_URL}/errors`).flush({
      items: [anImportError()],
      nextCursor: null,
    });
    await settle(fixture);

    query(fixture, '[data-testid="download-error-report"]')?.click();
    await settle(fixture);
    expectRequest(`${DETAIL_URL}/error-report`).flush(
      'row,column,value,reason\n',
    );
    await settle(fixture);
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe(
      'customers-errors.csv',
    );
    click.mockRestore();
  });

  it('shows why a failed import stopped and runs it again with its mapping', async () => {
    const mapping = { columns: { 'E-Mail': 'email' } };
    const fixture = await render('imp-1');
    expectRequest(DETAIL_URL).flush(
      anImportDetail({
        status: 'failed',
        error: 'The file changed while it was read',
        mapping,
      }),
    );
    await settle(fixture);
    expect(currentStep(fixture)).toBe('Result');
    expect(
      query(fixture, '[data-testid="import-summary"]')?.textContent,
    ).toContain('failed: The file changed while it was read');

    buttonsWithText(fixture, 'Run again')[0].click();
    await settle(fixture);
    const start = expectRequest(`${DETAIL_URL}/start`, 'POST');
    expect(start.request.body).toEqual({ mapping });
    start.flush(anImportDetail({ status: 'queued', mapping }));
    await settle(fixture);
    expect(currentStep(fixture)).toBe('Import');
    fixture.destroy();
  });

  it('says so when the import cannot be found, with a way to start over', async () => {
    const fixture = await render('imp-1');
    expectRequest(DETAIL_URL).flush(
      { title: 'Not Found', status: 404, detail: 'Customer import not found' },
      { status: 404, statusText: 'Not Found' },
    );
    await settle(fixture);
    expect(text(fixture)).toContain('Customer import not found');
    expect(query(fixture, 'mat-stepper')).toBeNull();
    buttonsWithText(fixture, 'Try again')[0].click();
    await settle(fixture);
    expectRequest(DETAIL_URL).flush(anImportDetail());
    await settle(fixture);
    expect(currentStep(fixture)).toBe('Preview');
  });
});

import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router } from '@angular/router';
import { buttonsWithText, expectRequest, provideTestApp, query, settle, signInAs, text, typeInto } from '../../../../testing/test-helpers';
import { someFields } from '../builder/testing/rule-factories';
import { SegmentEditorPage } from './segment-editor';
import { PREVIEW_DEBOUNCE_MS } from './segment-editor.store';
import { aPreview, aSegmentDetail } from './testing/editor-factories';

jest.setTimeout(30_000);

const overlayOption = (label: string) =>
  Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find((o) => o.textContent?.trim() === label);

describe('SegmentEditorPage', () => {
  let fixture: ComponentFixture<SegmentEditorPage>;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        ...provideTestApp(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: PREVIEW_DEBOUNCE_MS, useValue: 0 },
      ],
    });
    signInAs(['segments:read', 'segments:write', 'customers:read']);
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  });
  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = ''));
  });

  async function render(id?: string): Promise<void> {
    fixture = TestBed.createComponent(SegmentEditorPage);
    if (id) fixture.componentRef.setInput('id', id);
    await settle(fixture);
    expectRequest('/api/segments/fields').flush(someFields());
    expectRequest('/api/segments').flush({ items: [], nextCursor: null });
    if (id) expectRequest(`/api/segments/${id}`).flush(aSegmentDetail({ id }));
    await settle(fixture);
  }

  async function answerPreview(count: number) {
    await settle(fixture);
    const request = expectRequest('/api/segments/preview', 'POST');
    request.flush(aPreview({ count }));
    await settle(fixture);
    return request.request.body;
  }

  it('builds a condition by clicking and shows the live count with a sample linking to the customers', async () => {
    await render();
    expect(text(fixture)).toContain('New segment');
    await answerPreview(1000);
    expect(query(fixture, '[data-testid="live-count"]')?.textContent).toContain('1,000');

    buttonsWithText(fixture, 'Add condition')[0].click();
    await settle(fixture);
    expect(text(fixture)).toContain('Pick a field for every condition to see the count.');
    http.expectNone('/api/segments/preview');

    query<HTMLElement>(fixture, 'app-rule-condition mat-select')?.click();
    await settle(fixture);
    overlayOption('Total spent')?.click();
    await settle(fixture);
    // "Total spent greater than (no value yet)": the API names the missing value.
    expectRequest('/api/segments/preview', 'POST').flush(
      { status: 400, title: 'Invalid rules', errors: [{ field: 'rules.root.children[0].value', message: 'A number is needed' }] },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(query(fixture, 'app-rule-condition')?.closest('.child')?.textContent).toContain('Value: A number is needed');
    expect(query(fixture, '[data-testid="live-count-error"]')?.textContent).toContain('Some conditions need attention');

    const value = query<HTMLInputElement>(fixture, 'app-rule-condition input[type="number"]');
    if (!value) throw new Error('No value input');
    value.value = '500';
    value.dispatchEvent(new Event('input'));
    const body = await answerPreview(42);
    expect(body.rules.root.children[0]).toMatchObject({ type: 'field', field: 'traits.totalSpent', operator: 'gt', value: 500 });
    expect(query(fixture, '[data-testid="live-count"]')?.textContent).toContain('42');
    expect(query(fixture, '[data-testid="live-count-meta"]')?.textContent).toContain('37 ms');
    expect(query(fixture, '[data-testid="live-count-error"]')).toBeNull();
    const link = query<HTMLAnchorElement>(fixture, 'app-live-count a');
    expect(link?.textContent).toContain('Ada Lovelace');
    expect(link?.getAttribute('href')).toBe('/customers/c-1');
  });

  it('needs a name before saving', async () => {
    await render();
    await answerPreview(3);
    buttonsWithText(fixture, 'Save segment')[0].click();
    await settle(fixture);
    http.expectNone('/api/segments');
    expect(text(fixture)).toContain('Required');
  });

  it('creates the segment and goes to its page', async () => {
    await render();
    await answerPreview(3);
    typeInto(fixture.nativeElement, 'name', '  Everyone  ');
    buttonsWithText(fixture, 'Save segment')[0].click();
    await settle(fixture);
    const create = expectRequest('/api/segments', 'POST');
    expect(create.request.body).toMatchObject({
      name: 'Everyone',
      description: null,
      rules: { version: 1, root: { operator: 'and', children: [] } },
    });
    create.flush(aSegmentDetail({ id: 'seg-7' }));
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['/segments', 'seg-7']);
  });

  it('edits a saved segment: its name, description and rules, counted as the segment itself', async () => {
    await render('seg-1');
    expect(text(fixture)).toContain('Edit segment');
    expect(query<HTMLInputElement>(fixture, 'input[formcontrolname="name"]')?.value).toBe('Big spenders');
    const body = await answerPreview(12);
    expect(body.segmentId).toBe('seg-1');
    expect(query<HTMLInputElement>(fixture, 'app-rule-condition input[type="number"]')?.value).toBe('500');

    buttonsWithText(fixture, 'Save segment')[0].click();
    await settle(fixture);
    const update = expectRequest('/api/segments/seg-1', 'PATCH');
    expect(update.request.body.rules.root.children[0]).toMatchObject({ field: 'traits.totalSpent', value: 500 });
    update.flush(aSegmentDetail());
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['/segments', 'seg-1']);
  });

  it("puts a failed save's errors on the name field and on the rule they name", async () => {
    await render('seg-1');
    await answerPreview(12);
    buttonsWithText(fixture, 'Save segment')[0].click();
    await settle(fixture);
    expectRequest('/api/segments/seg-1', 'PATCH').flush(
      {
        status: 400,
        title: 'Bad request',
        errors: [
          { field: 'name', message: 'A segment with this name exists' },
          { field: 'rules.root.children[0].value', message: 'Too large' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(query(fixture, 'mat-error')?.textContent).toContain('A segment with this name exists');
    expect(query(fixture, 'app-rule-condition')?.closest('.child')?.textContent).toContain('Value: Too large');
    expect(navigate).not.toHaveBeenCalled();
  });
});

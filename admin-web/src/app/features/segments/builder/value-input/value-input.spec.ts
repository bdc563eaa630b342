import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideTestApp, query, queryAll, settle } from '../../../../../testing/test-helpers';
import type { DataType } from '../rule-operators';
import type { RuleValue, ValueOperator } from '../rule-types';
import { ValueInput } from './value-input';

jest.setTimeout(20_000);

function typeIn(input: HTMLInputElement | null, value: string, event = 'input'): void {
  if (!input) throw new Error('No input');
  input.value = value;
  input.dispatchEvent(new Event(event));
}

describe('ValueInput', () => {
  let fixture: ComponentFixture<ValueInput>;
  let values: (RuleValue | undefined)[];

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [...provideTestApp(), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
  });
  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = '')));

  async function render(type: DataType, operator: ValueOperator, value?: RuleValue, options: string[] = []): Promise<void> {
    fixture = TestBed.createComponent(ValueInput);
    fixture.componentRef.setInput('type', type);
    fixture.componentRef.setInput('operator', operator);
    fixture.componentRef.setInput('value', value);
    fixture.componentRef.setInput('options', options);
    values = [];
    fixture.componentInstance.valueChange.subscribe((v) => values.push(v));
    await settle(fixture);
  }
  const labels = () => queryAll(fixture, 'mat-label').map((l) => l.textContent?.trim());

  it('emits numbers as numbers, and nothing for an empty number', async () => {
    await render('number', 'gt', 10);
    const input = query<HTMLInputElement>(fixture, 'input[type="number"]');
    expect(input?.value).toBe('10');
    expect(labels()).toEqual(['Value']);
    typeIn(input, '500');
    typeIn(input, '12.5');
    typeIn(input, '');
    expect(values).toEqual([500, 12.5, undefined]);
    expect(typeof values[0]).toBe('number');
  });

  it('emits a [min, max] range of numbers only once both ends are filled in', async () => {
    await render('number', 'between');
    expect(labels()).toEqual(['Minimum', 'Maximum']);
    const [min, max] = queryAll(fixture, 'input') as HTMLInputElement[];
    typeIn(min, '100');
    expect(values).toEqual([undefined]);
    typeIn(max, '250');
    expect(values).toEqual([undefined, [100, 250]]);
  });

  it('shows a saved range in both inputs', async () => {
    await render('number', 'between', [5, 9]);
    expect((queryAll(fixture, 'input') as HTMLInputElement[]).map((i) => i.value)).toEqual(['5', '9']);
  });

  it('emits text, and nothing for an empty text', async () => {
    await render('string', 'contains');
    const input = query<HTMLInputElement>(fixture, 'input');
    typeIn(input, 'gmail');
    typeIn(input, '');
    expect(values).toEqual(['gmail', undefined]);
  });

  it('collects a list of texts as chips', async () => {
    await render('string', 'in', ['a@x.io']);
    expect(query(fixture, 'mat-chip-row')?.textContent).toContain('a@x.io');
    const input = query<HTMLInputElement>(fixture, 'input');
    typeIn(input, 'b@x.io');
    input?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13 } as KeyboardEventInit));
    expect(values).toEqual([['a@x.io', 'b@x.io']]);
  });

  it('emits a day of the date picker as an ISO date', async () => {
    await render('date', 'before', '2026-03-05');
    const input = query<HTMLInputElement>(fixture, 'input');
    expect(new Date(input?.value ?? '').getDate()).toBe(5);
    typeIn(input, '4/30/2026');
    typeIn(input, '4/30/2026', 'change');
    expect(values[values.length - 1]).toBe('2026-04-30');
  });

  it('emits a date range as two ISO dates once both are picked', async () => {
    await render('date', 'between');
    const [from, to] = queryAll(fixture, 'input') as HTMLInputElement[];
    typeIn(from, '1/1/2026');
    typeIn(from, '1/1/2026', 'change');
    typeIn(to, '1/31/2026');
    typeIn(to, '1/31/2026', 'change');
    expect(values[values.length - 1]).toEqual(['2026-01-01', '2026-01-31']);
  });

  it('asks for a whole number of days for "in the last … days"', async () => {
    await render('date', 'withinLastDays', 30);
    expect(labels()).toEqual(['Days']);
    typeIn(query<HTMLInputElement>(fixture, 'input'), '7');
    expect(values).toEqual([7]);
  });

  it("picks several of the field's options, showing ones the data no longer has", async () => {
    await render('option', 'in', ['US', 'XX'], ['US', 'CA']);
    query<HTMLElement>(fixture, 'mat-select')?.click();
    await settle(fixture);
    const options = Array.from(document.querySelectorAll<HTMLElement>('mat-option'));
    expect(options.map((o) => o.textContent?.trim())).toEqual(['US', 'CA', 'XX']);
    options[1].click();
    await settle(fixture);
    expect(values[values.length - 1]).toEqual(['US', 'CA', 'XX']);
  });

  it('needs no input for operators without a value', async () => {
    await render('boolean', 'isTrue');
    expect(queryAll(fixture, 'input, mat-select')).toHaveLength(0);
  });
});

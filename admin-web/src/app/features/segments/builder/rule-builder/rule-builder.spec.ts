import { CdkDropList } from '@angular/cdk/drag-drop';
import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { By } from '@angular/platform-browser';
import type { FieldError } from '../../../../core/errors/problem';
import { provideTestApp, query, queryAll, settle, text } from '../../../../../testing/test-helpers';
import { findNode } from '../rule-tree';
import type { RuleCondition, RuleGroup, SegmentRules } from '../rule-types';
import { nestedRules, someFields } from '../testing/rule-factories';
import { RuleBuilder } from './rule-builder';

@Component({
  imports: [RuleBuilder],
  template: `<app-rule-builder
    [rules]="rules()"
    [fields]="fields"
    [segments]="segments"
    [errors]="errors()"
    (rulesChange)="changed($event)"
  />`,
})
class Host {
  readonly rules = signal<SegmentRules>(nestedRules());
  readonly errors = signal<FieldError[]>([]);
  readonly fields = someFields();
  readonly segments = [{ id: '7b0e6a3c-0000-4000-8000-000000000001', name: 'VIP' }];
  readonly emitted: SegmentRules[] = [];
  changed(rules: SegmentRules): void {
    this.emitted.push(rules);
    this.rules.set(rules);
  }
}

jest.setTimeout(20_000);

/** Options of the open select/autocomplete panel (rendered in the overlay, outside the fixture). */
const overlayOption = (label: string) =>
  Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find((o) => o.textContent?.trim() === label);

describe('RuleBuilder', () => {
  let fixture: ComponentFixture<Host>;
  let host: Host;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [...provideTestApp(), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    fixture = TestBed.createComponent(Host);
    host = fixture.componentInstance;
    await settle(fixture);
  });

  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = '')));

  const last = () => host.emitted[host.emitted.length - 1];
  const groupEl = (depth: number) => queryAll(fixture, 'app-rule-group')[depth];
  const nodeEl = (id: string) => query(fixture, `[data-node-id="${id}"]`) as HTMLElement;
  const childIds = (rules: SegmentRules, id: string) => (findNode(rules.root, id) as RuleGroup).children.map((c) => c.id);
  /** A button of the group's own footer (not of a group nested in it). */
  const groupButton = (group: HTMLElement, label: string) =>
    Array.from(group.querySelectorAll<HTMLButtonElement>(':scope > section > footer button')).find(
      (b) => b.textContent?.trim() === label,
    ) as HTMLButtonElement;
  const buttonIn = (root: HTMLElement, label: string) =>
    Array.from(root.querySelectorAll('button')).find(
      (b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === label,
    ) as HTMLButtonElement;

  it('shows every group with its operator and nested groups inside their parent', () => {
    expect(queryAll(fixture, 'app-rule-group')).toHaveLength(2);
    expect(groupEl(0).querySelector('.mat-button-toggle-checked')?.textContent?.trim()).toBe('All of');
    expect(groupEl(1).querySelector('.mat-button-toggle-checked')?.textContent?.trim()).toBe('Any of');
    expect(groupEl(0).contains(groupEl(1))).toBe(true);
    expect(groupEl(1).querySelector('.group.nested')).not.toBeNull();
    // The conditions' fields, labelled by the catalogue.
    expect(text(fixture)).toContain('Country');
    expect(text(fixture)).toContain('Total spent');
    expect(text(fixture)).toContain('email_opened');
  });

  it('adds a condition to the group whose button was pressed, with no field yet', async () => {
    groupButton(groupEl(1), 'Add condition').click();
    await settle(fixture);
    const g1 = findNode(last().root, 'g1') as RuleGroup;
    expect(g1.children).toHaveLength(3);
    expect(g1.children[2]).toMatchObject({ type: 'field', field: '' });
    expect(last().root.children).toHaveLength(3);
  });

  it('adds a nested group holding one blank condition, and nests again inside it', async () => {
    groupButton(groupEl(0), 'Add group').click();
    await settle(fixture);
    const added = last().root.children[3] as RuleGroup;
    expect(added).toMatchObject({ type: 'group', operator: 'or', children: [{ type: 'field', field: '' }] });
    expect(queryAll(fixture, 'app-rule-group')).toHaveLength(3);

    groupButton(nodeEl(added.id ?? '').querySelector('app-rule-group') as HTMLElement, 'Add group').click();
    await settle(fixture);
    const inner = (last().root.children[3] as RuleGroup).children[1] as RuleGroup;
    expect(inner).toMatchObject({ type: 'group', operator: 'and' });
    expect(queryAll(fixture, 'app-rule-group')).toHaveLength(4);
  });

  it('removes a condition, and a group with its conditions', async () => {
    buttonIn(nodeEl('c2'), 'Remove condition').click();
    await settle(fixture);
    expect(childIds(last(), 'g1')).toEqual(['c3']);

    buttonIn(nodeEl('g1'), 'Remove group').click();
    await settle(fixture);
    expect(childIds(last(), 'root')).toEqual(['c1', 'c4']);
    expect(queryAll(fixture, 'app-rule-group')).toHaveLength(1);
    // The root group has no remove button.
    expect(buttonIn(groupEl(0), 'Remove group')).toBeUndefined();
  });

  it("changes a group's operator with its toggle", async () => {
    const none = Array.from(groupEl(1).querySelectorAll<HTMLButtonElement>('.mat-button-toggle-button')).find(
      (b) => b.textContent?.trim() === 'None of',
    );
    none?.click();
    await settle(fixture);
    expect((findNode(last().root, 'g1') as RuleGroup).operator).toBe('not');
    expect(last().root.operator).toBe('and');
  });

  it("reorders a group's children when the drop list reports a drop, and moves a node into another group", async () => {
    const lists = fixture.debugElement.queryAll(By.directive(CdkDropList)).map((d) => d.injector.get(CdkDropList));
    const [rootList, g1List] = lists;
    rootList.dropped.emit({
      item: { data: 'c4' },
      container: rootList,
      previousContainer: rootList,
      currentIndex: 0,
      previousIndex: 2,
    } as never);
    await settle(fixture);
    expect(childIds(last(), 'root')).toEqual(['c4', 'c1', 'g1']);

    g1List.dropped.emit({
      item: { data: 'c1' },
      container: g1List,
      previousContainer: rootList,
      currentIndex: 0,
      previousIndex: 1,
    } as never);
    await settle(fixture);
    expect(childIds(last(), 'root')).toEqual(['c4', 'g1']);
    expect(childIds(last(), 'g1')).toEqual(['c1', 'c2', 'c3']);
  });

  it('moves a node up and down from its handle menu (keyboard users)', async () => {
    buttonIn(nodeEl('c4'), 'Move condition 3').click();
    await settle(fixture);
    overlayButton('Move up').click();
    await settle(fixture);
    expect(childIds(last(), 'root')).toEqual(['c1', 'c4', 'g1']);

    buttonIn(nodeEl('c1'), 'Move condition 1').click();
    await settle(fixture);
    expect(overlayButton('Move up').disabled).toBe(true);
    overlayButton('Move down').click();
    await settle(fixture);
    expect(childIds(last(), 'root')).toEqual(['c4', 'c1', 'g1']);
  });

  it('turns a blank condition into the field picked, with its usual operator', async () => {
    groupButton(groupEl(0), 'Add condition').click();
    await settle(fixture);
    const blank = last().root.children[3] as RuleCondition;
    const select = nodeEl(blank.id ?? '').querySelector<HTMLElement>('mat-select');
    select?.click();
    await settle(fixture);
    // Grouped by kind.
    const groups = Array.from(document.querySelectorAll('mat-optgroup')).map((g) =>
      g.querySelector('.mat-mdc-optgroup-label')?.textContent?.trim(),
    );
    expect(groups).toEqual(['Profile', 'Consent', 'Traits', 'Custom attributes', 'Orders', 'Events', 'Segments']);
    overlayOption('Total spent')?.click();
    await settle(fixture);
    expect(last().root.children[3]).toMatchObject({ id: blank.id, type: 'field', field: 'traits.totalSpent', operator: 'gt' });
    expect(nodeEl(blank.id ?? '').querySelector('input[type="number"]')).not.toBeNull();
  });

  it('offers only the operators the field allows, and keeps the value a new operator can use', async () => {
    nodeEl('c1').querySelectorAll<HTMLElement>('mat-select')[1].click();
    await settle(fixture);
    const labels = Array.from(document.querySelectorAll('mat-option')).map((o) => o.textContent?.trim());
    expect(labels).toEqual(['is any of', 'is none of', 'is', 'is not']);
    overlayOption('is')?.click();
    await settle(fixture);
    expect(findNode(last().root, 'c1')).toMatchObject({ operator: 'eq', value: 'US' });
  });

  it('shows the API errors on the nodes their paths name', async () => {
    host.errors.set([
      { field: 'rules.root.children[1].children[0].value', message: 'must be a number' },
      { field: 'rules.root.children[2]', message: 'unknown field' },
    ]);
    await settle(fixture);
    expect(nodeEl('c2').querySelector('[role="alert"]')?.textContent).toContain('Value: must be a number');
    expect(nodeEl('c4').querySelector('[role="alert"]')?.textContent).toContain('unknown field');
    expect(nodeEl('c1').querySelector('[role="alert"]')).toBeNull();
  });

  it('labels every input and select', () => {
    for (const field of queryAll(fixture, 'mat-form-field')) {
      expect(field.querySelector('mat-label')?.textContent?.trim()).toBeTruthy();
    }
    for (const button of queryAll(fixture, 'button')) {
      expect((button.getAttribute('aria-label') ?? button.textContent ?? '').trim()).toBeTruthy();
    }
  });
});

function overlayButton(label: string): HTMLButtonElement {
  const button = Array.from(document.querySelectorAll<HTMLButtonElement>('.cdk-overlay-container button')).find(
    (b) => b.textContent?.trim() === label,
  );
  if (!button) throw new Error(`No ${label} button in the overlay`);
  return button;
}

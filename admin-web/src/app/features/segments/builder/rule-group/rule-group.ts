import { CdkDrag, CdkDragDrop, CdkDragHandle, CdkDragMove, CdkDragPlaceholder, CdkDropList } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatTooltipModule } from '@angular/material/tooltip';
import { NodeErrors } from '../node-errors/node-errors';
import { RuleBuilderContext } from '../rule-builder-context';
import { RuleConditionEditor } from '../rule-condition/rule-condition';
import { blankCondition } from '../rule-fields';
import { emptyGroup, insertNode, moveNode, removeNode, updateNode } from '../rule-tree';
import type { RuleGroup, RuleNode } from '../rule-types';

const OPERATORS: { value: RuleGroup['operator']; label: string; empty: string }[] = [
  { value: 'and', label: 'All of', empty: 'An empty "All of" group matches everyone.' },
  { value: 'or', label: 'Any of', empty: 'An empty "Any of" group matches nobody.' },
  { value: 'not', label: 'None of', empty: 'An empty "None of" group matches everyone.' },
];

/** A group of the rule tree: its operator, its children (reorderable by drag or by menu) and buttons to add more. */
@Component({
  selector: 'app-rule-group',
  imports: [
    CdkDropList,
    CdkDrag,
    CdkDragHandle,
    CdkDragPlaceholder,
    MatButtonModule,
    MatButtonToggleModule,
    MatIconModule,
    MatMenuModule,
    MatTooltipModule,
    RuleConditionEditor,
    NodeErrors,
  ],
  templateUrl: './rule-group.html',
  styleUrl: './rule-group.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RuleGroupEditor {
  readonly group = input.required<RuleGroup>();
  /** 0 for the root group, which cannot be removed. */
  readonly depth = input.required<number>();

  protected readonly context = inject(RuleBuilderContext);
  protected readonly operators = OPERATORS;
  protected readonly id = computed(() => this.group().id ?? '');
  protected readonly emptyText = computed(() => OPERATORS.find((o) => o.value === this.group().operator)?.empty ?? '');

  protected setOperator(operator: RuleGroup['operator']): void {
    this.context.update((rules) => updateNode(rules, this.id(), (group) => ({ ...(group as RuleGroup), operator })));
  }

  protected addCondition(): void {
    this.context.update((rules) => insertNode(rules, this.id(), blankCondition()));
  }

  protected addGroup(): void {
    const group = emptyGroup(this.group().operator === 'or' ? 'and' : 'or');
    this.context.update((rules) => insertNode(rules, this.id(), { ...group, children: [blankCondition()] }));
  }

  protected remove(node: RuleNode): void {
    this.context.update((rules) => removeNode(rules, node.id ?? ''));
  }

  protected removeSelf(): void {
    this.context.update((rules) => removeNode(rules, this.id()));
  }

  protected move(node: RuleNode, to: number): void {
    this.context.update((rules) => moveNode(rules, node.id ?? '', this.id(), to));
  }

  protected dropped(event: CdkDragDrop<string, string, string>): void {
    this.context.update((rules) => moveNode(rules, event.item.data, event.container.data, event.currentIndex));
  }

  protected dragMoved(event: CdkDragMove<string>): void {
    this.context.trackPointer(event.pointerPosition);
  }

  protected describe(node: RuleNode): string {
    return node.type === 'group' ? 'group' : 'condition';
  }
}

import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { ChipListInput } from '../chip-list-input/chip-list-input';
import { AGGREGATE_OPERATORS, operatorLabel } from '../rule-operators';
import type { AggregateOperator, OrdersCondition, RuleValue, TimeWindow } from '../rule-types';
import { TimeWindowInput } from '../time-window-input/time-window-input';
import { ValueInput } from '../value-input/value-input';

/** The rest of an orders condition: comparison, count or amount, window, and optionally categories/products. */
@Component({
  selector: 'app-orders-condition',
  imports: [MatFormFieldModule, MatSelectModule, ValueInput, TimeWindowInput, ChipListInput],
  template: `
    <mat-form-field class="operator">
      <mat-label>Comparison</mat-label>
      <mat-select [value]="condition().operator" (selectionChange)="setOperator($event.value)">
        @for (op of operators; track op) {
          <mat-option [value]="op">{{ label(op) }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
    <app-value-input
      type="number"
      [operator]="condition().operator"
      [value]="condition().value"
      [label]="condition().measure === 'sum' ? 'Amount' : 'Orders'"
      (valueChange)="setValue($event)"
    />
    <app-time-window-input [window]="condition().window" (windowChange)="setWindow($event)" />
    <div class="items">
      <app-chip-list-input
        label="Only in categories"
        [values]="condition().items?.categories ?? []"
        [suggestions]="categories()"
        (valuesChange)="setItems('categories', $event)"
      />
      <app-chip-list-input
        label="Only of products"
        [values]="condition().items?.products ?? []"
        [suggestions]="products()"
        (valuesChange)="setItems('products', $event)"
      />
    </div>
  `,
  styles: `
    :host {
      display: contents;
    }
    .operator {
      width: 150px;
    }
    .items {
      order: 1;
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      flex-basis: 100%;
    }
    .items > * {
      flex: 1 1 220px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrdersConditionEditor {
  readonly condition = input.required<OrdersCondition>();
  readonly categories = input<readonly string[]>([]);
  readonly products = input<readonly string[]>([]);
  readonly conditionChange = output<OrdersCondition>();

  protected readonly operators = AGGREGATE_OPERATORS;
  protected readonly label = (op: AggregateOperator) => operatorLabel(op, 'number');

  protected setOperator(operator: AggregateOperator): void {
    const value: OrdersCondition['value'] | undefined = this.condition().value;
    const scalar = Array.isArray(value) ? value[0] : value;
    const next: Partial<OrdersCondition> = { ...this.condition(), operator };
    if (scalar === undefined) delete next.value;
    else next.value = operator === 'between' ? [scalar, scalar] : scalar;
    this.conditionChange.emit(next as OrdersCondition);
  }

  protected setValue(value: RuleValue | undefined): void {
    const next: Partial<OrdersCondition> = { ...this.condition(), value: value as OrdersCondition['value'] };
    // Cleared or half a range: a draft without a value, which the API's answer points at.
    if (value === undefined) delete next.value;
    this.conditionChange.emit(next as OrdersCondition);
  }

  protected setWindow(window: TimeWindow): void {
    this.conditionChange.emit({ ...this.condition(), window });
  }

  protected setItems(kind: 'categories' | 'products', values: string[]): void {
    const items = { ...this.condition().items, [kind]: values.length ? values : undefined };
    const empty = !items.categories && !items.products;
    this.conditionChange.emit({ ...this.condition(), items: empty ? undefined : items });
  }
}

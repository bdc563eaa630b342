import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatTooltipModule } from '@angular/material/tooltip';
import { countryName } from '../../../customers/models/format';
import { EventConditionEditor } from '../event-condition/event-condition';
import { OrdersConditionEditor } from '../orders-condition/orders-condition';
import { RuleBuilderContext } from '../rule-builder-context';
import {
  catalogueField,
  choiceLabel,
  choiceOf,
  conditionForChoice,
  dataTypeOf,
  fieldChoices,
  fieldOptions,
  operatorsOf,
} from '../rule-fields';
import { operatorLabel, valueForOperator } from '../rule-operators';
import { updateNode } from '../rule-tree';
import type { AttributeCondition, FieldCondition, RuleCondition, RuleValue, SegmentCondition, ValueOperator } from '../rule-types';
import { ValueInput } from '../value-input/value-input';

const identity = (value: string) => value;

/** One condition: the field picker (grouped by kind), then the inputs that kind of condition needs. */
@Component({
  selector: 'app-rule-condition',
  imports: [
    MatFormFieldModule,
    MatSelectModule,
    MatButtonModule,
    MatIconModule,
    MatTooltipModule,
    ValueInput,
    OrdersConditionEditor,
    EventConditionEditor,
  ],
  templateUrl: './rule-condition.html',
  styleUrl: './rule-condition.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RuleConditionEditor {
  readonly condition = input.required<RuleCondition>();
  readonly remove = output<void>();

  protected readonly context = inject(RuleBuilderContext);
  protected readonly choice = computed(() => choiceOf(this.condition()));
  /** The picker's groups, plus the condition's own field when the data no longer lists it. */
  protected readonly choices = computed(() => {
    const groups = fieldChoices(this.context.catalogue());
    const key = this.choice();
    const listed = !key || groups.some((g) => g.choices.some((c) => c.key === key));
    return listed ? groups : [...groups, { label: 'Not in the data', choices: [{ key, label: choiceLabel(key) }] }];
  });

  /** Field and attribute conditions: an operator and a typed value. */
  protected readonly valueCondition = computed(() => {
    const c = this.condition();
    return (c.type === 'field' && c.field) || c.type === 'attribute' ? (c as FieldCondition | AttributeCondition) : null;
  });
  protected readonly orders = computed(() => {
    const c = this.condition();
    return c.type === 'orders' ? c : null;
  });
  protected readonly event = computed(() => {
    const c = this.condition();
    return c.type === 'event' ? c : null;
  });
  protected readonly segment = computed(() => {
    const c = this.condition();
    return c.type === 'segment' ? c : null;
  });

  protected readonly dataType = computed(() => dataTypeOf(this.condition(), this.context.catalogue()));
  protected readonly operators = computed(() => operatorsOf(this.condition(), this.context.catalogue()));
  protected readonly operatorLabel = (op: ValueOperator) => operatorLabel(op, this.dataType());
  protected readonly options = computed(() => {
    const c = this.condition();
    return c.type === 'field' ? fieldOptions(catalogueField(this.context.catalogue(), c.field), this.context.catalogue()) : [];
  });
  protected readonly display = computed(() => {
    const c = this.condition();
    return c.type === 'field' && c.field === 'profile.country' ? countryName : identity;
  });
  protected readonly categories = computed(() => this.context.catalogue()?.options.categories.map((o) => o.value) ?? []);
  protected readonly products = computed(() => this.context.catalogue()?.options.products.map((o) => o.value) ?? []);
  protected readonly eventProperties = computed(() => {
    const event = this.event()?.event;
    return this.context.catalogue()?.options.eventTypes.find((e) => e.type === event)?.properties ?? [];
  });
  protected readonly segments = computed(() => {
    const id = this.segment()?.segmentId;
    const listed = this.context.segments();
    return !id || listed.some((s) => s.id === id) ? listed : [...listed, { id, name: 'Unknown segment' }];
  });

  protected pick(key: string): void {
    this.replace(conditionForChoice(key, this.condition(), this.context.catalogue()));
  }

  protected setOperator(operator: ValueOperator): void {
    const c = this.valueCondition();
    if (c) this.replace({ ...c, operator, value: valueForOperator(this.dataType(), c.operator, operator, c.value) });
  }

  protected setValue(value: RuleValue | undefined): void {
    const c = this.valueCondition();
    if (c) this.replace({ ...c, value });
  }

  protected setSegment(change: Partial<SegmentCondition>): void {
    const c = this.segment();
    if (c) this.replace({ ...c, ...change });
  }

  protected replace(next: RuleCondition): void {
    this.context.update((rules) => updateNode(rules, this.condition().id ?? '', () => next));
  }
}

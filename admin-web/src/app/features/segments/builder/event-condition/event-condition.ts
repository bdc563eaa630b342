import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTooltipModule } from '@angular/material/tooltip';
import { ATTRIBUTE_TYPE_LABELS, defaultValue } from '../rule-fields';
import { OPERATORS, operatorLabel, valueForOperator } from '../rule-operators';
import type { AttributeValueType, EventCondition, PropertyFilter, RuleValue, TimeWindow, ValueOperator } from '../rule-types';
import { TimeWindowInput } from '../time-window-input/time-window-input';
import { ValueInput } from '../value-input/value-input';

type Frequency = NonNullable<EventCondition['frequency']>;

/** A property of an event type, as the data holds it. */
export interface EventProperty {
  key: string;
  valueType: AttributeValueType;
}

const FREQUENCIES: { value: Frequency['operator']; label: string }[] = [
  { value: 'atLeast', label: 'at least' },
  { value: 'atMost', label: 'at most' },
  { value: 'exactly', label: 'exactly' },
];

/** The rest of an event condition: did / did not, how often, when, and filters on the event's properties. */
@Component({
  selector: 'app-event-condition',
  imports: [
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    MatIconModule,
    MatTooltipModule,
    ValueInput,
    TimeWindowInput,
  ],
  templateUrl: './event-condition.html',
  styleUrl: './event-condition.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EventConditionEditor {
  readonly condition = input.required<EventCondition>();
  readonly properties = input<readonly EventProperty[]>([]);
  readonly conditionChange = output<EventCondition>();

  protected readonly frequencies = FREQUENCIES;
  protected readonly operators = OPERATORS;
  protected readonly operatorLabel = operatorLabel;
  /** No frequency means at least once. */
  protected readonly frequency = computed<Frequency>(() => this.condition().frequency ?? { operator: 'atLeast', times: 1 });
  protected readonly propertyChoices = computed(() =>
    this.properties().map((p) => ({ key: `${p.valueType}:${p.key}`, label: `${p.key} (${ATTRIBUTE_TYPE_LABELS[p.valueType]})` })),
  );

  protected propertyKey(filter: PropertyFilter): string {
    return `${filter.valueType}:${filter.key}`;
  }

  protected setDid(did: boolean): void {
    this.emit({ did });
  }

  protected setFrequency(change: Partial<Frequency>): void {
    const frequency = { ...this.frequency(), ...change };
    const once = frequency.operator === 'atLeast' && frequency.times === 1;
    this.emit({ frequency: once ? undefined : frequency });
  }

  protected setTimes(event: Event): void {
    const times = (event.target as HTMLInputElement).valueAsNumber;
    if (Number.isFinite(times)) this.setFrequency({ times });
  }

  protected setWindow(window: TimeWindow): void {
    this.emit({ window });
  }

  protected addFilter(): void {
    const [first] = this.propertyChoices();
    if (first) this.setFilters([...(this.condition().where ?? []), this.filterFor(first.key)]);
  }

  protected removeFilter(index: number): void {
    const where = (this.condition().where ?? []).filter((_, i) => i !== index);
    this.setFilters(where);
  }

  protected setFilterKey(index: number, key: string): void {
    this.changeFilter(index, () => this.filterFor(key));
  }

  protected setFilterOperator(index: number, operator: ValueOperator): void {
    this.changeFilter(index, (f) => ({ ...f, operator, value: valueForOperator(f.valueType, f.operator, operator, f.value) }));
  }

  protected setFilterValue(index: number, value: RuleValue | undefined): void {
    this.changeFilter(index, (f) => ({ ...f, value }));
  }

  private filterFor(choice: string): PropertyFilter {
    const [type, ...key] = choice.split(':');
    const valueType = type as AttributeValueType;
    const operator = OPERATORS[valueType][0];
    return { key: key.join(':'), valueType, operator, value: defaultValue(valueType, operator) };
  }

  private changeFilter(index: number, change: (filter: PropertyFilter) => PropertyFilter): void {
    this.setFilters((this.condition().where ?? []).map((f, i) => (i === index ? change(f) : f)));
  }

  private setFilters(where: PropertyFilter[]): void {
    this.emit({ where: where.length ? where : undefined });
  }

  private emit(change: Partial<EventCondition>): void {
    this.conditionChange.emit({ ...this.condition(), ...change });
  }
}

import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, output } from '@angular/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ChipListInput } from '../chip-list-input/chip-list-input';
import { fromIsoDay, toIsoDay } from '../rule-dates';
import { DataType, valueShape } from '../rule-operators';
import type { RuleValue, ValueOperator } from '../rule-types';

type Pair<T> = [T | null, T | null];

/** A number typed in an input; undefined when empty or not a number. */
function numberIn(event: Event): number | undefined {
  const value = (event.target as HTMLInputElement).valueAsNumber;
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The value of a condition, with the input its data type and operator call for (see `valueShape`): text,
 * chips, a number, a min–max range, a date or date range picker, a number of days, or the field's options.
 * Emits typed values: numbers as numbers, dates as ISO days; undefined while incomplete.
 */
@Component({
  selector: 'app-value-input',
  imports: [MatFormFieldModule, MatInputModule, MatSelectModule, MatDatepickerModule, ChipListInput],
  templateUrl: './value-input.html',
  styleUrl: './value-input.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ValueInput {
  readonly type = input.required<DataType>();
  readonly operator = input.required<ValueOperator>();
  readonly value = input<RuleValue | undefined>();
  /** The values the data holds for this field (countries, tiers, tags…). */
  readonly options = input<readonly string[]>([]);
  readonly display = input<(value: string) => string>((value) => value);
  /** What the value is of, for the labels ("Value", "Property value"). */
  readonly label = input('Value');
  readonly valueChange = output<RuleValue | undefined>();

  protected readonly shape = computed(() => valueShape(this.type(), this.operator()));
  protected readonly scalar = computed(() => {
    const value = this.value();
    return typeof value === 'string' || typeof value === 'number' ? value : null;
  });
  protected readonly list = computed(() => {
    const value = this.value();
    return Array.isArray(value) ? value.map(String) : [];
  });
  /** The field's options, plus any value the tree holds that the data no longer does. */
  protected readonly choices = computed(() => {
    const held = [...this.list(), ...(typeof this.scalar() === 'string' ? [String(this.scalar())] : [])];
    return [...this.options(), ...held.filter((v) => !this.options().includes(v))];
  });
  protected readonly date = computed(() => fromIsoDay(this.value()));
  /** Halves of a range, kept while only one is filled in (the tree then holds no value). */
  protected readonly range = linkedSignal<RuleValue | undefined, Pair<number>>({
    source: this.value,
    computation: (value, previous) =>
      Array.isArray(value) && value.length === 2 ? [Number(value[0]), Number(value[1])] : (previous?.value ?? [null, null]),
  });
  protected readonly dates = linkedSignal<RuleValue | undefined, Pair<Date>>({
    source: this.value,
    computation: (value, previous) =>
      Array.isArray(value) && value.length === 2 ? [fromIsoDay(value[0]), fromIsoDay(value[1])] : (previous?.value ?? [null, null]),
  });

  protected text(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.valueChange.emit(value === '' ? undefined : value);
  }

  protected number(event: Event): void {
    this.valueChange.emit(numberIn(event));
  }

  protected texts(values: string[]): void {
    this.valueChange.emit(values.length ? values : undefined);
  }

  protected day(date: Date | null): void {
    this.valueChange.emit(toIsoDay(date));
  }

  protected rangeEnd(end: 0 | 1, event: Event): void {
    const range: Pair<number> = [...this.range()];
    range[end] = numberIn(event) ?? null;
    this.range.set(range);
    const [min, max] = range;
    this.valueChange.emit(min !== null && max !== null ? [min, max] : undefined);
  }

  protected dateEnd(end: 0 | 1, date: Date | null): void {
    const dates: Pair<Date> = [...this.dates()];
    dates[end] = date;
    this.dates.set(dates);
    const [from, to] = dates.map(toIsoDay);
    this.valueChange.emit(from && to ? [from, to] : undefined);
  }
}

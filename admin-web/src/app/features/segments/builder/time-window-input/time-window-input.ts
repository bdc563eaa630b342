import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { fromIsoDay, toIsoDay } from '../rule-dates';
import { DEFAULT_DAYS } from '../rule-operators';
import type { TimeWindow } from '../rule-types';

/**
 * When orders or events count: ever, in the last N days, or between two dates. Incomplete inputs (no days,
 * one date) keep the previous window; a day count that is not a whole number above zero is sent as typed,
 * for the API to name.
 */
@Component({
  selector: 'app-time-window-input',
  imports: [MatFormFieldModule, MatInputModule, MatSelectModule, MatDatepickerModule],
  template: `
    <mat-form-field class="kind">
      <mat-label>When</mat-label>
      <mat-select [value]="window().kind" (selectionChange)="kind($event.value)">
        <mat-option value="ever">ever</mat-option>
        <mat-option value="lastDays">in the last … days</mat-option>
        <mat-option value="between">between dates</mat-option>
      </mat-select>
    </mat-form-field>
    @switch (window().kind) {
      @case ('lastDays') {
        <mat-form-field class="days">
          <mat-label>Days</mat-label>
          <input matInput type="number" min="1" step="1" [value]="days()" (input)="setDays($event)" />
        </mat-form-field>
      }
      @case ('between') {
        <mat-form-field class="dates">
          <mat-label>Dates</mat-label>
          <mat-date-range-input [rangePicker]="picker">
            <input matStartDate placeholder="From" aria-label="From" [value]="from()" (dateChange)="setDates($event.value, to())" />
            <input matEndDate placeholder="To" aria-label="To" [value]="to()" (dateChange)="setDates(from(), $event.value)" />
          </mat-date-range-input>
          <mat-datepicker-toggle matIconSuffix [for]="picker" />
          <mat-date-range-picker #picker />
        </mat-form-field>
      }
    }
  `,
  styles: `
    :host {
      display: contents;
    }
    .kind {
      width: 190px;
    }
    .days {
      width: 100px;
    }
    .dates {
      width: 250px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TimeWindowInput {
  readonly window = input.required<TimeWindow>();
  readonly windowChange = output<TimeWindow>();

  protected readonly days = computed(() => {
    const window = this.window();
    return window.kind === 'lastDays' ? window.days : '';
  });
  protected readonly from = computed(() => {
    const window = this.window();
    return window.kind === 'between' ? fromIsoDay(window.from) : null;
  });
  protected readonly to = computed(() => {
    const window = this.window();
    return window.kind === 'between' ? fromIsoDay(window.to) : null;
  });

  protected kind(kind: TimeWindow['kind']): void {
    if (kind === 'ever') this.windowChange.emit({ kind });
    if (kind === 'lastDays') this.windowChange.emit({ kind, days: DEFAULT_DAYS });
    if (kind === 'between') {
      const today = new Date();
      const from = new Date(today.getFullYear(), today.getMonth() - 1, today.getDate());
      this.windowChange.emit({ kind, from: toIsoDay(from) ?? '', to: toIsoDay(today) ?? '' });
    }
  }

  protected setDays(event: Event): void {
    const days = (event.target as HTMLInputElement).valueAsNumber;
    if (Number.isFinite(days)) this.windowChange.emit({ kind: 'lastDays', days });
  }

  protected setDates(from: Date | null, to: Date | null): void {
    const [start, end] = [toIsoDay(from), toIsoDay(to)];
    if (start && end) this.windowChange.emit({ kind: 'between', from: start, to: end });
  }
}

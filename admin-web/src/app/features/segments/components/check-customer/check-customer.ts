import { ChangeDetectionStrategy, Component, inject, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { FILTER_DEBOUNCE_MS } from '../../../../shared/data/reload-on-filter-change';
import type { Customer } from '../../../customers/models/customer-api';
import { customerName } from '../../../customers/models/format';
import { SegmentExplainStore } from '../../data/segment-explain.store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "Check a customer": pick one by name or email (or paste their id) to see why they are in the segment or not. */
@Component({
  selector: 'app-check-customer',
  imports: [ReactiveFormsModule, MatAutocompleteModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <form class="row" (submit)="$event.preventDefault(); checkTyped()">
      <mat-form-field class="grow">
        <mat-label>Customer</mat-label>
        <input matInput [formControl]="query" [matAutocomplete]="auto" placeholder="Name, email or customer id" />
        <mat-autocomplete #auto="matAutocomplete" (optionSelected)="picked($event)">
          @for (c of suggestions(); track c.id) {
            <mat-option [value]="c">
              {{ label(c) }}
              @if (c.email && c.email !== label(c)) {
                <span class="muted"> · {{ c.email }}</span>
              }
            </mat-option>
          }
        </mat-autocomplete>
      </mat-form-field>
      <button mat-stroked-button type="submit" [disabled]="!isId(typed())">Check</button>
    </form>
  `,
  styles: `
    .row {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .grow {
      flex: 1;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CheckCustomer {
  private readonly store = inject(SegmentExplainStore);
  /** The customer to explain, by id. */
  readonly check = output<string>();

  protected readonly query = new FormControl<string | Customer>('', { nonNullable: true });
  protected readonly typed = toSignal(this.query.valueChanges.pipe(map((v) => (typeof v === 'string' ? v.trim() : ''))), {
    initialValue: '',
  });
  protected readonly suggestions = toSignal(
    this.query.valueChanges.pipe(
      debounceTime(FILTER_DEBOUNCE_MS),
      map((v) => (typeof v === 'string' ? v.trim() : '')),
      distinctUntilChanged(),
      switchMap((q) => (q.length < 2 || UUID.test(q) ? of([]) : this.store.searchCustomers(q).pipe(catchError(() => of([]))))),
    ),
    { initialValue: [] as Customer[] },
  );
  protected readonly label = (c: Customer) => customerName(c);
  protected readonly isId = (v: string) => UUID.test(v);

  protected picked(event: MatAutocompleteSelectedEvent): void {
    const customer = event.option.value as Customer;
    this.query.setValue(customerName(customer), { emitEvent: false });
    this.check.emit(customer.id);
  }

  protected checkTyped(): void {
    const id = this.typed();
    if (UUID.test(id)) this.check.emit(id);
  }
}

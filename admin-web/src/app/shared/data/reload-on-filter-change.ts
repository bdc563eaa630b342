import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { debounceTime, Observable } from 'rxjs';

/** The parts of a typed filter FormGroup this needs. */
export interface FilterForm<F> {
  readonly valueChanges: Observable<unknown>;
  readonly valid: boolean;
  getRawValue(): F;
}

/** Wait after the last change to a filter before loading (typing in a search field). */
export const FILTER_DEBOUNCE_MS = 300;

/**
 * Loads `list` again with the form's value once the user stops changing the filters; an invalid
 * value (a half-typed date) is not sent. Call in an injection context (a component's constructor):
 * it stops when the component is destroyed.
 */
export function reloadOnFilterChange<F>(
  form: FilterForm<F>,
  list: { load(filter: F): void },
): void {
  form.valueChanges
    .pipe(debounceTime(FILTER_DEBOUNCE_MS), takeUntilDestroyed())
    .subscribe(() => {
      if (form.valid) list.load(form.getRawValue());
    });
}

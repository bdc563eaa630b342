import { signal } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { Observable } from 'rxjs';
import {
  applyProblemToForm,
  Problem,
  toProblem,
} from '../../core/errors/problem';

export interface SubmitOptions<T> {
  /** Called with the answer, after `pending` has ended (unless `leaves`). */
  done?: (value: T) => void;
  /**
   * Success leaves the form (the dialog closes, the page navigates): it stays pending meanwhile,
   * so it cannot be sent twice.
   */
  leaves?: boolean;
  /**
   * The banner message for a failure that needs its own words. `usual()` does what happens
   * without this: the API's field errors on their controls, and the rest (or the fallback) returned.
   */
  failed?: (problem: Problem, usual: () => string | null) => string | null;
}

/**
 * Sending one form: never while it is invalid (then every field shows its error) or already being
 * sent; `pending` while the request runs; a failure's field errors on their controls and the rest in
 * `error`, for the banner under the form.
 */
export class FormSubmission {
  private readonly _pending = signal(false);
  private readonly _error = signal<string | null>(null);

  readonly pending = this._pending.asReadonly();
  readonly error = this._error.asReadonly();

  /** `fallback` is the banner when the API gives no reason, e.g. "Could not save the role." */
  constructor(
    private readonly form: FormGroup,
    private readonly fallback: string,
  ) {}

  submit<T>(
    request: () => Observable<T>,
    options: SubmitOptions<T> = {},
  ): void {
    if (this.form.invalid || this._pending()) {
      this.form.markAllAsTouched();
      return;
    }
    this._pending.set(true);
    this._error.set(null);
    request().subscribe({
      next: (value) => {
        if (!options.leaves) this._pending.set(false);
        options.done?.(value);
      },
      error: (err: unknown) => {
        this._pending.set(false);
        const problem = toProblem(err);
        const usual = () =>
          applyProblemToForm(this.form, problem, this.fallback);
        this._error.set(
          options.failed ? options.failed(problem, usual) : usual(),
        );
      },
    });
  }
}

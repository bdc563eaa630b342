import { signal } from '@angular/core';
import { Observable, Subscription } from 'rxjs';
import { Problem, toProblem } from '../../core/errors/problem';

/**
 * Loading, loaded and error signals for data a store fetches one request at a time. A newer
 * request cancels the one still running, so an older answer never overwrites a newer one.
 */
export class LoadStatus {
  private readonly _loading = signal(false);
  private readonly _loaded = signal(false);
  private readonly _error = signal<Problem | null>(null);
  private subscription: Subscription | null = null;

  readonly loading = this._loading.asReadonly();
  /** True once a request has finished (with data or an error) since the last `reset()`. */
  readonly loaded = this._loaded.asReadonly();
  readonly error = this._error.asReadonly();

  /** Subscribes to `request` and hands its answer to `apply`; a failure becomes `error`. */
  run<T>(request: Observable<T>, apply: (value: T) => void): void {
    this.subscription?.unsubscribe();
    this._loading.set(true);
    this._error.set(null);
    this.subscription = request.subscribe({
      next: (value) => {
        apply(value);
        this._loaded.set(true);
        this._loading.set(false);
      },
      error: (err: unknown) => {
        this._error.set(toProblem(err));
        this._loaded.set(true);
        this._loading.set(false);
      },
    });
  }

  /** Forgets that anything was loaded (before loading something else, e.g. for a new filter). */
  reset(): void {
    this._loaded.set(false);
  }

  /** Stops the running request, if any: no longer loading, no error. */
  cancel(): void {
    this.subscription?.unsubscribe();
    this._loading.set(false);
    this._error.set(null);
  }
}

import { defer, Observable, ObservableInput, ObservedValueOf } from 'rxjs';

/**
 * Runs a generated-client call lazily, on subscribe, as an Observable.
 *
 * The generated services may return Promises (ng-openapi-gen's `promises` default) or
 * Observables; stores compose with RxJS either way, and nothing is sent before someone
 * subscribes. Unsubscribing ignores a late Promise result (the request itself then runs on).
 */
export function call<R extends ObservableInput<unknown>>(
  request: () => R,
): Observable<ObservedValueOf<R>> {
  return defer(request);
}

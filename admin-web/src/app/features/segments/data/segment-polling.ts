import { InjectionToken } from '@angular/core';
import { concat, EMPTY, exhaustMap, Observable, of, takeWhile, timer } from 'rxjs';

/** How often a refresh in progress (or a segment waiting for one) is checked. */
export const SEGMENT_POLL_MS = new InjectionToken<number>('SEGMENT_POLL_MS', { factory: () => 1500 });

/**
 * Emits `first`, then — while `underWay` holds for the latest value — `check()` every `everyMs`,
 * until a value no longer under way (which is emitted too). A slow answer is awaited, not cancelled
 * by the next tick.
 */
export function pollWhile<T>(first: T, check: () => Observable<T>, underWay: (value: T) => boolean, everyMs: number): Observable<T> {
  return concat(of(first), underWay(first) ? timer(everyMs, everyMs).pipe(exhaustMap(check), takeWhile(underWay, true)) : EMPTY);
}

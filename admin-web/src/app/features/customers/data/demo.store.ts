import { inject, Injectable, InjectionToken, signal } from '@angular/core';
import { DemoService } from '@lodestar/contracts';
import {
  concat,
  EMPTY,
  exhaustMap,
  Observable,
  of,
  switchMap,
  takeWhile,
  tap,
  timer,
} from 'rxjs';
import { call } from '../../../core/api/call';
import type { DemoStatus } from '../models/customer-api';

/** How often a running demo load is checked. */
export const DEMO_POLL_MS = new InjectionToken<number>('DEMO_POLL_MS', {
  factory: () => 1000,
});

export const demoUnderWay = (s: DemoStatus | null) =>
  s?.state === 'queued' || s?.state === 'running';

/** Loading the demo data into an empty workspace, and following its progress. */
@Injectable()
export class DemoStore {
  private readonly api = inject(DemoService);
  private readonly pollMs = inject(DEMO_POLL_MS);

  private readonly _status = signal<DemoStatus | null>(null);
  readonly status = this._status.asReadonly();

  /** Starts the load; emits its status until it has completed or failed. */
  start(): Observable<DemoStatus> {
    return this.follow(call(() => this.api.loadDemoData()));
  }

  /** Where a load stands (one may be running: started by someone else, or before a reload). */
  check(): Observable<DemoStatus> {
    return this.follow(call(() => this.api.getDemoStatus()));
  }

  private follow(first: Observable<DemoStatus>): Observable<DemoStatus> {
    return first.pipe(
      switchMap((status) =>
        concat(
          of(status),
          demoUnderWay(status)
            ? timer(this.pollMs, this.pollMs).pipe(
                // A slow answer is awaited, not cancelled by the next tick.
                exhaustMap(() => call(() => this.api.getDemoStatus())),
                takeWhile((s) => demoUnderWay(s), true),
              )
            : EMPTY,
        ),
      ),
      tap((status) => this._status.set(status)),
    );
  }
}

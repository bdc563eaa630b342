import { computed, inject, Injectable } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { SegmentsService } from '@lodestar/contracts';
import { catchError, EMPTY, exhaustMap, filter, forkJoin, interval } from 'rxjs';
import { call } from '../../../core/api/call';
import { injectCursorList } from '../../../shared/data/cursor-list';
import type { SegmentSummary } from '../models/segment-api';
import { awaitingMembers } from '../models/segment-status';
import { SEGMENT_POLL_MS } from './segment-polling';

export const SEGMENT_PAGE_SIZE = 25;

/** The segment list, searched by name, newest first; segments waiting for their membership are followed until it is there. */
@Injectable()
export class SegmentsStore {
  private readonly api = inject(SegmentsService);

  /** The filter is the name search ('' for every segment). */
  readonly list = injectCursorList<SegmentSummary, string>(
    (search, cursor) => call(() => this.api.listSegments({ search: search || undefined, cursor, limit: SEGMENT_PAGE_SIZE })),
    '',
  );
  private readonly waiting = computed(() => this.list.items().filter(awaitingMembers));

  constructor() {
    interval(inject(SEGMENT_POLL_MS))
      .pipe(
        filter(() => this.waiting().length > 0),
        // A failed check is retried at the next tick.
        exhaustMap(() => forkJoin(this.waiting().map((s) => call(() => this.api.getSegment({ id: s.id })))).pipe(catchError(() => EMPTY))),
        takeUntilDestroyed(),
      )
      .subscribe((updated) => updated.forEach((s) => this.list.replace((x) => x.id === s.id, s)));
  }
}

import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { SegmentsService } from '@lodestar/contracts';
import { map, Observable, Subscription, switchMap, tap } from 'rxjs';
import { call } from '../../../core/api/call';
import { injectCursorList } from '../../../shared/data/cursor-list';
import { LoadStatus } from '../../../shared/data/load-status';
import type { SegmentFields } from '../builder/rule-types';
import type { SegmentBreakdown, SegmentDetail, SegmentHistoryPoint, SegmentMember, SegmentRefresh } from '../models/segment-api';
import { awaitingMembers, refreshUnderWay } from '../models/segment-status';
import { pollWhile, SEGMENT_POLL_MS } from './segment-polling';

export const MEMBER_PAGE_SIZE = 25;

/**
 * One segment for its detail page: the definition and state, size history, breakdown, members (paged),
 * the field catalogue for reading the rules; refresh now (followed until done), export, delete.
 */
@Injectable()
export class SegmentStore {
  private readonly api = inject(SegmentsService);
  private readonly pollMs = inject(SEGMENT_POLL_MS);

  private readonly _segment = signal<SegmentDetail | null>(null);
  private readonly status = new LoadStatus();
  readonly segment = this._segment.asReadonly();
  readonly loading = this.status.loading;
  readonly error = this.status.error;

  private readonly _history = signal<SegmentHistoryPoint[] | null>(null);
  private readonly historyStatus = new LoadStatus();
  readonly history = this._history.asReadonly();
  readonly historyError = this.historyStatus.error;

  private readonly _breakdown = signal<SegmentBreakdown | null>(null);
  private readonly breakdownStatus = new LoadStatus();
  readonly breakdown = this._breakdown.asReadonly();
  readonly breakdownError = this.breakdownStatus.error;

  private readonly _catalogue = signal<SegmentFields | null>(null);
  /** Field labels for the rules summary; null until loaded (the summary then names fields by key). */
  readonly catalogue = this._catalogue.asReadonly();

  private readonly _refresh = signal<SegmentRefresh | null>(null);
  /** The refresh started here, as last seen. */
  readonly refresh = this._refresh.asReadonly();

  /** The members of segment `id` (the filter), as of its last refresh. */
  readonly members = injectCursorList<SegmentMember, string>(
    (id, cursor) => call(() => this.api.listSegmentMembers({ id, cursor, limit: MEMBER_PAGE_SIZE })),
    '',
  );

  private id = '';
  /** Following a segment whose membership is being computed (e.g. just created from a playbook). */
  private watch: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.watch?.unsubscribe());
  }

  open(id: string): void {
    this.id = id;
    this._segment.set(null);
    this._refresh.set(null);
    this.load();
    this.loadMembership();
    if (!this._catalogue()) {
      call(() => this.api.getSegmentFields()).subscribe({
        next: (fields) => this._catalogue.set(fields),
        // Without the catalogue the summary names fields by their keys.
        error: () => undefined,
      });
    }
  }

  /** The definition and state again (Try again); followed while the membership is being computed. */
  load(): void {
    this.watch?.unsubscribe();
    this.status.run(
      call(() => this.api.getSegment({ id: this.id })),
      (segment) => {
        this._segment.set(segment);
        if (awaitingMembers(segment)) this.follow(segment);
      },
    );
  }

  /**
   * Asks for a full refresh now and follows it: emits its progress until it has completed or failed,
   * then shows the new membership, history and breakdown.
   */
  refreshNow(): Observable<SegmentRefresh> {
    const id = this.id;
    this.watch?.unsubscribe();
    return call(() => this.api.refreshSegment({ id })).pipe(
      switchMap((first) =>
        pollWhile(first, () => call(() => this.api.getSegmentRefresh({ id, refreshId: first.id })), refreshUnderWay, this.pollMs),
      ),
      tap((refresh) => {
        this._refresh.set(refresh);
        if (refreshUnderWay(refresh)) return;
        this.load();
        this.loadMembership();
      }),
    );
  }

  /** Every member as CSV. */
  exportCsv(): Observable<Blob> {
    return call(() => this.api.exportSegmentMembers({ id: this.id }));
  }

  delete(): Observable<void> {
    return call(() => this.api.deleteSegment({ id: this.id })).pipe(map(() => undefined));
  }

  private follow(segment: SegmentDetail): void {
    this.watch = pollWhile<SegmentDetail>(
      segment,
      () => call(() => this.api.getSegment({ id: segment.id })),
      awaitingMembers,
      this.pollMs,
    ).subscribe({
      next: (next) => {
        this._segment.set(next);
        if (!awaitingMembers(next)) this.loadMembership();
      },
      // The page keeps what it shows; Refresh or a reload checks again.
      error: () => undefined,
    });
  }

  private loadMembership(): void {
    const id = this.id;
    this.members.load(id);
    this.historyStatus.run(
      call(() => this.api.getSegmentSizeHistory({ id })),
      (history) => this._history.set(history.points),
    );
    this.breakdownStatus.run(
      call(() => this.api.getSegmentBreakdown({ id })),
      (breakdown) => this._breakdown.set(breakdown),
    );
  }
}

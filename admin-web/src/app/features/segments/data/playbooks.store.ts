import { HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import { SegmentsService } from '@lodestar/contracts';
import { catchError, map, Observable, tap, throwError } from 'rxjs';
import { call } from '../../../core/api/call';
import { LoadStatus } from '../../../shared/data/load-status';
import type { SegmentPlaybook } from '../models/segment-api';

/** What "Create segment" on a playbook led to: a new segment, or the one that already had its name. */
export interface PlaybookSegment {
  segmentId: string;
  created: boolean;
}

/** The playbook gallery: ready-made segments with the customers they match now, created in one click. */
@Injectable()
export class PlaybooksStore {
  private readonly api = inject(SegmentsService);

  private readonly _playbooks = signal<SegmentPlaybook[]>([]);
  private readonly status = new LoadStatus();
  readonly playbooks = this._playbooks.asReadonly();
  readonly loading = this.status.loading;
  readonly loaded = this.status.loaded;
  readonly error = this.status.error;

  load(): void {
    this.status.run(
      call(() => this.api.listSegmentPlaybooks()),
      (playbooks) => this._playbooks.set(playbooks),
    );
  }

  /**
   * Creates the playbook's segment. When its name is taken (409: created meanwhile, here or elsewhere),
   * the segment of that name is looked up instead; either way the playbook then links to it.
   */
  create(playbook: SegmentPlaybook): Observable<PlaybookSegment> {
    return call(() => this.api.createSegmentFromPlaybook({ key: playbook.key, body: {} })).pipe(
      map((segment): PlaybookSegment => ({ segmentId: segment.id, created: true })),
      catchError((err: unknown) =>
        err instanceof HttpErrorResponse && err.status === 409 ? this.named(playbook.name, err) : throwError(() => err),
      ),
      tap((result) => this.linkTo(playbook.key, result.segmentId)),
    );
  }

  private linkTo(key: string, segmentId: string): void {
    this._playbooks.update((all) => all.map((p) => (p.key === key ? { ...p, segmentId } : p)));
  }

  /** The segment named exactly `name`; the original error when there is none (the name was freed meanwhile). */
  private named(name: string, conflict: HttpErrorResponse): Observable<PlaybookSegment> {
    return call(() => this.api.listSegments({ search: name, limit: 20 })).pipe(
      map((page) => {
        const segment = page.items.find((s) => s.name === name);
        if (!segment) throw conflict;
        return { segmentId: segment.id, created: false };
      }),
    );
  }
}

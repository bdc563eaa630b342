import { inject, Injectable, signal } from '@angular/core';
import { AuditService, UsersService } from '@lodestar/contracts';
import { map, Observable } from 'rxjs';
import type { AuditEvent } from '../../../core/api/models';
import { SessionStore } from '../../../core/auth/session.store';
import { injectCursorList } from '../../../shared/data/cursor-list';
import {
  AuditFilter,
  EMPTY_AUDIT_FILTER,
  toAuditQuery,
} from '../models/audit-filter';
import { call } from '../../../core/api/call';

export interface ActorOption {
  id: string;
  label: string;
}

/** The audit log: filtered, paged, exportable as CSV. */
@Injectable()
export class AuditStore {
  private readonly api = inject(AuditService);
  private readonly users = inject(UsersService);
  private readonly session = inject(SessionStore);

  readonly list = injectCursorList<AuditEvent, AuditFilter>(
    (filter, cursor) =>
      call(() =>
        this.api.listAuditEvents({
          ...toAuditQuery(filter),
          cursor,
          limit: 50,
        }),
      ),
    EMPTY_AUDIT_FILTER,
  );

  private readonly _actors = signal<ActorOption[] | null>(null);
  /** Members to filter by; null when the user may not list members (then the filter takes an id). */
  readonly actors = this._actors.asReadonly();

  loadActors(): void {
    if (!this.session.can('users:read')) return;
    call(() => this.users.listUsers({ limit: 100 })).subscribe({
      next: (page) =>
        this._actors.set(
          page.items.map((m) => ({
            id: m.id,
            label: m.name ? `${m.name} (${m.email})` : m.email,
          })),
        ),
      error: () => this._actors.set(null),
    });
  }

  exportCsv(filter: AuditFilter): Observable<Blob> {
    return call(() => this.api.exportAuditEvents(toAuditQuery(filter))).pipe(
      map((csv) => new Blob([csv], { type: 'text/csv;charset=utf-8' })),
    );
  }
}

import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { EmailService } from '@lodestar/contracts';
import { Subscription } from 'rxjs';
import type { EmailMessage, EmailMessageDetail } from '../../../core/api/models';
import { Problem, toProblem } from '../../../core/errors/problem';
import { CursorList } from '../../../shared/data/cursor-list';

export type EmailStatusFilter = '' | 'queued' | 'sent' | 'failed';

export interface EmailFilter {
  to: string;
  template: string;
  status: EmailStatusFilter;
}

/** The platform email log (the sandbox inbox when no provider is configured). */
@Injectable()
export class EmailStore {
  private readonly api = inject(EmailService);

  readonly list = new CursorList<EmailMessage, EmailFilter>(
    (filter, cursor) =>
      this.api.listEmailMessages({
        to: filter.to.trim() || undefined,
        template: filter.template.trim() || undefined,
        status: filter.status || undefined,
        cursor,
        limit: 50,
      }),
    { to: '', template: '', status: '' },
  );

  private readonly _selected = signal<EmailMessageDetail | null>(null);
  private readonly _selectedId = signal<string | null>(null);
  private readonly _detailLoading = signal(false);
  private readonly _detailError = signal<Problem | null>(null);
  private detailSubscription: Subscription | null = null;

  readonly selected = this._selected.asReadonly();
  readonly selectedId = this._selectedId.asReadonly();
  readonly detailLoading = this._detailLoading.asReadonly();
  readonly detailError = this._detailError.asReadonly();

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.list.destroy();
      this.detailSubscription?.unsubscribe();
    });
  }

  select(id: string | null): void {
    this.detailSubscription?.unsubscribe();
    this._selectedId.set(id);
    this._selected.set(null);
    this._detailError.set(null);
    if (!id) return;
    this._detailLoading.set(true);
    this.detailSubscription = this.api.getEmailMessage({ id }).subscribe({
      next: (detail) => {
        this._selected.set(detail);
        this._detailLoading.set(false);
      },
      error: (err: unknown) => {
        this._detailError.set(toProblem(err));
        this._detailLoading.set(false);
      },
    });
  }
}

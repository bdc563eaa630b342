import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { EmailService } from '@lodestar/contracts';
import { Subscription } from 'rxjs';
import type {
  EmailMessage,
  EmailMessageDetail,
  EmailStatus,
  EmailTemplate,
} from '../../../core/api/models';
import { Problem, toProblem } from '../../../core/errors/problem';
import { CursorList } from '../../../shared/data/cursor-list';
import { call } from '../../../core/api/call';

export type EmailStatusFilter = '' | EmailStatus;
export type EmailTemplateFilter = '' | EmailTemplate;

/** Templates to filter by (typed against the contract, so a renamed template fails the build). */
export const EMAIL_TEMPLATES: readonly {
  value: EmailTemplate;
  label: string;
}[] = [
  { value: 'invitation', label: 'Invitation' },
  { value: 'password-reset', label: 'Password reset' },
];

export interface EmailFilter {
  to: string;
  template: EmailTemplateFilter;
  status: EmailStatusFilter;
}

/** The platform email log (the sandbox inbox when no provider is configured). */
@Injectable()
export class EmailStore {
  private readonly api = inject(EmailService);

  readonly list = new CursorList<EmailMessage, EmailFilter>(
    (filter, cursor) =>
      call(() =>
        this.api.listEmailMessages({
          to: filter.to.trim() || undefined,
          template: filter.template || undefined,
          status: filter.status || undefined,
          cursor,
          limit: 50,
        }),
      ),
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
    this.detailSubscription = call(() =>
      this.api.getEmailMessage({ id }),
    ).subscribe({
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

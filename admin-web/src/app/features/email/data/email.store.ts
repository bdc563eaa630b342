import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { EmailService } from '@lodestar/contracts';
import type {
  EmailMessage,
  EmailMessageDetail,
  EmailStatus,
  EmailTemplate,
} from '../../../core/api/models';
import { injectCursorList } from '../../../shared/data/cursor-list';
import { LoadStatus } from '../../../shared/data/load-status';
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

  readonly list = injectCursorList<EmailMessage, EmailFilter>(
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
  private readonly detail = new LoadStatus();

  readonly selected = this._selected.asReadonly();
  readonly selectedId = this._selectedId.asReadonly();
  readonly detailLoading = this.detail.loading;
  readonly detailError = this.detail.error;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.detail.cancel());
  }

  select(id: string | null): void {
    this.detail.cancel();
    this._selectedId.set(id);
    this._selected.set(null);
    if (!id) return;
    this.detail.run(
      call(() => this.api.getEmailMessage({ id })),
      (detail) => this._selected.set(detail),
    );
  }
}

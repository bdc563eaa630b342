import { inject, Injectable } from '@angular/core';
import { InvitationsService } from '@lodestar/contracts';
import { Observable, tap } from 'rxjs';
import type { Invitation } from '../../../core/api/models';
import { injectCursorList } from '../../../shared/data/cursor-list';
import { call } from '../../../core/api/call';

export type InvitationStatusFilter =
  | 'pending'
  | 'accepted'
  | 'revoked'
  | 'expired'
  | 'all';

export interface InvitationFilter {
  status: InvitationStatusFilter;
}

/** Invitations: list by status, invite, revoke. */
@Injectable()
export class InvitationsStore {
  private readonly api = inject(InvitationsService);

  readonly list = injectCursorList<Invitation, InvitationFilter>(
    (filter, cursor) =>
      call(() =>
        this.api.listInvitations({
          status: filter.status === 'all' ? undefined : filter.status,
          cursor,
          limit: 50,
        }),
      ),
    { status: 'pending' },
  );

  invite(email: string, roleId: string): Observable<Invitation> {
    return call(() =>
      this.api.createInvitation({ body: { email, roleId } }),
    ).pipe(
      tap((invitation) => {
        const status = this.list.filter().status;
        if (status === 'all' || status === invitation.status)
          this.list.prepend(invitation);
      }),
    );
  }

  revoke(invitation: Invitation): Observable<void> {
    return call(() => this.api.revokeInvitation({ id: invitation.id })).pipe(
      tap(() => {
        if (this.list.filter().status === 'pending')
          this.list.remove((i) => i.id === invitation.id);
        else
          this.list.replace((i) => i.id === invitation.id, {
            ...invitation,
            status: 'revoked',
          });
      }),
    );
  }
}

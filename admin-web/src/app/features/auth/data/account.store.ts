import { inject, Injectable } from '@angular/core';
import { AuthService } from '@lodestar/contracts';
import { Observable, switchMap } from 'rxjs';
import type { InvitationPreview, Me } from '../../../core/api/models';
import { publicRequest } from '../../../core/auth/auth-context';
import { SessionStore } from '../../../core/auth/session.store';
import { call } from '../../../core/api/call';

/** The public, signed-out flows: password reset and invitation acceptance. */
@Injectable({ providedIn: 'root' })
export class AccountStore {
  private readonly auth = inject(AuthService);
  private readonly session = inject(SessionStore);

  requestPasswordReset(email: string): Observable<void> {
    return call(() =>
      this.auth.requestPasswordReset({ body: { email } }, publicRequest()),
    );
  }

  confirmPasswordReset(token: string, password: string): Observable<void> {
    return call(() =>
      this.auth.confirmPasswordReset(
        { body: { token, password } },
        publicRequest(),
      ),
    );
  }

  previewInvitation(token: string): Observable<InvitationPreview> {
    return call(() =>
      this.auth.getInvitationByToken({ token }, publicRequest()),
    );
  }

  /** Accepts the invitation and signs the new member in. */
  acceptInvitation(
    token: string,
    name: string,
    password: string,
  ): Observable<Me> {
    return call(() =>
      this.auth.acceptInvitation(
        { body: { token, name, password } },
        publicRequest(),
      ),
    ).pipe(switchMap((tokens) => this.session.startSession(tokens)));
  }
}

import { inject, Injectable } from '@angular/core';
import { MeService } from '@lodestar/contracts';
import { Observable, tap } from 'rxjs';
import type { Me } from '../../../core/api/models';
import { SessionStore } from '../../../core/auth/session.store';
import { call } from '../../../core/api/call';

/** The signed-in user's own account. */
@Injectable()
export class ProfileStore {
  private readonly api = inject(MeService);
  private readonly session = inject(SessionStore);

  updateName(name: string): Observable<Me> {
    return call(() => this.api.updateMe({ body: { name } })).pipe(
      tap((me) => this.session.setMe(me)),
    );
  }

  changePassword(
    currentPassword: string,
    newPassword: string,
  ): Observable<void> {
    return call(() =>
      this.api.changePassword({ body: { currentPassword, newPassword } }),
    );
  }
}

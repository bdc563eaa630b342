import { inject, Injectable } from '@angular/core';
import { UsersService } from '@lodestar/contracts';
import { Observable, tap } from 'rxjs';
import type { Member } from '../../../core/api/models';
import { injectCursorList } from '../../../shared/data/cursor-list';
import { call } from '../../../core/api/call';

export type ActiveFilter = 'all' | 'active' | 'inactive';

export interface MemberFilter {
  q: string;
  roleId: string;
  active: ActiveFilter;
}

export const MEMBERS_PAGE_SIZE = 25;

/** Workspace members: search, filter, page, change role, deactivate/reactivate. */
@Injectable()
export class MembersStore {
  private readonly api = inject(UsersService);

  readonly list = injectCursorList<Member, MemberFilter>(
    (filter, cursor) =>
      call(() =>
        this.api.listUsers({
          q: filter.q.trim() || undefined,
          roleId: filter.roleId || undefined,
          active:
            filter.active === 'all' ? undefined : filter.active === 'active',
          cursor,
          limit: MEMBERS_PAGE_SIZE,
        }),
      ),
    { q: '', roleId: '', active: 'all' },
  );

  update(
    member: Member,
    changes: { roleId?: string; active?: boolean },
  ): Observable<Member> {
    return call(() =>
      this.api.updateMember({ id: member.id, body: changes }),
    ).pipe(
      tap((updated) => this.list.replace((m) => m.id === member.id, updated)),
    );
  }

  /** Re-renders a row with its last known value (after a failed change, resets a select). */
  reset(member: Member): void {
    this.list.replace((m) => m.id === member.id, { ...member });
  }
}

import { computed, inject, Injectable, signal } from '@angular/core';
import { RolesService } from '@lodestar/contracts';
import { forkJoin, Observable, tap } from 'rxjs';
import type { PermissionInfo, Role } from '../../../core/api/models';
import { call } from '../../../core/api/call';
import { LoadStatus } from '../../../shared/data/load-status';

export interface RoleInput {
  name: string;
  description: string;
  permissions: string[];
}

/** Roles (built-in and custom) and the permission catalogue. */
@Injectable()
export class RolesStore {
  private readonly api = inject(RolesService);

  private readonly _roles = signal<Role[]>([]);
  private readonly _permissions = signal<PermissionInfo[]>([]);
  private readonly status = new LoadStatus();

  readonly roles = this._roles.asReadonly();
  readonly permissions = this._permissions.asReadonly();
  readonly loading = this.status.loading;
  readonly loaded = this.status.loaded;
  readonly error = this.status.error;
  readonly customRoles = computed(() =>
    this._roles().filter((r) => !r.builtIn),
  );

  load(): void {
    this.status.run(
      forkJoin({
        roles: call(() => this.api.listRoles()),
        permissions: call(() => this.api.listPermissions()),
      }),
      ({ roles, permissions }) => {
        this._roles.set(roles);
        this._permissions.set(permissions);
      },
    );
  }

  create(input: RoleInput): Observable<Role> {
    return call(() =>
      this.api.createRole({
        body: {
          name: input.name,
          description: input.description || undefined,
          permissions: input.permissions,
        },
      }),
    ).pipe(tap((role) => this._roles.update((roles) => [...roles, role])));
  }

  update(role: Role, input: RoleInput): Observable<Role> {
    return call(() =>
      this.api.updateRole({
        id: role.id,
        body: {
          name: input.name,
          description: input.description,
          permissions: input.permissions,
        },
      }),
    ).pipe(
      tap((updated) =>
        this._roles.update((roles) =>
          roles.map((r) => (r.id === role.id ? updated : r)),
        ),
      ),
    );
  }

  delete(role: Role): Observable<void> {
    return call(() => this.api.deleteRole({ id: role.id })).pipe(
      tap(() =>
        this._roles.update((roles) => roles.filter((r) => r.id !== role.id)),
      ),
    );
  }
}

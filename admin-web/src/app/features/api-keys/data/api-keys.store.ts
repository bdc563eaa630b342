import { computed, inject, Injectable, signal } from '@angular/core';
import { ApiKeysService, RolesService } from '@lodestar/contracts';
import { catchError, map, Observable, of, tap } from 'rxjs';
import type {
  ApiKey,
  CreatedApiKey,
  PermissionInfo,
} from '../../../core/api/models';
import { SessionStore } from '../../../core/auth/session.store';
import { call } from '../../../core/api/call';
import { LoadStatus } from '../../../shared/data/load-status';

export type ApiKeyStatus = 'active' | 'expired' | 'revoked';

export function apiKeyStatus(key: ApiKey, now = Date.now()): ApiKeyStatus {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && Date.parse(key.expiresAt) <= now) return 'expired';
  return 'active';
}

export interface NewApiKey {
  name: string;
  permissions: string[];
  expiresAt: Date | null;
}

/** API keys for integrators: list, issue (secret returned once), revoke. */
@Injectable()
export class ApiKeysStore {
  private readonly api = inject(ApiKeysService);
  private readonly roles = inject(RolesService);
  private readonly session = inject(SessionStore);

  private readonly _keys = signal<ApiKey[]>([]);
  private readonly status = new LoadStatus();

  readonly keys = this._keys.asReadonly();
  readonly loading = this.status.loading;
  readonly loaded = this.status.loaded;
  readonly error = this.status.error;
  readonly activeCount = computed(
    () => this._keys().filter((k) => apiKeyStatus(k) === 'active').length,
  );

  load(): void {
    this.status.run(
      call(() => this.api.listApiKeys()),
      (keys) => this._keys.set(keys),
    );
  }

  /**
   * Permissions a key may be given: those the signed-in user holds, described by the catalogue
   * when the user may read it.
   */
  grantablePermissions(): Observable<PermissionInfo[]> {
    const held = [...this.session.permissions()];
    const bare = held.map((key) => ({ key, description: '' }));
    if (!this.session.can('users:read')) return of(bare);
    return call(() => this.roles.listPermissions()).pipe(
      map((catalogue) =>
        catalogue.filter((p) => this.session.permissions().has(p.key)),
      ),
      catchError(() => of(bare)),
    );
  }

  create(input: NewApiKey): Observable<CreatedApiKey> {
    return call(() =>
      this.api.createApiKey({
        body: {
          name: input.name,
          permissions: input.permissions,
          expiresAt: input.expiresAt
            ? input.expiresAt.toISOString()
            : undefined,
        },
      }),
    ).pipe(
      tap((created) => this._keys.update((keys) => [created.apiKey, ...keys])),
    );
  }

  revoke(key: ApiKey): Observable<void> {
    return call(() => this.api.revokeApiKey({ id: key.id })).pipe(
      tap(() =>
        this._keys.update((keys) =>
          keys.map((k) =>
            k.id === key.id ? { ...k, revokedAt: new Date().toISOString() } : k,
          ),
        ),
      ),
    );
  }
}

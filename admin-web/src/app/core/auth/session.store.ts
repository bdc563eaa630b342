import { HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import { AuthService, MeService } from '@lodestar/contracts';
import {
  catchError,
  finalize,
  map,
  Observable,
  of,
  shareReplay,
  switchMap,
  tap,
  throwError,
} from 'rxjs';
import type { Me, MyWorkspace, TokenResponse, Workspace } from '../api/models';
import { firstAllowedPath } from '../shell/navigation';
import { publicRequest } from './auth-context';
import type { Permission } from './permission';
import { StoredTokens, TOKEN_STORAGE } from './token-storage';
import { call } from '../api/call';

/**
 * The signed-in session: tokens (mirrored to localStorage), the current user, workspace and
 * permissions (from `getMe`), and the single-flight token refresh the interceptor relies on.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly auth = inject(AuthService);
  private readonly meApi = inject(MeService);
  private readonly router = inject(Router);
  private readonly storage = inject(TOKEN_STORAGE);

  private readonly tokens = signal<StoredTokens | null>(this.storage.read());
  private readonly _me = signal<Me | null>(null);
  private refreshing: Observable<string> | null = null;

  readonly me = this._me.asReadonly();
  readonly accessToken = computed(() => this.tokens()?.accessToken ?? null);
  readonly hasTokens = computed(() => this.tokens() !== null);
  readonly user = computed(() => this._me()?.user ?? null);
  readonly workspace = computed(() => this._me()?.workspace ?? null);
  readonly role = computed(() => this._me()?.role ?? null);
  /** The user's other workspaces, those they may switch to. */
  readonly otherWorkspaces = computed<MyWorkspace[]>(() => {
    const me = this._me();
    return me ? me.workspaces.filter((w) => w.id !== me.workspace.id) : [];
  });
  readonly permissions = computed(
    () => new Set<string>(this._me()?.permissions ?? []),
  );

  can(permission: Permission): boolean {
    return this.permissions().has(permission);
  }

  /** Signs in with email and password, then loads who the user is. */
  signIn(email: string, password: string): Observable<Me> {
    return call(() =>
      this.auth.login({ body: { email, password } }, publicRequest()),
    ).pipe(switchMap((tokens) => this.startSession(tokens)));
  }

  /** Starts a session from tokens obtained elsewhere (accepting an invitation). */
  startSession(tokens: TokenResponse): Observable<Me> {
    this.setTokens(tokens);
    return this.loadMe();
  }

  loadMe(): Observable<Me> {
    return call(() => this.meApi.getMe()).pipe(tap((me) => this._me.set(me)));
  }

  /** Replaces the cached user after a profile change. */
  setMe(me: Me): void {
    this._me.set(me);
  }

  /** Shows a renamed current workspace everywhere (toolbar, account menu) without reloading `getMe`. */
  workspaceRenamed(workspace: Pick<Workspace, 'id' | 'name'>): void {
    this._me.update((me) =>
      me && me.workspace.id === workspace.id
        ? {
            ...me,
            workspace: { ...me.workspace, name: workspace.name },
            workspaces: me.workspaces.map((w) =>
              w.id === workspace.id ? { ...w, name: workspace.name } : w,
            ),
          }
        : me,
    );
  }

  /**
   * Moves to another of the user's workspaces: the API ends this session and issues one there,
   * whose tokens replace these; then loads who the user is there and goes to the first page their
   * role there may read. If the new session's `getMe` fails, the cached user is dropped and `/`
   * (whose guard loads it again, or sends to /login) takes over; the error still reaches the caller.
   */
  switchWorkspace(workspaceId: string): Observable<Me> {
    return call(() =>
      this.meApi.switchWorkspace({ body: { workspaceId } }),
    ).pipe(
      switchMap((tokens) =>
        this.startSession(tokens).pipe(
          catchError((err: unknown) => {
            this._me.set(null);
            void this.router.navigateByUrl('/');
            return throwError(() => err);
          }),
        ),
      ),
      tap(() => void this.router.navigateByUrl(firstAllowedPath(this))),
    );
  }

  /**
   * Resolves to true when there is a usable session (loading `getMe` if needed), false when
   * there is none. A failed load ends the session (the interceptor has already tried a refresh).
   */
  ensureMe(): Observable<boolean> {
    if (this._me()) return of(true);
    if (!this.tokens()) return of(false);
    return this.loadMe().pipe(
      map(() => true),
      catchError(() => {
        this.clear();
        return of(false);
      }),
    );
  }

  /**
   * Exchanges the refresh token for a new pair. Concurrent callers share one request, so a burst
   * of 401s rotates the refresh token once. A rejected refresh ends the session.
   */
  refreshAccessToken(): Observable<string> {
    if (this.refreshing) return this.refreshing;
    const refreshToken = this.tokens()?.refreshToken;
    if (!refreshToken) return throwError(() => new Error('No refresh token'));

    this.refreshing = call(() =>
      this.auth.refreshToken({ body: { refreshToken } }, publicRequest()),
    ).pipe(
      map((tokens) => {
        this.setTokens(tokens);
        return tokens.accessToken;
      }),
      catchError((err: unknown) => {
        // A network failure or a server error says nothing about the refresh token; keep it.
        const rejected =
          err instanceof HttpErrorResponse &&
          err.status >= 400 &&
          err.status < 500;
        if (rejected) this.expire();
        return throwError(() => err);
      }),
      finalize(() => (this.refreshing = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshing;
  }

  /** Signs out: revokes the refresh token (best effort), forgets the session, goes to /login. */
  signOut(): void {
    const refreshToken = this.tokens()?.refreshToken;
    if (refreshToken) {
      call(() =>
        this.auth.logout({ body: { refreshToken } }, publicRequest()),
      ).subscribe({ error: () => undefined });
    }
    this.clear();
    void this.router.navigate(['/login']);
  }

  /** The session can no longer be refreshed: forget it and ask the user to sign in again. */
  private expire(): void {
    this.clear();
    // During a navigation (a guard loading getMe), come back to where the user was going.
    const pending = this.router.currentNavigation();
    const returnUrl = pending
      ? this.router.serializeUrl(pending.extractedUrl)
      : this.router.url;
    const onPublicPage =
      /^\/(login|forgot-password|reset-password|accept-invitation)/.test(
        returnUrl,
      );
    void this.router.navigate(['/login'], {
      queryParams:
        onPublicPage || returnUrl === '/'
          ? { expired: 1 }
          : { expired: 1, returnUrl },
    });
  }

  private setTokens(tokens: TokenResponse): void {
    const stored = {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
    };
    this.storage.write(stored);
    this.tokens.set(stored);
  }

  private clear(): void {
    this.storage.clear();
    this.tokens.set(null);
    this._me.set(null);
    this.refreshing = null;
  }
}

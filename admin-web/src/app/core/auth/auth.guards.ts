import { inject } from '@angular/core';
import { CanActivateFn, Router, UrlTree } from '@angular/router';
import { map, Observable } from 'rxjs';
import { NotificationService } from '../errors/notification.service';
import { firstAllowedPath } from '../shell/navigation';
import type { Permission } from './permission';
import { SessionStore } from './session.store';

/** Lets signed-in users through (loading `getMe` first); sends others to /login. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const session = inject(SessionStore);
  const router = inject(Router);
  return session.ensureMe().pipe(
    map((ok) =>
      ok
        ? true
        : router.createUrlTree(['/login'], {
            queryParams: { returnUrl: state.url },
          }),
    ),
  );
};

/** Keeps signed-in users away from the sign-in page. */
export const signedOutGuard: CanActivateFn = () => {
  const session = inject(SessionStore);
  const router = inject(Router);
  return session
    .ensureMe()
    .pipe(
      map((ok) => (ok ? router.parseUrl(firstAllowedPath(session)) : true)),
    );
};

/** Allows the route only with the given permission; otherwise lands on the first allowed page. */
export function permissionGuard(permission: Permission): CanActivateFn {
  return (): Observable<boolean | UrlTree> => {
    const session = inject(SessionStore);
    const router = inject(Router);
    const notify = inject(NotificationService);
    return session.ensureMe().pipe(
      map((ok) => {
        if (!ok) return router.createUrlTree(['/login']);
        if (session.can(permission)) return true;
        notify.info('Your role does not give access to that page.');
        return router.parseUrl(firstAllowedPath(session));
      }),
    );
  };
}

/** `/` → the first module the user may read (Users & roles for most). */
export const landingGuard: CanActivateFn = () => {
  const session = inject(SessionStore);
  const router = inject(Router);
  return session
    .ensureMe()
    .pipe(
      map((ok) => router.parseUrl(ok ? firstAllowedPath(session) : '/login')),
    );
};

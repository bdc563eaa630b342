import {
  HttpErrorResponse,
  HttpInterceptorFn,
  HttpRequest,
} from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, Observable, of, switchMap, throwError } from 'rxjs';
import { SKIP_AUTH } from './auth-context';
import { SessionStore } from './session.store';

function withBearer<T>(
  req: HttpRequest<T>,
  token: string | null,
): HttpRequest<T> {
  return token
    ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } })
    : req;
}

/**
 * Adds the access token to API calls. On a 401 it refreshes once (shared by all requests that
 * fail at the same time) and replays the request; if the refresh is rejected the session ends
 * and the original error is passed on.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (req.context.get(SKIP_AUTH) || !req.url.startsWith('/api/'))
    return next(req);

  const session = inject(SessionStore);
  const sentWith = session.accessToken();

  return next(withBearer(req, sentWith)).pipe(
    catchError((err: unknown) => {
      if (
        !(err instanceof HttpErrorResponse) ||
        err.status !== 401 ||
        !session.hasTokens()
      ) {
        return throwError(() => err);
      }
      // Another request may already have refreshed while this one was in flight.
      const current = session.accessToken();
      const token$: Observable<string> =
        current && current !== sentWith
          ? of(current)
          : session.refreshAccessToken();
      return token$.pipe(
        catchError(() => throwError(() => err)),
        switchMap((token) => next(withBearer(req, token))),
      );
    }),
  );
};

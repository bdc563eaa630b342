import { HttpContext, HttpContextToken } from '@angular/common/http';

/** Marks a request the auth interceptor must leave alone (login, refresh, logout, public pages). */
export const SKIP_AUTH = new HttpContextToken<boolean>(() => false);

export function publicRequest(): HttpContext {
  return new HttpContext().set(SKIP_AUTH, true);
}

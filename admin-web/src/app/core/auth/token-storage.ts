import { InjectionToken } from '@angular/core';

export interface StoredTokens {
  accessToken: string;
  refreshToken: string;
}

const ACCESS_KEY = 'lodestar.accessToken';
const REFRESH_KEY = 'lodestar.refreshToken';

/** Where the session keeps its tokens. localStorage in the app; replaceable in tests. */
export interface TokenStorage {
  read(): StoredTokens | null;
  write(tokens: StoredTokens): void;
  clear(): void;
}

export class LocalTokenStorage implements TokenStorage {
  constructor(
    private readonly storage: Storage | undefined = globalThis.localStorage,
  ) {}

  read(): StoredTokens | null {
    const accessToken = this.storage?.getItem(ACCESS_KEY);
    const refreshToken = this.storage?.getItem(REFRESH_KEY);
    return accessToken && refreshToken ? { accessToken, refreshToken } : null;
  }

  write(tokens: StoredTokens): void {
    this.storage?.setItem(ACCESS_KEY, tokens.accessToken);
    this.storage?.setItem(REFRESH_KEY, tokens.refreshToken);
  }

  clear(): void {
    this.storage?.removeItem(ACCESS_KEY);
    this.storage?.removeItem(REFRESH_KEY);
  }
}

export const TOKEN_STORAGE = new InjectionToken<TokenStorage>('TOKEN_STORAGE', {
  providedIn: 'root',
  factory: () => new LocalTokenStorage(),
});

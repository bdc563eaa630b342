import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  TestRequest,
} from '@angular/common/http/testing';
import { EnvironmentProviders, Provider } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNativeDateAdapter } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { provideApiConfiguration } from '@lodestar/contracts';
import { authInterceptor } from '../app/core/auth/auth.interceptor';
import { SessionStore } from '../app/core/auth/session.store';
import {
  StoredTokens,
  TOKEN_STORAGE,
  TokenStorage,
} from '../app/core/auth/token-storage';
import { provideAppIcons } from '../app/core/icons/icons';
import { aMe } from './factories';

/** Token storage kept in memory, inspectable by tests. */
export class MemoryTokenStorage implements TokenStorage {
  constructor(public tokens: StoredTokens | null = null) {}
  read(): StoredTokens | null {
    return this.tokens;
  }
  write(tokens: StoredTokens): void {
    this.tokens = tokens;
  }
  clear(): void {
    this.tokens = null;
  }
}

/** The app's HTTP stack (generated client + auth interceptor) against HttpTestingController. */
export function provideTestApp(
  storage = new MemoryTokenStorage({
    accessToken: 'access-0',
    refreshToken: 'refresh-0',
  }),
): (Provider | EnvironmentProviders)[] {
  return [
    provideRouter([]),
    provideHttpClient(withInterceptors([authInterceptor])),
    provideHttpClientTesting(),
    provideApiConfiguration(''),
    provideNativeDateAdapter(),
    provideAppIcons(),
    { provide: TOKEN_STORAGE, useValue: storage },
  ];
}

/** Makes the session look signed in with these permissions (no HTTP). */
export function signInAs(permissions: readonly string[]): void {
  TestBed.inject(SessionStore).setMe(aMe(permissions));
}

/** Lets Promise-based client calls and signal effects run, then renders. */
export async function settle(
  fixture?: ComponentFixture<unknown>,
): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    fixture?.detectChanges();
  }
}

/** The one pending request to `url` (path without query), optionally with a method. */
export function expectRequest(url: string, method = 'GET'): TestRequest {
  return TestBed.inject(HttpTestingController).expectOne(
    (req) => req.url === url && req.method === method,
  );
}

export function text(fixture: ComponentFixture<unknown>): string {
  return (fixture.nativeElement as HTMLElement).textContent ?? '';
}

export function query<T extends Element = HTMLElement>(
  fixture: ComponentFixture<unknown>,
  selector: string,
): T | null {
  return (fixture.nativeElement as HTMLElement).querySelector<T>(selector);
}

export function queryAll(
  fixture: ComponentFixture<unknown>,
  selector: string,
): HTMLElement[] {
  return Array.from(
    (fixture.nativeElement as HTMLElement).querySelectorAll<HTMLElement>(
      selector,
    ),
  );
}

/** Types `value` into the input of form control `controlName` below `root`, as a user would. */
export function typeInto(
  root: ParentNode,
  controlName: string,
  value: string,
): void {
  const input = root.querySelector<HTMLInputElement>(
    `input[formcontrolname="${controlName}"]`,
  );
  if (!input) throw new Error(`No input for the form control ${controlName}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

export function buttonsWithText(
  fixture: ComponentFixture<unknown>,
  label: string,
): HTMLButtonElement[] {
  return Array.from(
    (fixture.nativeElement as HTMLElement).querySelectorAll('button'),
  ).filter((b) => (b.textContent ?? '').trim().includes(label));
}

import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { aMe, tokens } from '../../../testing/factories';
import {
  expectRequest,
  MemoryTokenStorage,
  provideTestApp,
  settle,
} from '../../../testing/test-helpers';
import { publicRequest } from './auth-context';
import { SessionStore } from './session.store';

const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };
const problem = (detail: string) => ({
  type: 'about:blank',
  title: 'Unauthorized',
  status: 401,
  detail,
});

describe('authInterceptor with SessionStore', () => {
  let storage: MemoryTokenStorage;
  let http: HttpClient;
  let controller: HttpTestingController;
  let session: SessionStore;
  let navigate: jest.SpyInstance;

  beforeEach(() => {
    storage = new MemoryTokenStorage({
      accessToken: 'access-0',
      refreshToken: 'refresh-0',
    });
    TestBed.configureTestingModule({ providers: provideTestApp(storage) });
    http = TestBed.inject(HttpClient);
    controller = TestBed.inject(HttpTestingController);
    session = TestBed.inject(SessionStore);
    navigate = jest
      .spyOn(TestBed.inject(Router), 'navigate')
      .mockResolvedValue(true);
  });

  afterEach(() => controller.verify());

  it('sends the access token as a Bearer header to /api', async () => {
    const result = firstValueFrom(http.get('/api/things'));
    const req = controller.expectOne('/api/things');
    expect(req.request.headers.get('Authorization')).toBe('Bearer access-0');
    req.flush({ ok: true });
    await expect(result).resolves.toEqual({ ok: true });
  });

  it('leaves public requests and other origins without a token', () => {
    http
      .get('/api/auth/invitations/x', { context: publicRequest() })
      .subscribe();
    http.get('https://elsewhere.example/data').subscribe();
    expect(
      controller
        .expectOne('/api/auth/invitations/x')
        .request.headers.has('Authorization'),
    ).toBe(false);
    expect(
      controller
        .expectOne('https://elsewhere.example/data')
        .request.headers.has('Authorization'),
    ).toBe(false);
  });

  it('refreshes once on a 401 and replays the request with the new token', async () => {
    const result = firstValueFrom(http.get('/api/things'));
    controller.expectOne('/api/things').flush(problem('expired'), UNAUTHORIZED);
    await settle();

    const refresh = expectRequest('/api/auth/refresh', 'POST');
    expect(refresh.request.body).toEqual({ refreshToken: 'refresh-0' });
    expect(refresh.request.headers.has('Authorization')).toBe(false);
    refresh.flush(tokens(1));
    await settle();

    const replay = controller.expectOne('/api/things');
    expect(replay.request.headers.get('Authorization')).toBe('Bearer access-1');
    replay.flush({ ok: true });
    await expect(result).resolves.toEqual({ ok: true });
    expect(storage.tokens).toEqual({
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
    });
  });

  it('shares one refresh between requests that fail together (single flight)', async () => {
    const a = firstValueFrom(http.get('/api/a'));
    const b = firstValueFrom(http.get('/api/b'));
    const c = firstValueFrom(http.get('/api/c'));
    controller.expectOne('/api/a').flush(problem('expired'), UNAUTHORIZED);
    controller.expectOne('/api/b').flush(problem('expired'), UNAUTHORIZED);
    controller.expectOne('/api/c').flush(problem('expired'), UNAUTHORIZED);
    await settle();

    // Exactly one refresh: a second one would present an already-rotated token (reuse → family revoked).
    const refreshes = controller.match(
      (req) => req.url === '/api/auth/refresh',
    );
    expect(refreshes).toHaveLength(1);
    refreshes[0].flush(tokens(1));
    await settle();

    for (const url of ['/api/a', '/api/b', '/api/c']) {
      const replay = controller.expectOne(url);
      expect(replay.request.headers.get('Authorization')).toBe(
        'Bearer access-1',
      );
      replay.flush({ url });
    }
    await expect(Promise.all([a, b, c])).resolves.toEqual([
      { url: '/api/a' },
      { url: '/api/b' },
      { url: '/api/c' },
    ]);
  });

  it('does not refresh again for a request that was sent before a finished refresh', async () => {
    const early = firstValueFrom(http.get('/api/early'));
    const first = firstValueFrom(http.get('/api/first'));
    controller.expectOne('/api/first').flush(problem('expired'), UNAUTHORIZED);
    await settle();
    expectRequest('/api/auth/refresh', 'POST').flush(tokens(1));
    await settle();
    controller.expectOne('/api/first').flush({});
    await first;

    // The early request was sent with access-0 and fails only now.
    controller.expectOne('/api/early').flush(problem('expired'), UNAUTHORIZED);
    await settle();
    controller.expectNone('/api/auth/refresh');
    const replay = controller.expectOne('/api/early');
    expect(replay.request.headers.get('Authorization')).toBe('Bearer access-1');
    replay.flush({ early: true });
    await expect(early).resolves.toEqual({ early: true });
  });

  it('signs out when the refresh is rejected, and passes the original error on', async () => {
    session.setMe(aMe(['users:read']));
    // Catch at once: the rejection happens while the test is still flushing.
    const result = firstValueFrom(http.get('/api/things')).catch(
      (e: unknown) => e,
    );
    controller
      .expectOne('/api/things')
      .flush(problem('access token expired'), UNAUTHORIZED);
    await settle();
    expectRequest('/api/auth/refresh', 'POST').flush(
      problem('refresh token revoked'),
      UNAUTHORIZED,
    );
    await settle();

    const error = await result;
    expect(error).toBeInstanceOf(HttpErrorResponse);
    expect((error as HttpErrorResponse).url).toContain('/api/things');
    expect(storage.tokens).toBeNull();
    expect(session.me()).toBeNull();
    expect(session.hasTokens()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(
      ['/login'],
      expect.objectContaining({
        queryParams: expect.objectContaining({ expired: 1 }),
      }),
    );
  });

  it('replays only once: a second 401 after the refresh is returned as is', async () => {
    const result = firstValueFrom(http.get('/api/things'));
    controller.expectOne('/api/things').flush(problem('expired'), UNAUTHORIZED);
    await settle();
    expectRequest('/api/auth/refresh', 'POST').flush(tokens(1));
    await settle();
    controller
      .expectOne('/api/things')
      .flush(problem('still no'), UNAUTHORIZED);

    const error = (await result.catch((e: unknown) => e)) as HttpErrorResponse;
    expect(error.status).toBe(401);
    controller.expectNone('/api/auth/refresh');
  });

  it('keeps the session when the refresh fails for a network reason', async () => {
    const result = firstValueFrom(http.get('/api/things')).catch(
      (e: unknown) => e,
    );
    controller.expectOne('/api/things').flush(problem('expired'), UNAUTHORIZED);
    await settle();
    expectRequest('/api/auth/refresh', 'POST').error(
      new ProgressEvent('error'),
      { status: 0 },
    );
    await settle();

    expect(await result).toBeInstanceOf(HttpErrorResponse);
    expect(storage.tokens).toEqual({
      accessToken: 'access-0',
      refreshToken: 'refresh-0',
    });
    expect(navigate).not.toHaveBeenCalled();
  });

  it('does not try to refresh without a session', async () => {
    storage.clear();
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: provideTestApp(new MemoryTokenStorage(null)),
    });
    const client = TestBed.inject(HttpClient);
    const ctl = TestBed.inject(HttpTestingController);
    const result = firstValueFrom(client.get('/api/things'));
    const req = ctl.expectOne('/api/things');
    expect(req.request.headers.has('Authorization')).toBe(false);
    req.flush(problem('no token'), UNAUTHORIZED);
    await expect(result).rejects.toBeInstanceOf(HttpErrorResponse);
    await settle();
    ctl.expectNone('/api/auth/refresh');
    ctl.verify();
    controller = ctl;
  });
});

describe('SessionStore', () => {
  let storage: MemoryTokenStorage;
  let controller: HttpTestingController;
  let session: SessionStore;

  beforeEach(() => {
    storage = new MemoryTokenStorage(null);
    TestBed.configureTestingModule({ providers: provideTestApp(storage) });
    controller = TestBed.inject(HttpTestingController);
    session = TestBed.inject(SessionStore);
    jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  });

  afterEach(() => controller.verify());

  it('signs in: stores both tokens, then loads who the user is', async () => {
    const done = firstValueFrom(session.signIn('me@example.com', 'secret'));
    await settle();
    const login = expectRequest('/api/auth/login', 'POST');
    expect(login.request.body).toEqual({
      email: 'me@example.com',
      password: 'secret',
    });
    login.flush(tokens(7));
    await settle();

    const me = expectRequest('/api/me');
    expect(me.request.headers.get('Authorization')).toBe('Bearer access-7');
    me.flush(aMe(['users:read', 'users:manage']));
    await done;

    expect(storage.tokens).toEqual({
      accessToken: 'access-7',
      refreshToken: 'refresh-7',
    });
    expect(session.user()?.email).toBe('me@example.com');
    expect(session.can('users:manage')).toBe(true);
    expect(session.can('roles:manage')).toBe(false);
  });

  it('signs out: revokes the refresh token and forgets everything', async () => {
    storage.write({ accessToken: 'a', refreshToken: 'r' });
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: provideTestApp(storage) });
    controller = TestBed.inject(HttpTestingController);
    session = TestBed.inject(SessionStore);
    const navigate = jest
      .spyOn(TestBed.inject(Router), 'navigate')
      .mockResolvedValue(true);
    session.setMe(aMe(['users:read']));

    session.signOut();
    await settle();
    const logout = expectRequest('/api/auth/logout', 'POST');
    expect(logout.request.body).toEqual({ refreshToken: 'r' });
    logout.flush(null, { status: 204, statusText: 'No Content' });

    expect(storage.tokens).toBeNull();
    expect(session.me()).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login']);
  });

  it('ensureMe is false without tokens and makes no request', async () => {
    await expect(firstValueFrom(session.ensureMe())).resolves.toBe(false);
  });
});

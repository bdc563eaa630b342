import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { ADMIN_PERMISSIONS, aMe, tokens } from '../../../testing/factories';
import {
  expectRequest,
  MemoryTokenStorage,
  provideTestApp,
  settle,
} from '../../../testing/test-helpers';
import { SessionStore } from './session.store';

const TWO_WORKSPACES = [
  { id: 'w1', name: 'Acme', roleName: 'Admin' },
  { id: 'w2', name: 'Globex', roleName: 'Viewer' },
];

describe('SessionStore workspaces', () => {
  let storage: MemoryTokenStorage;
  let session: SessionStore;
  let navigateByUrl: jest.SpyInstance;

  beforeEach(() => {
    storage = new MemoryTokenStorage({
      accessToken: 'access-0',
      refreshToken: 'refresh-0',
    });
    TestBed.configureTestingModule({ providers: provideTestApp(storage) });
    session = TestBed.inject(SessionStore);
    navigateByUrl = jest
      .spyOn(TestBed.inject(Router), 'navigateByUrl')
      .mockResolvedValue(true);
    session.setMe(aMe(ADMIN_PERMISSIONS, { workspaces: TWO_WORKSPACES }));
  });

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('lists the workspaces other than the current one', () => {
    expect(session.otherWorkspaces()).toEqual([TWO_WORKSPACES[1]]);
    session.setMe(aMe(ADMIN_PERMISSIONS));
    expect(session.otherWorkspaces()).toEqual([]);
  });

  it('switches: stores the new tokens, reloads getMe with them and lands on the first page allowed there', async () => {
    const result = firstValueFrom(session.switchWorkspace('w2'));
    await settle();

    const switchReq = expectRequest('/api/me/workspace', 'POST');
    expect(switchReq.request.body).toEqual({ workspaceId: 'w2' });
    expect(switchReq.request.headers.get('Authorization')).toBe(
      'Bearer access-0',
    );
    switchReq.flush(tokens(2));
    await settle();

    expect(storage.tokens).toEqual({
      accessToken: 'access-2',
      refreshToken: 'refresh-2',
    });
    const meReq = expectRequest('/api/me');
    expect(meReq.request.headers.get('Authorization')).toBe('Bearer access-2');
    const there = aMe(['audit:read'], {
      workspace: { id: 'w2', name: 'Globex' },
      role: { id: 'r-auditor', key: 'custom-auditor', name: 'Auditor' },
      workspaces: TWO_WORKSPACES,
    });
    meReq.flush(there);

    await expect(result).resolves.toEqual(there);
    expect(session.workspace()?.name).toBe('Globex');
    expect(session.can('users:read')).toBe(false);
    expect(session.otherWorkspaces().map((w) => w.id)).toEqual(['w1']);
    expect(navigateByUrl).toHaveBeenCalledWith('/audit');
  });

  it('keeps the session as it was when the API refuses the switch', async () => {
    const result = firstValueFrom(session.switchWorkspace('w9'));
    await settle();
    expectRequest('/api/me/workspace', 'POST').flush(
      {
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: 'Workspace not found',
      },
      { status: 404, statusText: 'Not Found' },
    );

    await expect(result).rejects.toMatchObject({ status: 404 });
    expect(storage.tokens?.accessToken).toBe('access-0');
    expect(session.workspace()?.name).toBe('Acme');
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('shows a renamed workspace in the session', () => {
    session.workspaceRenamed({ id: 'w1', name: 'Acme Corp' });
    expect(session.workspace()?.name).toBe('Acme Corp');
    expect(session.me()?.workspaces[0].name).toBe('Acme Corp');
    session.workspaceRenamed({ id: 'w-other', name: 'Ignored' });
    expect(session.workspace()?.name).toBe('Acme Corp');
  });
});

import { jest } from '@jest/globals';
import type { Queue } from 'bull';
import { loadEnv } from '../../../platform/config/env';
import type { Transactions } from '../../../platform/database/transactions';
import type { AuditService } from '../../audit/audit.service';
import type { WorkspacesService } from '../../auth/services/workspaces.service';
import type { TraitsService } from '../traits/traits.service';
import type { DemoRepository } from './demo.repository';
import { DemoService } from './demo.service';

const ws = (id: string, name: string) => ({ id, name, createdAt: new Date(), updatedAt: new Date() });
const FIRST = ws('5b0d6d2e-4d4f-4c57-9a8e-6f3f1c0f0a01', 'Demo workspace');
const SECOND = ws('5b0d6d2e-4d4f-4c57-9a8e-6f3f1c0f0a02', 'Acme');

/** DEMO_ON_START and the command line's choice of workspace, with the collaborators mocked. */
describe('DemoService', () => {
  let customers: number;
  let workspaces: (typeof FIRST)[];
  let queue: { getJob: ReturnType<typeof jest.fn>; add: ReturnType<typeof jest.fn> };
  let sut: DemoService;

  beforeEach(() => {
    customers = 0;
    workspaces = [FIRST, SECOND];
    queue = {
      getJob: jest.fn(async () => null),
      add: jest.fn(async () => ({ getState: async () => 'waiting', progress: () => 0 })),
    };
    const repository = { countCustomers: jest.fn(async () => customers) } as unknown as DemoRepository;
    const workspacesService = { list: jest.fn(async () => workspaces) } as unknown as WorkspacesService;
    sut = new DemoService(
      loadEnv({}),
      repository,
      {} as TraitsService,
      {} as AuditService,
      workspacesService,
      {} as Transactions,
      queue as unknown as Queue,
      { add: jest.fn() } as unknown as Queue,
    );
  });

  it('queues the load of the first workspace at start-up when it has no customers', async () => {
    await sut.loadFirstWorkspaceIfEmpty();
    expect(queue.add).toHaveBeenCalledWith(
      'load',
      { workspaceId: FIRST.id, requestedBy: { type: 'system', id: 'demo-on-start', label: 'DEMO_ON_START' } },
      { jobId: `demo-${FIRST.id}`, attempts: 1 },
    );
  });

  it('leaves a workspace with customers alone, and does nothing without a workspace', async () => {
    customers = 12;
    await sut.loadFirstWorkspaceIfEmpty();
    workspaces = [];
    await sut.loadFirstWorkspaceIfEmpty();
    expect(queue.add).not.toHaveBeenCalled();
  });

  it('lets the command line name the workspace by id or name, or take the only one', async () => {
    await expect(sut.resolveWorkspace(SECOND.id)).resolves.toBe(SECOND);
    await expect(sut.resolveWorkspace('Demo workspace')).resolves.toBe(FIRST);
    await expect(sut.resolveWorkspace()).rejects.toThrow('There are 2 workspaces; name one with --workspace <id or name>: "Demo workspace", "Acme"');
    await expect(sut.resolveWorkspace('Nope')).rejects.toThrow('No workspaces match "Nope"');
    workspaces = [SECOND];
    await expect(sut.resolveWorkspace()).resolves.toBe(SECOND);
  });
});

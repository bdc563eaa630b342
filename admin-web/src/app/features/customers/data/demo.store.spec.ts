import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  expectRequest,
  provideTestApp,
  settle,
} from '../../../../testing/test-helpers';
import type { DemoStatus } from '../models/customer-api';
import { DEMO_POLL_MS, DemoStore } from './demo.store';

const status = (overrides: Partial<DemoStatus>): DemoStatus => ({
  state: 'idle',
  progress: 0,
  customers: 0,
  error: null,
  ...overrides,
});
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('DemoStore', () => {
  let store: DemoStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        ...provideTestApp(),
        DemoStore,
        { provide: DEMO_POLL_MS, useValue: 10 },
      ],
    });
    store = TestBed.inject(DemoStore);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('checks once and stops when no load is under way', async () => {
    const seen: string[] = [];
    let done = false;
    store.check().subscribe({
      next: (s) => seen.push(s.state),
      complete: () => (done = true),
    });
    await settle();
    expectRequest('/api/demo').flush(status({ state: 'idle' }));
    await wait(30);
    http.expectNone('/api/demo');
    expect(seen).toEqual(['idle']);
    expect(done).toBe(true);
    expect(store.status()?.state).toBe('idle');
  });

  it('follows a started load until it fails, keeping why', async () => {
    const seen: string[] = [];
    store.start().subscribe((s) => seen.push(s.state));
    await settle();
    expectRequest('/api/demo', 'POST').flush(status({ state: 'queued' }));
    await wait(20);
    expectRequest('/api/demo').flush(status({ state: 'running', progress: 10 }));
    await wait(20);
    expectRequest('/api/demo').flush(
      status({ state: 'failed', progress: 10, error: 'Redis went away' }),
    );
    await wait(30);
    http.expectNone('/api/demo');
    expect(seen).toEqual(['queued', 'running', 'failed']);
    expect(store.status()?.error).toBe('Redis went away');
  });
});

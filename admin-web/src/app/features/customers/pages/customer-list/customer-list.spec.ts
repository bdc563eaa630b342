import { Component } from '@angular/core';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  buttonsWithText,
  expectRequest,
  provideTestApp,
  query,
  queryAll,
  settle,
  signInAs,
  text,
  typeInto,
} from '../../../../../testing/test-helpers';
import { COLUMNS_STORAGE_KEY } from '../../data/column-preferences';
import { CustomerListMemory } from '../../data/list-memory';
import { DEMO_POLL_MS } from '../../data/demo.store';
import type { Customer, CustomerStats } from '../../models/customer-api';
import {
  aCustomer,
  FakeChart,
  provideFakeEcharts,
  someFacets,
  someStats,
} from '../../testing/customer-factories';
import { CustomerListPage } from './customer-list';

@Component({ template: 'customer 360' })
class Customer360Stub {}

// Renders real Material tables and waits out the filter debounce: slower than the default 5 s on CI.
jest.setTimeout(20_000);

const READ = ['customers:read'];
const NO_DEMO = { state: 'idle', progress: 0, customers: 0, error: null };
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('CustomerListPage', () => {
  let charts: FakeChart[];

  beforeEach(() => {
    localStorage.clear();
    charts = [];
    TestBed.configureTestingModule({
      providers: [
        ...provideTestApp(),
        provideRouter([
          { path: 'customers', component: CustomerListPage },
          { path: 'customers/:id', component: Customer360Stub },
        ]),
        provideFakeEcharts(charts),
        { provide: DEMO_POLL_MS, useValue: 20 },
      ],
    });
  });
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  async function open(
    url: string,
    permissions = READ,
    answer: { customers?: Customer[]; stats?: CustomerStats; more?: boolean } = {},
  ): Promise<ComponentFixture<unknown>> {
    signInAs(permissions);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    await settle(harness.fixture);
    expectRequest('/api/customers/facets').flush(someFacets());
    expectRequest('/api/customers/stats').flush(answer.stats ?? someStats());
    expectRequest('/api/customers').flush({
      items: answer.customers ?? [aCustomer()],
      nextCursor: answer.more ? 'next' : null,
    });
    await settle(harness.fixture);
    return harness.fixture;
  }

  /** Lets the filter debounce pass, then renders. */
  async function afterDebounce(fixture: ComponentFixture<unknown>) {
    await wait(350);
    await settle(fixture);
  }

  it('asks the API for the filter in the URL and shows customers with their traits', async () => {
    signInAs(READ);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(
      '/customers?rfmTier=Champions&country=DE&sort=-totalSpent',
    );
    await settle(harness.fixture);
    expectRequest('/api/customers/facets').flush(someFacets());
    expectRequest('/api/customers/stats').flush(someStats());
    const list = expectRequest('/api/customers');
    expect(list.request.params.getAll('rfmTier')).toEqual(['Champions']);
    expect(list.request.params.getAll('country')).toEqual(['DE']);
    expect(list.request.params.get('sort')).toBe('-totalSpent');
    expect(list.request.params.get('limit')).toBe('50');
    list.flush({ items: [aCustomer()], nextCursor: 'c2' });
    await settle(harness.fixture);

    const row = query(harness.fixture, 'tr.customer-row');
    expect(row?.textContent).toContain('Anna Schmidt');
    expect(row?.textContent).toContain('Champions');
    expect(row?.textContent).toContain('1,250.5');
    expect(row?.textContent).toContain('Berlin, Germany');
    expect(text(harness.fixture)).toContain('1+ customers');
    expect(buttonsWithText(harness.fixture, 'Load more')).toHaveLength(1);
    // The active sort shows on its header.
    const sorted = query(harness.fixture, 'th[aria-sort="descending"]');
    expect(sorted?.textContent).toContain('Total spent');
  });

  it('shows the summary with both charts drawn from the stats', async () => {
    const fixture = await open('/customers');
    expect(query(fixture, '[data-testid="kpi-customers"]')?.textContent).toBe(
      '10',
    );
    expect(text(fixture)).toContain('350.5'); // revenue over the months
    const drawn = charts.map(
      (c) => c.options[0] as { series: { type: string; data: unknown[] }[] },
    );
    expect(drawn.map((o) => o.series[0].type).sort()).toEqual(['bar', 'line']);
    const revenue = drawn.find((o) => o.series[0].type === 'line');
    expect(revenue?.series[0].data).toEqual([100, 250.5, 0]);
  });

  it('searches once the user stops typing, and keeps the search in the URL', async () => {
    const fixture = await open('/customers');
    typeInto(fixture.nativeElement as HTMLElement, 'q', 'ann');
    await settle(fixture);
    TestBed.inject(HttpTestingController).expectNone('/api/customers?q=ann');
    await afterDebounce(fixture);
    const req = expectRequest('/api/customers');
    expect(req.request.params.get('q')).toBe('ann');
    req.flush({ items: [], nextCursor: null });
    await settle(fixture);
    expect(TestBed.inject(Router).url).toBe('/customers?q=ann');
    expect(TestBed.inject(CustomerListMemory).params()).toEqual({ q: 'ann' });
    expect(text(fixture)).toContain('No customers match');
  });

  it('sorts by a column when its header is clicked', async () => {
    const fixture = await open('/customers');
    const header = queryAll(fixture, 'th').find((th) =>
      th.textContent?.includes('Orders'),
    );
    (header?.querySelector('.mat-sort-header-container') as HTMLElement).click();
    await afterDebounce(fixture);
    const req = expectRequest('/api/customers');
    expect(req.request.params.get('sort')).toBe('orderCount');
    req.flush({ items: [aCustomer()], nextCursor: null });
    await settle(fixture);
    expect(TestBed.inject(Router).url).toBe('/customers?sort=orderCount');
  });

  it('opens the 360 page when a row is clicked', async () => {
    const fixture = await open('/customers');
    query(fixture, 'tr.customer-row')?.click();
    await settle(fixture);
    expect(TestBed.inject(Router).url).toBe('/customers/c-1');
  });

  it('hides a column chosen off in the Columns menu, and remembers it', async () => {
    const fixture = await open('/customers');
    const headers = () =>
      queryAll(fixture, 'th').map((th) => th.textContent?.trim());
    expect(headers()).toContain('Email');
    query(fixture, '[data-testid="column-chooser"]')?.click();
    await settle(fixture);
    const email = Array.from(
      document.querySelectorAll<HTMLElement>('[role="menuitemcheckbox"]'),
    ).find((item) => item.textContent?.trim() === 'Email');
    expect(email?.getAttribute('aria-checked')).toBe('true');
    email?.click();
    await settle(fixture);
    expect(headers()).not.toContain('Email');
    expect(JSON.parse(localStorage.getItem(COLUMNS_STORAGE_KEY) ?? '[]')).not.toContain(
      'email',
    );
  });

  it('tells an empty workspace what to do next, with Import for those who may import', async () => {
    const empty = someStats({ totalCustomers: 0, customersWithOrders: 0 });
    const fixture = await open('/customers', [...READ, 'customers:import'], {
      customers: [],
      stats: empty,
    });
    expectRequest('/api/demo').flush(NO_DEMO);
    await settle(fixture);
    expect(text(fixture)).toContain('No customers yet');
    expect(text(fixture)).toContain('bulk API');
    expect(query(fixture, 'a[href="/customers/import"]')).not.toBeNull();
    expect(query(fixture, '[data-testid="import-customers"]')).not.toBeNull();
    expect(query(fixture, '[data-testid="kpi-customers"]')).toBeNull();
  });

  it('offers no import or export to a reader without those permissions', async () => {
    const fixture = await open('/customers', READ, { customers: [] });
    expectRequest('/api/demo').flush(NO_DEMO);
    await settle(fixture);
    expect(query(fixture, 'a[href="/customers/import"]')).toBeNull();
    expect(query(fixture, '[data-testid="export-customers"]')).toBeNull();
    expect(query(fixture, '[data-testid="load-demo"]')).toBeNull();
    expect(text(fixture)).not.toContain('demo data');
  });

  it('loads the demo data for a workspace manager, shows its progress, then the customers', async () => {
    const fixture = await open('/customers', [...READ, 'workspace:manage'], {
      customers: [],
      stats: someStats({ totalCustomers: 0 }),
    });
    expectRequest('/api/demo').flush(NO_DEMO);
    await settle(fixture);
    expect(text(fixture)).toContain('load the demo data');
    query(fixture, '[data-testid="load-demo"]')?.click();
    await settle(fixture);
    expectRequest('/api/demo', 'POST').flush({ ...NO_DEMO, state: 'queued' });
    await settle(fixture);
    expect(text(fixture)).toContain('Demo data queued');
    expect(query<HTMLButtonElement>(fixture, '[data-testid="load-demo"]')?.disabled).toBe(true);

    await wait(30);
    expectRequest('/api/demo').flush({ ...NO_DEMO, state: 'running', progress: 40, customers: 8000 });
    await settle(fixture);
    expect(text(fixture)).toContain('Loading demo data: 40% (8,000 customers so far)');

    await wait(30);
    expectRequest('/api/demo').flush({ ...NO_DEMO, state: 'completed', progress: 100, customers: 20000 });
    await settle(fixture);
    expectRequest('/api/customers').flush({ items: [aCustomer()], nextCursor: null });
    expectRequest('/api/customers/stats').flush(someStats());
    expectRequest('/api/customers/facets').flush(someFacets());
    await settle(fixture);
    expect(query(fixture, 'tr.customer-row')?.textContent).toContain('Anna Schmidt');
    expect(document.body.textContent).toContain('Demo data loaded: 20,000 customers.');
    // Finished: no more checks.
    await wait(50);
    TestBed.inject(HttpTestingController).expectNone('/api/demo');
  });

  it('exports the filtered list as CSV in the background and links to the exports', async () => {
    const fixture = await open('/customers?churnRisk=high&q=anna', [
      ...READ,
      'customers:export',
    ]);
    query(fixture, '[data-testid="export-customers"]')?.click();
    await settle(fixture);
    const req = expectRequest('/api/customers/exports', 'POST');
    expect(req.request.body).toEqual({
      q: 'anna',
      churnRisk: ['high'],
      sort: '-createdAt',
    });
    req.flush({ id: 'x-1', status: 'queued' });
    await settle(fixture);
    const banner = query(fixture, '.export-banner');
    expect(banner?.textContent).toContain('The CSV export has started');
    expect(banner?.querySelector('a')?.getAttribute('href')).toBe(
      '/customers/exports',
    );
  });

  it('clears every filter but keeps the sort', async () => {
    const fixture = await open('/customers?tag=vip&sort=name', READ, {
      customers: [],
    });
    expect(text(fixture)).toContain('No customers match');
    expect(text(fixture)).toContain('More filters (1)');
    buttonsWithText(fixture, 'Clear filters')[0].click();
    await afterDebounce(fixture);
    const req = expectRequest('/api/customers');
    expect(req.request.params.has('tag')).toBe(false);
    expect(req.request.params.get('sort')).toBe('name');
    req.flush({ items: [aCustomer()], nextCursor: null });
    await settle(fixture);
    expect(TestBed.inject(Router).url).toBe('/customers?sort=name');
  });
});

import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router } from '@angular/router';
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
import { CustomerListMemory } from '../../data/list-memory';
import type { CustomerDetail } from '../../models/customer-api';
import {
  aCustomerDetail,
  anEventEntry,
  anOrderEntry,
  FakeChart,
  provideFakeEcharts,
} from '../../testing/customer-factories';
import { Customer360Page } from './customer-360';

jest.setTimeout(20_000);

const READ = ['customers:read'];
const ALL = [
  'customers:read',
  'customers:write',
  'customers:export',
  'customers:erase',
];

/** Buttons in the open dialog (rendered outside the fixture, in the overlay). */
const dialogButton = (label: string) =>
  Array.from(
    document.querySelectorAll<HTMLButtonElement>('mat-dialog-container button'),
  ).find((b) => b.textContent?.trim() === label);

describe('Customer360Page', () => {
  let charts: FakeChart[];

  beforeEach(() => {
    charts = [];
    TestBed.configureTestingModule({
      providers: [
        ...provideTestApp(),
        provideFakeEcharts(charts),
        // Dialogs close at once (jsdom fires no animationend).
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
  });
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  async function render(
    permissions: readonly string[],
    customer: CustomerDetail = aCustomerDetail(),
  ): Promise<ComponentFixture<Customer360Page>> {
    signInAs(permissions);
    const fixture = TestBed.createComponent(Customer360Page);
    fixture.componentRef.setInput('id', 'c-1');
    await settle(fixture);
    expectRequest('/api/customers/c-1').flush(customer);
    const spend = expectRequest('/api/customers/c-1/spend');
    expect(spend.request.params.get('months')).toBe('24');
    spend.flush({
      months: [
        { month: '2026-10', revenue: 0, orders: 0 },
        { month: '2026-11', revenue: 120, orders: 1 },
      ],
    });
    const timeline = expectRequest('/api/customers/c-1/timeline');
    expect(timeline.request.params.has('kinds')).toBe(false);
    timeline.flush({ items: [anEventEntry(), anOrderEntry()], nextCursor: null });
    await settle(fixture);
    return fixture;
  }

  it('shows the profile, every trait with what it means, the RFM scores, consent and attributes', async () => {
    const fixture = await render(READ);
    expect(query(fixture, 'h1')?.textContent).toBe('Anna Schmidt');
    const clv = query(fixture, '[data-trait="clv"]');
    expect(clv?.textContent).toContain('Lifetime value (CLV)');
    expect(clv?.textContent).toContain('4,100.25');
    expect(clv?.textContent).toContain('churn risk');
    expect(query(fixture, '[data-trait="nightBuyer"]')?.textContent).toContain(
      'Yes',
    );
    expect(query(fixture, '[data-testid="rfm-tier"]')?.textContent).toContain(
      'Champions',
    );
    expect(text(fixture)).toContain('quintiles in this workspace');
    const meters = queryAll(fixture, '[role="meter"]').map((m) => [
      m.getAttribute('aria-label'),
      m.getAttribute('aria-valuenow'),
    ]);
    expect(meters).toEqual([
      ['Recency score', '5'],
      ['Frequency score', '4'],
      ['Monetary score', '5'],
    ]);
    const email = query(fixture, 'tr[data-channel="email"]')?.textContent;
    expect(email).toContain('subscribed');
    expect(email).toContain('signup-form');
    expect(query(fixture, 'tr[data-channel="sms"]')?.textContent).toContain(
      'Not recorded',
    );
    expect(text(fixture)).toContain('running, yoga');
    expect(text(fixture)).toContain('Europe/Berlin');
  });

  it('draws the monthly spend and lists orders with line items and events, newest first', async () => {
    const fixture = await render(READ);
    const spend = charts[0].options[0] as { series: { data: number[] }[] };
    expect(spend.series[0].data).toEqual([0, 120]);
    const entries = queryAll(fixture, 'li.entry');
    expect(entries.map((e) => e.dataset['kind'])).toEqual(['event', 'order']);
    expect(entries[0].textContent).toContain('email_clicked');
    expect(entries[0].textContent).toContain('autumn-sale');
    expect(entries[1].textContent).toContain('ORD-1001');
    expect(entries[1].textContent).toContain('120 EUR');
    expect(entries[1].textContent).toContain('Trail runner');
  });

  it('filters the timeline to orders and pages through it', async () => {
    const fixture = await render(READ);
    buttonsWithText(fixture, 'Orders')[0].click();
    await settle(fixture);
    const first = expectRequest('/api/customers/c-1/timeline');
    expect(first.request.params.getAll('kinds')).toEqual(['orders']);
    first.flush({ items: [anOrderEntry()], nextCursor: 'p2' });
    await settle(fixture);
    buttonsWithText(fixture, 'Load more')[0].click();
    await settle(fixture);
    const next = expectRequest('/api/customers/c-1/timeline');
    expect(next.request.params.get('cursor')).toBe('p2');
    expect(next.request.params.getAll('kinds')).toEqual(['orders']);
    next.flush({
      items: [anOrderEntry({ at: '2026-01-10T09:00:00Z' })],
      nextCursor: null,
    });
    await settle(fixture);
    expect(queryAll(fixture, 'li.entry')).toHaveLength(2);
  });

  it('leads back to the list as it was left: same search and filters', async () => {
    TestBed.inject(CustomerListMemory).remember({ q: 'anna', rfmTier: ['Lost'] });
    const fixture = await render(READ);
    expect(query(fixture, 'a.back')?.getAttribute('href')).toBe(
      '/customers?q=anna&rfmTier=Lost',
    );
  });

  it('offers a reader no actions', async () => {
    const fixture = await render(READ);
    for (const label of ['Edit', 'Download data (GDPR)', 'Erase personal data', 'Delete']) {
      expect(buttonsWithText(fixture, label)).toHaveLength(0);
    }
  });

  it('erases after saying what goes and what stays, then shows the erased profile', async () => {
    const fixture = await render(ALL);
    buttonsWithText(fixture, 'Erase personal data')[0].click();
    await settle(fixture);
    const dialog = document.querySelector('mat-dialog-container');
    expect(dialog?.textContent).toContain('Removed: name, email, phone');
    expect(dialog?.textContent).toContain('Kept: orders with their line items');
    dialogButton('Erase personal data')?.click();
    await settle(fixture);
    expectRequest('/api/customers/c-1/erase', 'POST').flush({
      id: 'c-1',
      erasedAt: '2026-11-28T10:00:00Z',
      erasedFields: ['email', 'firstName'],
      eventsScrubbed: 1,
      ordersKept: 5,
    });
    await settle(fixture);
    const erased = aCustomerDetail({
      firstName: null,
      lastName: null,
      email: null,
      externalId: null,
      erasedAt: '2026-11-28T10:00:00Z',
    });
    expectRequest('/api/customers/c-1').flush(erased);
    expectRequest('/api/customers/c-1/timeline').flush({
      items: [anOrderEntry()],
      nextCursor: null,
    });
    await settle(fixture);
    expect(query(fixture, 'h1')?.textContent).toBe('Erased customer');
    expect(text(fixture)).toContain('Personal data erased on');
    expect(buttonsWithText(fixture, 'Erase personal data')).toHaveLength(0);
    expect(buttonsWithText(fixture, 'Edit')).toHaveLength(0);
    expect(document.body.textContent).toContain(
      '2 fields blanked, 1 events scrubbed, 5 orders kept',
    );
  });

  it('deletes only after confirmation, then goes back to the list', async () => {
    const navigate = jest
      .spyOn(TestBed.inject(Router), 'navigateByUrl')
      .mockResolvedValue(true);
    const fixture = await render(ALL);
    buttonsWithText(fixture, 'Delete')[0].click();
    await settle(fixture);
    dialogButton('Cancel')?.click();
    await settle(fixture);
    TestBed.inject(HttpTestingController).expectNone('/api/customers/c-1');

    buttonsWithText(fixture, 'Delete')[0].click();
    await settle(fixture);
    expect(document.querySelector('mat-dialog-container')?.textContent).toContain(
      'use Erase personal data instead',
    );
    dialogButton('Delete customer')?.click();
    await settle(fixture);
    expectRequest('/api/customers/c-1', 'DELETE').flush(null, {
      status: 204,
      statusText: 'No Content',
    });
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith('/customers');
  });

  it('downloads the personal data as a JSON file', async () => {
    const createObjectURL = jest.fn<string, [Blob]>(() => 'blob:json');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    const fixture = await render(ALL);
    query(fixture, '[data-testid="gdpr-export"]')?.click();
    await settle(fixture);
    expectRequest('/api/customers/c-1/personal-data').flush({
      exportedAt: '2026-11-28T10:00:00Z',
      profile: { id: 'c-1' },
      traits: {},
      orders: [],
      events: [],
    });
    await settle(fixture);
    const blob = createObjectURL.mock.calls[0][0];
    expect(blob.type).toBe('application/json');
    const json = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(blob);
    });
    expect(JSON.parse(json)).toMatchObject({ profile: { id: 'c-1' } });
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toBe('customer-c-1.json');
    click.mockRestore();
  });

  it('saves only what was changed in the edit dialog', async () => {
    const fixture = await render(ALL);
    buttonsWithText(fixture, 'Edit')[0].click();
    await settle(fixture);
    const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
    typeInto(dialog, 'city', 'Munich');
    await settle(fixture);
    dialogButton('Save')?.click();
    await settle(fixture);
    const req = expectRequest('/api/customers/c-1', 'PATCH');
    expect(req.request.body).toEqual({ city: 'Munich' });
    req.flush(aCustomerDetail({ city: 'Munich' }));
    await settle(fixture);
    expect(text(fixture)).toContain('Munich, Germany');
    expect(document.body.textContent).toContain('Anna Schmidt is updated.');
  });

  it('says so when the customer does not exist', async () => {
    signInAs(READ);
    const fixture = TestBed.createComponent(Customer360Page);
    fixture.componentRef.setInput('id', 'c-404');
    await settle(fixture);
    expectRequest('/api/customers/c-404').flush(
      { title: 'Not Found', status: 404, detail: 'Customer not found' },
      { status: 404, statusText: 'Not Found' },
    );
    expectRequest('/api/customers/c-404/spend').flush(
      { status: 404 },
      { status: 404, statusText: 'Not Found' },
    );
    expectRequest('/api/customers/c-404/timeline').flush(
      { status: 404 },
      { status: 404, statusText: 'Not Found' },
    );
    await settle(fixture);
    expect(query(fixture, '[role="alert"]')?.textContent).toContain(
      'Customer not found',
    );
    expect(buttonsWithText(fixture, 'Try again')).toHaveLength(0);
  });
});

import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import {
  buttonsWithText,
  expectRequest,
  provideTestApp,
  query,
  queryAll,
  settle,
  signInAs,
  text,
} from '../../../../../testing/test-helpers';
import { FakeChart, provideFakeEcharts } from '../../../customers/testing/customer-factories';
import type { SegmentDetail } from '../../models/segment-api';
import {
  aBreakdown,
  aMember,
  anExplanation,
  aRefresh,
  aSegmentDetail,
  CUSTOMER_ID,
  SEGMENT_ID,
  someHistory,
} from '../../testing/segment-factories';
import { SegmentDetailPage } from './segment-detail';
import { afterPolls, provideTestPolling } from '../../testing/polling';

jest.setTimeout(20_000);

const READ = ['segments:read'];
const WRITE = ['segments:read', 'segments:write'];
const base = `/api/segments/${SEGMENT_ID}`;

/** Buttons in the open dialog (rendered outside the fixture, in the overlay). */
const dialogButton = (label: string) =>
  Array.from(document.querySelectorAll<HTMLButtonElement>('mat-dialog-container button')).find((b) => b.textContent?.trim() === label);

describe('SegmentDetailPage', () => {
  let charts: FakeChart[];

  beforeEach(() => {
    charts = [];
    TestBed.configureTestingModule({
      providers: [
        ...provideTestApp(),
        provideFakeEcharts(charts),
        provideTestPolling(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
  });
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  function flushMembership(): void {
    expectRequest(`${base}/members`).flush({ items: [aMember()], nextCursor: null });
    expectRequest(`${base}/history`).flush(someHistory());
    expectRequest(`${base}/breakdown`).flush(aBreakdown());
  }

  async function render(
    permissions: readonly string[],
    segment: SegmentDetail = aSegmentDetail(),
  ): Promise<ComponentFixture<SegmentDetailPage>> {
    signInAs(permissions);
    const fixture = TestBed.createComponent(SegmentDetailPage);
    fixture.componentRef.setInput('id', SEGMENT_ID);
    await settle(fixture);
    expectRequest(base).flush(segment);
    flushMembership();
    expectRequest('/api/segments/fields').flush({
      fields: [{ key: 'profile.country', label: 'Country', group: 'Profile', dataType: 'option', operators: ['in'] }],
      options: { countries: [], tags: [], categories: [], products: [], eventTypes: [], attributes: [] },
    });
    await settle(fixture);
    return fixture;
  }

  /** The chart whose first series has this name. */
  const chart = (name: string) =>
    charts
      .map((c) => c.options[c.options.length - 1] as { series: { name: string; data: unknown[] }[] })
      .find((o) => o.series[0]?.name === name);

  it('shows the rules in words, the size history, the breakdown charts and the members', async () => {
    const fixture = await render(READ);
    expect(query(fixture, 'h1')?.textContent).toBe('Big spenders');
    expect(query(fixture, '[data-testid="segment-size"]')?.textContent).toBe('1,250');
    const lines = queryAll(fixture, '[data-testid="rules-summary"] .text').map((l) => l.textContent?.trim());
    expect(lines).toEqual(['All of', 'Amount spent in the last 90 days is greater than 500', 'Country is any of US, CA']);

    expect(chart('Members')?.series.map((s) => s.name)).toEqual(['Members', 'Added', 'Removed']);
    expect(chart('Customers')?.series[0].data).toHaveLength(10);
    expect(chart('Subscribed')?.series.map((s) => s.data[0])).toEqual([900, 50, 100, 200]);
    expect(text(fixture)).toContain('50 not scored yet');
    expect(query(fixture, '[data-testid="spend-chart"]')).not.toBeNull();

    const member = query(fixture, 'tr.member-row');
    expect(member?.textContent).toContain('Anna Schmidt');
    expect(member?.querySelector('a')?.getAttribute('href')).toBe(`/customers/${CUSTOMER_ID}`);
  });

  it('explains why a member is in the segment, condition by condition', async () => {
    const fixture = await render(READ);
    buttonsWithText(fixture, 'Why?')[0].click();
    await settle(fixture);
    expectRequest(`${base}/explain/${CUSTOMER_ID}`).flush(anExplanation());
    await settle(fixture);
    const panel = query(fixture, '[data-testid="explain-panel"]');
    expect(panel?.textContent).toContain('Anna Schmidt meets the rules');
    const met = Array.from(panel?.querySelectorAll('li[data-matched="true"]') ?? []).map((l) =>
      l.querySelector(':scope > .line .comparison')?.textContent?.trim(),
    );
    expect(met).toEqual([undefined, '612.4 > 500 ✓', 'US in US, CA ✓']);
  });

  it('says a customer misses a condition, and that the member list changes at the next refresh', async () => {
    const fixture = await render(READ);
    buttonsWithText(fixture, 'Why?')[0].click();
    await settle(fixture);
    const explanation = anExplanation({ matched: false, inMembership: true });
    explanation.tree = {
      ...explanation.tree,
      matched: false,
      children: [
        { path: 'rules.root.children[0]', type: 'orders', matched: false, actual: 120 },
        { path: 'rules.root.children[1]', type: 'field', matched: true, actual: 'US' },
      ],
    };
    expectRequest(`${base}/explain/${CUSTOMER_ID}`).flush(explanation);
    await settle(fixture);
    const panel = query(fixture, '[data-testid="explain-panel"]');
    expect(panel?.textContent).toContain('does not meet the rules');
    expect(panel?.querySelector('[data-testid="membership-differs"]')?.textContent).toContain('the next refresh removes them');
    expect(panel?.querySelector('li[data-matched="false"] li[data-matched="false"] .comparison')?.textContent?.trim()).toBe('120 > 500 ✗');
  });

  it('refreshes now, showing the progress until the refresh is done', async () => {
    const fixture = await render(WRITE);
    buttonsWithText(fixture, 'Refresh now')[0].click();
    await settle(fixture);
    expectRequest(`${base}/refresh`, 'POST').flush(aRefresh({ status: 'running', evaluated: 300 }));
    await settle(fixture);
    expect(query(fixture, '[data-testid="refresh-progress"]')?.textContent).toContain('300 customers evaluated');
    expect(buttonsWithText(fixture, 'Refresh now')[0].disabled).toBe(true);
    await afterPolls();
    expectRequest(`${base}/refreshes/r-1`).flush(aRefresh({ status: 'completed', size: 1300, added: 60, removed: 10 }));
    await settle(fixture);
    expectRequest(base).flush(aSegmentDetail({ memberCount: 1300 }));
    flushMembership();
    await settle(fixture);
    expect(query(fixture, '[data-testid="refresh-progress"]')).toBeNull();
    expect(query(fixture, '[data-testid="segment-size"]')?.textContent).toBe('1,300');
    expect(document.body.textContent).toContain('Refreshed: 1,300 members (60 joined, 10 left).');
  });

  it('says which segments use it when deleting is refused', async () => {
    const fixture = await render(WRITE);
    buttonsWithText(fixture, 'Delete')[0].click();
    await settle(fixture);
    dialogButton('Delete segment')?.click();
    await settle(fixture);
    expectRequest(base, 'DELETE').flush(
      { type: 'https://lodestar.dev/problems/segment-in-use', title: 'Conflict', status: 409, detail: 'Used by the segment VIP Canada' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);
    expectRequest(base).flush(aSegmentDetail({ usedBy: [{ id: 's-vip', name: 'VIP Canada' }] }));
    await settle(fixture);
    const blocked = query(fixture, '[data-testid="delete-blocked"]');
    expect(blocked?.textContent).toContain('Used by the segment VIP Canada');
    expect(blocked?.querySelector('a')?.getAttribute('href')).toBe('/segments/s-vip');
  });

  it('shows why the last refresh failed', async () => {
    const fixture = await render(READ, aSegmentDetail({ status: 'failed', refreshError: 'statement timeout' }));
    expect(query(fixture, '[role="alert"]')?.textContent).toContain('The last refresh failed: statement timeout');
    expect(query(fixture, '[data-status]')?.textContent?.trim()).toBe('Failed');
  });

  it('offers a reader only the export', async () => {
    const fixture = await render(READ);
    expect(buttonsWithText(fixture, 'Refresh now')).toHaveLength(0);
    expect(buttonsWithText(fixture, 'Delete')).toHaveLength(0);
    expect(query(fixture, '[data-testid="edit-segment"]')).toBeNull();
    expect(buttonsWithText(fixture, 'Export CSV')).toHaveLength(1);
  });

  it('links Edit to the rule editor for a writer', async () => {
    const fixture = await render(WRITE);
    expect(query(fixture, '[data-testid="edit-segment"]')?.getAttribute('href')).toBe(`/segments/${SEGMENT_ID}/edit`);
  });
});

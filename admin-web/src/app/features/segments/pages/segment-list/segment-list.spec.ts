import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { expectRequest, provideTestApp, query, queryAll, settle, signInAs, text } from '../../../../../testing/test-helpers';
import type { SegmentSummary } from '../../models/segment-api';
import { aSegmentSummary } from '../../testing/segment-factories';
import { SegmentListPage } from './segment-list';

const READ = ['segments:read'];
const WRITE = ['segments:read', 'segments:write'];

describe('SegmentListPage', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: provideTestApp() }));
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  async function render(permissions: readonly string[], items: SegmentSummary[]): Promise<ComponentFixture<SegmentListPage>> {
    signInAs(permissions);
    const fixture = TestBed.createComponent(SegmentListPage);
    await settle(fixture);
    expectRequest('/api/segments').flush({ items, nextCursor: null });
    await settle(fixture);
    return fixture;
  }

  it('lists segments with status, size, a sparkline of their size history and when they were refreshed', async () => {
    const fixture = await render(WRITE, [
      aSegmentSummary({ playbookKey: 'rfm-champions', refreshedAt: new Date(Date.now() - 5 * 60_000).toISOString() }),
      aSegmentSummary({ id: 's-2', name: 'Failing', status: 'failed', timeRelative: false, sizeTrend: [] }),
    ]);
    const rows = queryAll(fixture, 'tr.segment-row');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('Big spenders');
    expect(rows[0].textContent).toContain('Playbook');
    expect(rows[0].querySelector('[data-testid="member-count"]')?.textContent?.trim()).toBe('1,250');
    expect(rows[0].querySelector('[data-status]')?.textContent?.trim()).toBe('Ready');
    expect(rows[0].textContent).toContain('5 minutes ago');
    expect(rows[0].querySelector('[data-testid="time-relative"]')).not.toBeNull();
    const spark = rows[0].querySelector('app-segment-sparkline svg');
    expect(spark?.getAttribute('aria-label')).toBe('Size from 1,200 to 1,250 over 3 refreshes');
    expect(spark?.querySelector('polyline')?.getAttribute('points')).toBe('0,16.3 48,22 96,2');

    expect(rows[1].querySelector('[data-status]')?.textContent?.trim()).toBe('Failed');
    expect(rows[1].querySelector('[data-testid="time-relative"]')).toBeNull();
    expect(rows[1].querySelector('app-segment-sparkline svg')).toBeNull();
  });

  it('offers a writer to create a segment or start from a playbook, also when there is none yet', async () => {
    const fixture = await render(WRITE, []);
    expect(query(fixture, '[data-testid="new-segment"]')?.getAttribute('href')).toBe('/segments/new');
    expect(query(fixture, '[data-testid="open-playbooks"]')?.getAttribute('href')).toBe('/segments/playbooks');
    expect(text(fixture)).toContain('No segments yet');
    expect(query(fixture, '[data-testid="start-from-playbook"]')?.getAttribute('href')).toBe('/segments/playbooks');
  });

  it('hides the create actions from someone who may only read', async () => {
    const fixture = await render(READ, []);
    expect(query(fixture, '[data-testid="new-segment"]')).toBeNull();
    expect(query(fixture, '[data-testid="open-playbooks"]')).toBeNull();
    expect(query(fixture, '[data-testid="start-from-playbook"]')).toBeNull();
    expect(text(fixture)).toContain('someone with the segments:write permission can');
  });

  it('searches by name and says when nothing matches', async () => {
    const fixture = await render(READ, [aSegmentSummary()]);
    const input = query<HTMLInputElement>(fixture, 'input[type="search"]');
    if (!input) throw new Error('No search field');
    input.value = 'zzz';
    input.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, 350));
    await settle(fixture);
    const search = expectRequest('/api/segments');
    expect(search.request.params.get('search')).toBe('zzz');
    search.flush({ items: [], nextCursor: null });
    await settle(fixture);
    expect(text(fixture)).toContain('No segments match');
    expect(text(fixture)).not.toContain('No segments yet');
  });
});

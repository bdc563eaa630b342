import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { buttonsWithText, expectRequest, provideTestApp, query, queryAll, settle, signInAs } from '../../../../../testing/test-helpers';
import type { SegmentPlaybook } from '../../models/segment-api';
import { aPlaybook, aSegmentDetail } from '../../testing/segment-factories';
import { PlaybookGalleryPage } from './playbook-gallery';

const READ = ['segments:read'];
const WRITE = ['segments:read', 'segments:write'];

describe('PlaybookGalleryPage', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: provideTestApp() }));
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  async function render(permissions: readonly string[], playbooks: SegmentPlaybook[]): Promise<ComponentFixture<PlaybookGalleryPage>> {
    signInAs(permissions);
    const fixture = TestBed.createComponent(PlaybookGalleryPage);
    await settle(fixture);
    expectRequest('/api/segments/playbooks').flush(playbooks);
    await settle(fixture);
    return fixture;
  }

  it('shows each playbook with its offer, channels and live count', async () => {
    const fixture = await render(WRITE, [aPlaybook(), aPlaybook({ key: 'slow', name: 'Slow', count: null })]);
    const card = query(fixture, '[data-playbook="rfm-champions"]');
    expect(card?.querySelector('h2')?.textContent).toBe('Champions');
    expect(card?.textContent).toContain('Early access to new products');
    expect(card?.querySelector('[data-testid="playbook-count"]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('312 customers match now');
    expect(Array.from(card?.querySelectorAll('.channel mat-icon') ?? []).map((i) => i.getAttribute('data-mat-icon-name'))).toEqual([
      'mail',
      'notifications',
    ]);
    expect(card?.querySelector('a[href="/segments/new?playbook=rfm-champions"]')?.textContent?.trim()).toBe('Customize');
    expect(query(fixture, '[data-playbook="slow"]')?.textContent).toContain('Counting took too long');
  });

  it('creates the segment in one click and opens it', async () => {
    const fixture = await render(WRITE, [aPlaybook()]);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    buttonsWithText(fixture, 'Create segment')[0].click();
    await settle(fixture);
    expectRequest('/api/segments/playbooks/rfm-champions', 'POST').flush(aSegmentDetail({ id: 's-new' }));
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['/segments', 's-new']);
  });

  it('links a playbook already created to its segment instead of offering to create it again', async () => {
    const fixture = await render(WRITE, [aPlaybook({ segmentId: 's-champions' })]);
    const card = query(fixture, '[data-playbook="rfm-champions"]');
    expect(card?.textContent).toContain('Already created');
    expect(card?.querySelector('a[href="/segments/s-champions"]')?.textContent?.trim()).toBe('Open segment');
    expect(buttonsWithText(fixture, 'Create segment')).toHaveLength(0);
  });

  it('offers a reader neither create nor customize', async () => {
    const fixture = await render(READ, [aPlaybook()]);
    expect(buttonsWithText(fixture, 'Create segment')).toHaveLength(0);
    expect(queryAll(fixture, 'a').filter((a) => a.textContent?.includes('Customize'))).toHaveLength(0);
    expect(query(fixture, '[data-testid="playbook-count"]')?.textContent).toContain('312');
  });
});

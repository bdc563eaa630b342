import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { anEmail, anEmailDetail } from '../../../../../testing/factories';
import {
  expectRequest,
  provideTestApp,
  query,
  queryAll,
  settle,
  signInAs,
} from '../../../../../testing/test-helpers';
import { extractLinks, previewDocument } from '../../models/email-links';
import { EmailLogPage } from './email-log';

/** The page for an email reader, with one email listed. */
async function render() {
  signInAs(['email:read']);
  const fixture = TestBed.createComponent(EmailLogPage);
  await settle(fixture);
  expectRequest('/api/email/messages').flush({
    items: [anEmail()],
    nextCursor: null,
  });
  await settle(fixture);
  return fixture;
}

describe('EmailLogPage', () => {
  beforeEach(() =>
    TestBed.configureTestingModule({ providers: provideTestApp() }),
  );
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('renders the email in a sandboxed iframe and lists its links to click or copy', async () => {
    const fixture = await render();

    queryAll(fixture, '[data-testid="email-item"]')[0].click();
    await settle(fixture);
    expectRequest('/api/email/messages/e-1').flush(anEmailDetail());
    await settle(fixture);

    const iframe = query<HTMLIFrameElement>(fixture, 'iframe');
    expect(iframe?.getAttribute('sandbox')).toBe(
      'allow-popups allow-popups-to-escape-sandbox',
    );
    expect(iframe?.getAttribute('sandbox')).not.toContain('allow-scripts');
    expect(iframe?.getAttribute('sandbox')).not.toContain('allow-same-origin');
    expect(iframe?.srcdoc).toContain('Join Acme');

    const link = query<HTMLAnchorElement>(
      fixture,
      '[data-testid="email-link"]',
    );
    expect(link?.getAttribute('href')).toBe(
      'http://localhost:3000/accept-invitation?token=tok123',
    );
    expect(link?.textContent).toContain('Accept the invitation');
    expect(
      query(fixture, '[data-testid="email-links"] app-copy-button'),
    ).not.toBeNull();
  });

  it('is read-only: no controls that change or send email', async () => {
    const fixture = await render();
    const labels = queryAll(fixture, 'button').map(
      (b) => b.textContent?.trim() ?? '',
    );
    expect(labels.filter((l) => /delete|resend|send|retry/i.test(l))).toEqual(
      [],
    );
  });
});

describe('email links', () => {
  it('extracts http(s) links once each, and skips mailto and anchors', () => {
    const html =
      '<a href="https://x.test/a">A</a><a href="https://x.test/a">again</a><a href="mailto:m@x.test">m</a><a href="#top">t</a><a href="/reset-password?token=1">Reset</a>';
    expect(extractLinks(html)).toEqual([
      { href: 'https://x.test/a', text: 'A' },
      { href: '/reset-password?token=1', text: 'Reset' },
    ]);
  });

  it('makes links in the preview open a new tab', () => {
    expect(
      previewDocument('<html><head><title>t</title></head></html>'),
    ).toContain('<head><base target="_blank">');
    expect(previewDocument('<p>x</p>')).toBe('<base target="_blank"><p>x</p>');
  });
});

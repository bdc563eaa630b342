import { DomainError } from '../../platform/errors/domain-error';
import { EmailRenderer } from './email.renderer';

const renderer = new EmailRenderer();
const LINK = 'https://marketing.example.com/accept-invitation?token=abc-123';

describe('EmailRenderer', () => {
  describe('invitation', () => {
    const data = {
      workspaceName: 'Acme <Growth> & Co',
      inviterName: 'Ada "The Boss" O\'Hara',
      roleName: 'Analyst',
      link: LINK,
      expiresAt: '2026-05-21T14:00:00.000Z',
    };

    it('puts the accept link in the text part and in the HTML button and fallback', () => {
      const email = renderer.render('invitation', data);
      expect(email.text).toContain(`Accept the invitation:\n${LINK}\n`);
      // Handlebars escapes `=` in HTML; a browser decodes `&#x3D;` back to `=`.
      const escaped = 'https://marketing.example.com/accept-invitation?token&#x3D;abc-123';
      expect(email.html.match(new RegExp(`href="${escaped.replace(/[?]/g, '\\?')}"`, 'g'))).toHaveLength(2);
      expect(email.html).toContain('>Accept the invitation</a>');
    });

    it('escapes variables in the HTML part', () => {
      const { html } = renderer.render('invitation', data);
      expect(html).toContain('the <strong>Acme &lt;Growth&gt; &amp; Co</strong> workspace as <strong>Analyst</strong>');
      expect(html).not.toContain('<Growth>');
      expect(html).toContain('Ada &quot;The Boss&quot; O&#x27;Hara has invited you');
      expect(html).toContain('<title>Ada &quot;The Boss&quot; O&#x27;Hara invited you to join Acme &lt;Growth&gt; &amp; Co on Lodestar</title>');
    });

    it('leaves the subject and the text part unescaped', () => {
      const email = renderer.render('invitation', data);
      expect(email.subject).toBe('Ada "The Boss" O\'Hara invited you to join Acme <Growth> & Co on Lodestar');
      expect(email.text).toContain('join the Acme <Growth> & Co workspace on Lodestar as Analyst.');
      expect(email.text).toContain(`${LINK}\n\nThe invitation expires on 21 May 2026, 14:00 UTC.\n\nIf you were not expecting`);
    });

    it('reads well with only the link (what the auth module may send)', () => {
      const email = renderer.render('invitation', { link: LINK });
      expect(email.subject).toBe('You are invited to join a workspace on Lodestar');
      expect(email.text).toBe(
        `You have been invited to join a workspace on Lodestar.\n\nAccept the invitation:\n${LINK}\n\nIf you were not expecting this invitation, you can ignore this email.\n`,
      );
    });

    it('keeps a line break in a name out of the subject header', () => {
      const email = renderer.render('invitation', { workspaceName: 'Acme\r\nBcc: x@evil.test', link: LINK });
      expect(email.subject).toBe('You are invited to join Acme Bcc: x@evil.test on Lodestar');
    });

    it('cuts an over-long subject to 200 characters', () => {
      const email = renderer.render('invitation', { link: LINK, inviterName: 'x'.repeat(320), workspaceName: 'y'.repeat(200) });
      expect(email.subject).toHaveLength(200);
      expect(email.subject).toMatch(/^x+…$/);
    });

    it('refuses data without a link, with a script link, or with an unreadable expiry', () => {
      expect(() => renderer.render('invitation', { workspaceName: 'A' })).toThrow(/"link" is required/);
      expect(() => renderer.render('invitation', { link: 'javascript:alert(1)' })).toThrow(DomainError);
      expect(() => renderer.render('invitation', { link: LINK, expiresAt: 'soon' })).toThrow(/expiresAt/);
      expect(() => renderer.render('invitation', { link: LINK, roleName: { admin: true } })).toThrow(/roleName/);
    });
  });

  describe('password-reset', () => {
    const link = 'https://marketing.example.com/reset-password?token=xyz';

    it('links to the reset page and greets by name, escaped in HTML only', () => {
      const email = renderer.render('password-reset', { link, name: '<b>Bo</b>', expiresInMinutes: 60 });
      expect(email.subject).toBe('Reset your Lodestar password');
      expect(email.text).toContain('Hi <b>Bo</b>,');
      expect(email.text).toContain(`${link}\n\nThe link expires in 60 minutes.\n\nIf you did not ask`);
      expect(email.html).toContain('Hi &lt;b&gt;Bo&lt;/b&gt;,');
      expect(email.html).toContain('href="https://marketing.example.com/reset-password?token&#x3D;xyz"');
      expect(email.html).toContain('The link expires in 60 minutes.');
    });

    it('states an absolute expiry when given a date, and greets anonymously without a name', () => {
      const email = renderer.render('password-reset', { link, expiresAt: new Date('2026-01-02T03:04:00Z') });
      expect(email.text).toMatch(/^Hello,\n/);
      expect(email.text).toContain('The link expires on 2 January 2026, 03:04 UTC.');
    });

    it('wraps the HTML in the layout with the subject as title', () => {
      const { html } = renderer.render('password-reset', { link });
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain('<title>Reset your Lodestar password</title>');
      expect(html).not.toContain('expires');
    });
  });
});

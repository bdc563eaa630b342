import type { EmailTemplate } from './email-template';
import { TemplateData } from './template-data';

/**
 * Sent when someone asks to reset a password. Data: `link` (absolute reset URL, required), and
 * optionally `name`, and `expiresInMinutes` or `expiresAt`.
 */
export const passwordResetTemplate: EmailTemplate = {
  subject: 'Reset your Lodestar password',

  html: `{{#> layout}}
<h1 style="margin:0 0 16px;font-size:22px;">Reset your password</h1>
<p>{{#if name}}Hi {{name}},{{else}}Hello,{{/if}}</p>
<p>Someone, hopefully you, asked to reset the password of your Lodestar account. Choose a new one with the link below; it works once.</p>
{{> button link=link label="Choose a new password"}}
{{#if expiresIn}}<p>The link expires in {{expiresIn}}.</p>{{else if expires}}<p>The link expires on {{expires}}.</p>{{/if}}
<p style="color:#6b7280;">If you did not ask for this, ignore this email: your password stays as it is.</p>
{{/layout}}`,

  text: `{{#if name}}Hi {{name}},{{else}}Hello,{{/if}}

Someone, hopefully you, asked to reset the password of your Lodestar account. Choose a new one with the link below; it works once.

{{link}}
{{#if expiresIn}}

The link expires in {{expiresIn}}.
{{else if expires}}

The link expires on {{expires}}.
{{/if}}

If you did not ask for this, ignore this email: your password stays as it is.
`,

  view(raw) {
    const data = new TemplateData('password-reset', raw);
    return { name: data.optional('name'), link: data.link(), expiresIn: data.expiresIn(), expires: data.expiry() };
  },
};

import type { EmailTemplate } from './email-template';
import { TemplateData } from './template-data';

/**
 * Sent when a member is invited. Data: `link` (absolute accept URL, required), and optionally
 * `workspaceName`, `inviterName`, `roleName`, `expiresAt` (Date or ISO string).
 */
export const invitationTemplate: EmailTemplate = {
  subject: `{{#if inviterName}}{{inviterName}} invited you{{else}}You are invited{{/if}} to join {{#if workspaceName}}{{workspaceName}}{{else}}a workspace{{/if}} on Lodestar`,

  html: `{{#> layout}}
<h1 style="margin:0 0 16px;font-size:22px;">Join {{#if workspaceName}}{{workspaceName}}{{else}}your team{{/if}} on Lodestar</h1>
<p>{{#if inviterName}}{{inviterName}} has invited you{{else}}You have been invited{{/if}} to join {{#if workspaceName}}the <strong>{{workspaceName}}</strong> workspace{{else}}a workspace{{/if}}{{#if roleName}} as <strong>{{roleName}}</strong>{{/if}}.</p>
{{> button link=link label="Accept the invitation"}}
{{#if expires}}<p>The invitation expires on {{expires}}.</p>{{/if}}
<p style="color:#6b7280;">If you were not expecting this invitation, you can ignore this email.</p>
{{/layout}}`,

  text: `{{#if inviterName}}{{inviterName}} has invited you{{else}}You have been invited{{/if}} to join {{#if workspaceName}}the {{workspaceName}} workspace{{else}}a workspace{{/if}} on Lodestar{{#if roleName}} as {{roleName}}{{/if}}.

Accept the invitation:
{{link}}
{{#if expires}}

The invitation expires on {{expires}}.
{{/if}}

If you were not expecting this invitation, you can ignore this email.
`,

  view(raw) {
    const data = new TemplateData('invitation', raw);
    return {
      workspaceName: data.optional('workspaceName'),
      inviterName: data.optional('inviterName'),
      roleName: data.optional('roleName'),
      link: data.link(),
      expires: data.expiry(),
    };
  },
};

import type { EmailTemplateName } from '../email.types';
import type { EmailTemplate } from './email-template';
import { invitationTemplate } from './invitation.template';
import { passwordResetTemplate } from './password-reset.template';

/**
 * Every platform email template. Templates are Handlebars source kept in TypeScript modules so the
 * plain `tsc` build carries them to `dist/` and Jest reads them from source: no asset copying, no
 * path resolution at run time.
 */
export const EMAIL_TEMPLATE_SOURCES: Record<EmailTemplateName, EmailTemplate> = {
  invitation: invitationTemplate,
  'password-reset': passwordResetTemplate,
};

/** The platform's email templates. */
export const EMAIL_TEMPLATES = ['invitation', 'password-reset'] as const;
export type EmailTemplateName = (typeof EMAIL_TEMPLATES)[number];

export const EMAIL_STATUSES = ['queued', 'sent', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** What another module asks {@link PlatformEmailService.send} to send. */
export interface SendEmailRequest {
  to: string;
  template: EmailTemplateName;
  /** Template variables; see `templates/` for what each template needs. */
  data: Record<string, unknown>;
}

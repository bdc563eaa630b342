import { DomainError } from '../../platform/errors/domain-error';

export enum EmailErrorCode {
  NotFound = 'not-found',
  InvalidRecipient = 'email-invalid-recipient',
  /** A calling module passed template data the template cannot use: a bug in the caller. */
  InvalidTemplateData = 'email-invalid-template-data',
}

export class EmailError extends DomainError {
  constructor(code: EmailErrorCode, status: number, message: string, field?: string) {
    super(code, status, message, field ? [{ field, message }] : []);
    this.name = 'EmailError';
  }
}

export const emailMessageNotFound = () => new EmailError(EmailErrorCode.NotFound, 404, 'Email message not found');
export const invalidRecipient = (to: string) =>
  new EmailError(EmailErrorCode.InvalidRecipient, 422, `"${to}" is not an email address`, 'to');
export const invalidTemplateData = (template: string, message: string) =>
  new EmailError(EmailErrorCode.InvalidTemplateData, 500, `Email template "${template}": ${message}`);

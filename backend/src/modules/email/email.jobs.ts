/** The queue of platform emails. */
export const EMAIL_QUEUE = 'email';

export enum EmailJobName {
  /** Deliver one stored `email_messages` row through the configured transport. */
  Send = 'send',
}

export interface SendEmailJob {
  workspaceId: string;
  messageId: string;
}

export interface EmailJobPayloads {
  [EmailJobName.Send]: SendEmailJob;
}

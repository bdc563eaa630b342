import type { EmailTransportName } from '../../../platform/config/env';

/** Injection token of the configured {@link EmailTransport}. */
export const EMAIL_TRANSPORT = Symbol('EmailTransport');

/** A rendered email ready to leave. */
export interface OutgoingEmail {
  /** Our `email_messages.id`. */
  id: string;
  to: string;
  /** `Name <address>` or a bare address. */
  from: string;
  subject: string;
  html: string;
  text: string;
}

/** Hands an email to a provider (or, for the sandbox, to nobody). */
export interface EmailTransport {
  readonly name: EmailTransportName;
  send(message: OutgoingEmail): Promise<{ providerMessageId: string | null }>;
}

/**
 * A send that did not happen, with a reason fit to show in the email log. `retryable` is false
 * when sending the same message again cannot succeed (rejected address, bad credentials…).
 */
export class EmailTransportError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'EmailTransportError';
  }
}

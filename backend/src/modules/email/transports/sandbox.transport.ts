import type { EmailTransport } from './email-transport';

/**
 * Sends nothing: the message is marked sent and stays readable in the email log, which is the
 * sandbox inbox of the console. For development, demos and tests.
 */
export class SandboxTransport implements EmailTransport {
  readonly name = 'sandbox' as const;

  async send(): Promise<{ providerMessageId: null }> {
    return { providerMessageId: null };
  }
}

import { Client } from '@sendgrid/client';
import { MailService } from '@sendgrid/mail';
import { EmailTransport, EmailTransportError, OutgoingEmail } from './email-transport';

interface SendGridErrorBody {
  errors?: { message?: string; field?: string | null }[];
}
interface SendGridResponseError {
  code?: number;
  message?: string;
  response?: { body?: SendGridErrorBody | string };
}

const TIMEOUT_MS = 15_000;

/** SendGrid's v3 Mail Send API through the official client, with its own client instance (no shared singleton). */
export class SendGridTransport implements EmailTransport {
  readonly name = 'sendgrid' as const;
  private readonly mail = new MailService();

  /** @param apiUrl base URL replacing `https://api.sendgrid.com` (tests point it at a local server). */
  constructor(apiKey: string, apiUrl?: string) {
    const client = new Client();
    client.setApiKey(apiKey); // resets the base URL to SendGrid's, so override after it
    if (apiUrl) client.setDefaultRequest('baseUrl', apiUrl);
    this.mail.setClient(client);
    this.mail.setTimeout(TIMEOUT_MS);
  }

  async send(message: OutgoingEmail): Promise<{ providerMessageId: string | null }> {
    try {
      const [response] = await this.mail.send({
        to: message.to,
        from: message.from,
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
      const id = response.headers?.['x-message-id'];
      return { providerMessageId: typeof id === 'string' && id ? id : null };
    } catch (error) {
      throw toTransportError(error as SendGridResponseError);
    }
  }
}

/** 4xx answers other than 429 are permanent; 429, 5xx and network failures are worth retrying. */
function toTransportError(error: SendGridResponseError): EmailTransportError {
  const status = typeof error.code === 'number' ? error.code : undefined;
  if (!status) return new EmailTransportError(`SendGrid could not be reached: ${error.message ?? String(error)}`, true);
  const body = error.response?.body;
  const details =
    typeof body === 'object' && body?.errors?.length
      ? body.errors.map((e) => (e.field ? `${e.message} (${e.field})` : e.message)).join('; ')
      : error.message || 'no details';
  const retryable = status === 429 || status >= 500;
  return new EmailTransportError(`SendGrid ${retryable ? 'failed' : 'rejected the message'} (HTTP ${status}): ${details}`, retryable);
}

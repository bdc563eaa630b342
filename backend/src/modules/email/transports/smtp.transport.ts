import { createTransport, Transporter } from 'nodemailer';
import { EmailTransport, EmailTransportError, OutgoingEmail } from './email-transport';

interface SmtpError {
  message?: string;
  code?: string;
  responseCode?: number;
  response?: string;
}

/** Any SMTP server (`smtp://` or `smtps://user:pass@host:port`), through nodemailer. */
export class SmtpTransport implements EmailTransport {
  readonly name = 'smtp' as const;
  private readonly transporter: Transporter;

  constructor(url: string) {
    this.transporter = createTransport(url);
  }

  async send(message: OutgoingEmail): Promise<{ providerMessageId: string | null }> {
    try {
      const info = await this.transporter.sendMail({
        to: message.to,
        from: message.from,
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
      return { providerMessageId: info.messageId ?? null };
    } catch (error) {
      throw toTransportError(error as SmtpError);
    }
  }
}

/** A 5xx reply is a permanent refusal; 4xx replies and connection failures are retried. */
function toTransportError(error: SmtpError): EmailTransportError {
  const code = error.responseCode;
  if (!code) return new EmailTransportError(`SMTP server could not be reached: ${error.message ?? error.code ?? String(error)}`, true);
  const retryable = code < 500;
  const reply = (error.response ?? error.message ?? '').trim();
  return new EmailTransportError(`SMTP server ${retryable ? 'deferred' : 'rejected'} the message (${code}): ${reply}`, retryable);
}

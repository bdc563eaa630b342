import type { FactoryProvider } from '@nestjs/common';
import { Env } from '../../../platform/config/env';
import { EMAIL_TRANSPORT, EmailTransport } from './email-transport';
import { SandboxTransport } from './sandbox.transport';
import { SendGridTransport } from './sendgrid.transport';
import { SmtpTransport } from './smtp.transport';

/** Builds the transport named by `EMAIL_TRANSPORT`; `loadEnv` already checked that its settings are present. */
export function createEmailTransport(env: Env): EmailTransport {
  switch (env.EMAIL_TRANSPORT) {
    case 'sendgrid':
      return new SendGridTransport(env.SENDGRID_API_KEY as string, env.SENDGRID_API_URL);
    case 'smtp':
      return new SmtpTransport(env.SMTP_URL as string);
    case 'sandbox':
      return new SandboxTransport();
  }
}

export const emailTransportProvider: FactoryProvider<EmailTransport> = {
  provide: EMAIL_TRANSPORT,
  inject: [Env],
  useFactory: createEmailTransport,
};

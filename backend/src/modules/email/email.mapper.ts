import { EmailMessageDetailDto, EmailMessageDto } from './dto/email-message.response';
import type { EmailMessage } from './entities/email-message.entity';

export function toEmailMessageDto(m: EmailMessage): EmailMessageDto {
  return {
    id: m.id,
    to: m.toAddress,
    subject: m.subject,
    template: m.template,
    transport: m.transport,
    status: m.status,
    error: m.error,
    attempts: m.attempts,
    createdAt: m.createdAt,
    sentAt: m.sentAt,
  };
}

export function toEmailMessageDetailDto(m: EmailMessage): EmailMessageDetailDto {
  return { ...toEmailMessageDto(m), from: m.fromAddress, providerMessageId: m.providerMessageId, html: m.html, text: m.text };
}

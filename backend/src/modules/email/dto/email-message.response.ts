import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { EmailTransportName } from '../../../platform/config/env';
import { PageOf } from '../../../platform/pagination/cursor';
import { EMAIL_STATUSES, EMAIL_TEMPLATES } from '../email.types';
import type { EmailStatus, EmailTemplateName } from '../email.types';

/** One entry of the platform email log. */
@ApiSchema({ name: 'EmailMessage' })
export class EmailMessageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ada@example.com' }) to: string;
  @ApiProperty({ example: 'Reset your Lodestar password' }) subject: string;
  @ApiProperty({ enum: EMAIL_TEMPLATES, enumName: 'EmailTemplate' }) template: EmailTemplateName;
  @ApiProperty({ enum: ['sandbox', 'sendgrid', 'smtp'], enumName: 'EmailTransport' }) transport: EmailTransportName;
  @ApiProperty({ enum: EMAIL_STATUSES, enumName: 'EmailStatus' }) status: EmailStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Reason of the last failed attempt' }) error: string | null;
  @ApiProperty({ description: 'Delivery attempts made so far' }) attempts: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) sentAt: Date | null;
}

/** An email with its content: what the recipient sees (the sandbox inbox shows this). */
@ApiSchema({ name: 'EmailMessageDetail' })
export class EmailMessageDetailDto extends EmailMessageDto {
  @ApiProperty({ example: 'Lodestar <no-reply@lodestar.local>' }) from: string;
  @ApiProperty({ type: String, nullable: true, description: "The provider's id of the message, when it gave one" })
  providerMessageId: string | null;
  @ApiProperty() html: string;
  @ApiProperty() text: string;
}

export const EmailMessagePageDto = PageOf(EmailMessageDto);

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../../platform/pagination/cursor';
import { EMAIL_STATUSES, EMAIL_TEMPLATES } from '../email.types';
import type { EmailStatus, EmailTemplateName } from '../email.types';

export class ListEmailMessagesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the recipient address, case-insensitive', maxLength: 320 })
  @IsOptional() @IsString() @MaxLength(320)
  to?: string;

  @ApiPropertyOptional({ enum: EMAIL_TEMPLATES, enumName: 'EmailTemplate' })
  @IsOptional() @IsIn(EMAIL_TEMPLATES)
  template?: EmailTemplateName;

  @ApiPropertyOptional({ enum: EMAIL_STATUSES, enumName: 'EmailStatus' })
  @IsOptional() @IsIn(EMAIL_STATUSES)
  status?: EmailStatus;
}

import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../platform/access/access.decorators';
import type { Actor } from '../../platform/access/actor';
import { DomainError } from '../../platform/errors/domain-error';
import { ProblemDto } from '../../platform/errors/problem';
import type { Page } from '../../platform/pagination/cursor';
import { EmailMessageDetailDto, EmailMessageDto, EmailMessagePageDto } from './dto/email-message.response';
import { ListEmailMessagesQuery } from './dto/list-email-messages.query';
import { PlatformEmailService } from './platform-email.service';

const MessageId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('validation-failed', 400, 'Invalid request: id', [{ field: 'id', message: 'id must be a UUID' }]),
});

/** The platform email log; with the sandbox transport, the inbox. */
@ApiTags('email')
@Controller('email/messages')
export class EmailController {
  constructor(private readonly email: PlatformEmailService) {}

  @Get()
  @RequirePermission('email:read')
  @ApiOperation({ operationId: 'listEmailMessages', summary: 'List platform emails, newest first' })
  @ApiOkResponse({ type: EmailMessagePageDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid filter or cursor' })
  listEmailMessages(@CurrentActor() actor: Actor, @Query() query: ListEmailMessagesQuery): Promise<Page<EmailMessageDto>> {
    return this.email.list(actor, query);
  }

  @Get(':id')
  @RequirePermission('email:read')
  @ApiOperation({ operationId: 'getEmailMessage', summary: 'One platform email with its HTML and text' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: EmailMessageDetailDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such email in this workspace' })
  getEmailMessage(@CurrentActor() actor: Actor, @Param('id', MessageId) id: string): Promise<EmailMessageDetailDto> {
    return this.email.get(actor, id);
  }
}

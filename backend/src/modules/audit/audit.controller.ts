import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { CurrentActor, RequirePermission } from '../../platform/access/access.decorators';
import type { Actor } from '../../platform/access/actor';
import { ProblemDto } from '../../platform/errors/problem';
import { PageOf } from '../../platform/pagination/cursor';
import { AuditService } from './audit.service';
import { AuditEventDto } from './dto/audit-event.dto';
import { AuditFilterQuery, ListAuditEventsQuery } from './dto/list-audit-events.query';

const AuditEventPage = PageOf(AuditEventDto);

@ApiTags('audit')
@ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid filter' })
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission('audit:read')
  @ApiOperation({ operationId: 'listAuditEvents', summary: 'List audit events, newest first, with filters' })
  @ApiOkResponse({ type: AuditEventPage })
  list(@CurrentActor() actor: Actor, @Query() query: ListAuditEventsQuery) {
    const { cursor, limit, ...filter } = query;
    return this.audit.list(actor, filter, cursor, limit);
  }

  @Get('export')
  @RequirePermission('audit:export')
  @ApiOperation({ operationId: 'exportAuditEvents', summary: 'Export matching audit events as CSV' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file, oldest event first', schema: { type: 'string' } })
  export(@CurrentActor() actor: Actor, @Query() filter: AuditFilterQuery): StreamableFile {
    return new StreamableFile(Readable.from(this.audit.exportCsv(actor, filter)), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="audit-log.csv"',
    });
  }
}

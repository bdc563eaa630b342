import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { CurrentActor, RequirePermission } from '../../platform/access/access.decorators';
import type { Actor } from '../../platform/access/actor';
import { ProblemDto } from '../../platform/errors/problem';
import { IdParam } from '../../platform/http/id-param';
import { PageQuery } from '../../platform/pagination/cursor';
import type { Page } from '../../platform/pagination/cursor';
import { SegmentMemberDto, SegmentMemberPageDto } from './dto/segment-customer.dto';
import { SegmentBreakdownDto, SegmentExplanationDto } from './dto/segment-insights.dto';
import { SegmentExplainService } from './segment-explain.service';
import { SegmentMembersService } from './segment-members.service';

/** A segment's materialized members (pages and CSV), their breakdown, and why one customer is in or out. */
@ApiTags('segments')
@ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid id or cursor' })
@ApiNotFoundResponse({ type: ProblemDto, description: 'No such segment (or customer) in this workspace' })
@Controller('segments/:id')
export class SegmentMembersController {
  constructor(
    private readonly members: SegmentMembersService,
    private readonly explanations: SegmentExplainService,
  ) {}

  @Get('members')
  @RequirePermission('segments:read')
  @ApiOperation({ operationId: 'listSegmentMembers', summary: 'The members of a segment as of its last refresh, page by page' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: SegmentMemberPageDto })
  listSegmentMembers(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: PageQuery): Promise<Page<SegmentMemberDto>> {
    return this.members.list(actor, id, query);
  }

  @Get('members/export')
  @RequirePermission('segments:read')
  @ApiOperation({ operationId: 'exportSegmentMembers', summary: 'Every member of a segment as CSV, streamed' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file (UTF-8), one row per member', schema: { type: 'string', format: 'binary' } })
  async exportSegmentMembers(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<StreamableFile> {
    const { fileName, rows } = await this.members.exportCsv(actor, id);
    return new StreamableFile(Readable.from(rows), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${fileName}"` });
  }

  @Get('breakdown')
  @RequirePermission('segments:read')
  @ApiOperation({ operationId: 'getSegmentBreakdown', summary: 'A segment’s members by RFM tier, consent per channel and total spent' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: SegmentBreakdownDto })
  getSegmentBreakdown(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<SegmentBreakdownDto> {
    return this.members.breakdown(actor, id);
  }

  @Get('explain/:customerId')
  @RequirePermission('segments:read')
  @ApiOperation({ operationId: 'explainSegmentMembership', summary: 'Which conditions a customer meets and misses, with the values compared' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'customerId', format: 'uuid' })
  @ApiOkResponse({ type: SegmentExplanationDto })
  explainSegmentMembership(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('customerId') customerId: string): Promise<SegmentExplanationDto> {
    return this.explanations.explain(actor, id, customerId);
  }
}

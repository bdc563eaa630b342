import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../../platform/access/access.decorators';
import type { Actor } from '../../../platform/access/actor';
import { ProblemDto } from '../../../platform/errors/problem';
import { IdParam } from '../../../platform/http/id-param';
import { SegmentHistoryQuery } from './dto/segment-history.query';
import { SegmentRefreshDto, SegmentSizeHistoryDto } from './dto/segment-refresh.response';
import { SegmentRefreshService } from './segment-refresh.service';

/** Refreshing a segment's materialized membership on demand, following a refresh, and the size history. */
@ApiTags('segments')
@ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid id or parameter (the field is named)' })
@ApiNotFoundResponse({ type: ProblemDto, description: 'No such segment (or refresh) in this workspace' })
@ApiParam({ name: 'id', format: 'uuid' })
@Controller('segments/:id')
export class SegmentRefreshController {
  constructor(private readonly refreshes: SegmentRefreshService) {}

  @Post('refresh')
  @HttpCode(202)
  @RequirePermission('segments:write')
  @ApiOperation({
    operationId: 'refreshSegment',
    summary: 'Re-evaluate every customer against the rules now, in the background (joins a refresh already queued)',
  })
  @ApiAcceptedResponse({ type: SegmentRefreshDto })
  refreshSegment(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<SegmentRefreshDto> {
    return this.refreshes.refreshNow(actor, id);
  }

  @Get('refreshes/:refreshId')
  @RequirePermission('segments:read')
  @ApiOperation({ operationId: 'getSegmentRefresh', summary: 'One refresh of the segment and its progress' })
  @ApiParam({ name: 'refreshId', format: 'uuid' })
  @ApiOkResponse({ type: SegmentRefreshDto })
  getSegmentRefresh(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @IdParam('refreshId') refreshId: string,
  ): Promise<SegmentRefreshDto> {
    return this.refreshes.getRefresh(actor, id, refreshId);
  }

  @Get('history')
  @RequirePermission('segments:read')
  @ApiOperation({
    operationId: 'getSegmentSizeHistory',
    summary: 'The size after each completed refresh of the last days (default 90), oldest first',
  })
  @ApiOkResponse({ type: SegmentSizeHistoryDto })
  getSegmentSizeHistory(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Query() query: SegmentHistoryQuery,
  ): Promise<SegmentSizeHistoryDto> {
    return this.refreshes.sizeHistory(actor, id, query.days);
  }
}

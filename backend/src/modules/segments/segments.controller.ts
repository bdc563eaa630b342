import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../platform/access/access.decorators';
import type { Actor } from '../../platform/access/actor';
import { ProblemDto } from '../../platform/errors/problem';
import { IdParam } from '../../platform/http/id-param';
import type { Page } from '../../platform/pagination/cursor';
import { SegmentFieldsDto } from './dto/segment-fields.dto';
import { SegmentPreviewDto } from './dto/segment-customer.dto';
import { CreateSegmentRequest, ListSegmentsQuery, PreviewSegmentRequest, UpdateSegmentRequest } from './dto/segment.request';
import { SegmentDetailDto, SegmentSummaryDto, SegmentSummaryPageDto } from './dto/segment.response';
import { SegmentFieldsService } from './segment-fields.service';
import { SegmentPreviewService } from './segment-preview.service';
import { SegmentsService } from './segments.service';

/** Segments: CRUD, the live preview of a rule tree and the builder's field catalogue. */
@ApiTags('segments')
@ApiBadRequestResponse({
  type: ProblemDto,
  description: 'Invalid parameter, cursor or body; an invalid rule tree (`invalid-segment-rules`, `segment-cycle`: a condition on a missing segment or a cycle) names the JSON path of the node',
})
@Controller('segments')
export class SegmentsController {
  constructor(
    private readonly segments: SegmentsService,
    private readonly preview: SegmentPreviewService,
    private readonly fields: SegmentFieldsService,
  ) {}

  @Get()
  @RequirePermission('segments:read')
  @ApiOperation({ operationId: 'listSegments', summary: 'Segments, newest first, with their size and the trend of the last 30 refreshes' })
  @ApiOkResponse({ type: SegmentSummaryPageDto })
  listSegments(@CurrentActor() actor: Actor, @Query() query: ListSegmentsQuery): Promise<Page<SegmentSummaryDto>> {
    return this.segments.list(actor, query);
  }

  @Post()
  @RequirePermission('segments:write')
  @ApiOperation({ operationId: 'createSegment', summary: 'Create a segment from a rule tree; its membership is materialized in the background' })
  @ApiCreatedResponse({ type: SegmentDetailDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'Another segment has this name' })
  createSegment(@CurrentActor() actor: Actor, @Body() body: CreateSegmentRequest): Promise<SegmentDetailDto> {
    return this.segments.create(actor, body);
  }

  @Post('preview')
  @HttpCode(200)
  @RequirePermission('segments:read')
  @ApiOperation({ operationId: 'previewSegment', summary: 'Count the customers matching a rule tree now, with a sample of 20 (nothing is saved)' })
  @ApiOkResponse({ type: SegmentPreviewDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'segmentId names no segment of this workspace' })
  @ApiUnprocessableEntityResponse({ type: ProblemDto, description: 'Counting took longer than the preview’s time limit (`preview-timeout`)' })
  previewSegment(@CurrentActor() actor: Actor, @Body() body: PreviewSegmentRequest): Promise<SegmentPreviewDto> {
    return this.preview.preview(actor, body);
  }

  @Get('fields')
  @RequirePermission('segments:read')
  @ApiOperation({ operationId: 'getSegmentFields', summary: 'The field catalogue of the rule builder and the values present in the data' })
  @ApiOkResponse({ type: SegmentFieldsDto })
  getSegmentFields(@CurrentActor() actor: Actor): Promise<SegmentFieldsDto> {
    return this.fields.fields(actor);
  }

  @Get(':id')
  @RequirePermission('segments:read')
  @ApiOperation({ operationId: 'getSegment', summary: 'One segment: its rule tree, the state of its membership and the segments using it' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: SegmentDetailDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such segment in this workspace' })
  getSegment(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<SegmentDetailDto> {
    return this.segments.get(actor, id);
  }

  @Patch(':id')
  @RequirePermission('segments:write')
  @ApiOperation({ operationId: 'updateSegment', summary: 'Rename a segment or change its rules (new rules are materialized in the background)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: SegmentDetailDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such segment in this workspace' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Another segment has this name' })
  updateSegment(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: UpdateSegmentRequest): Promise<SegmentDetailDto> {
    return this.segments.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('segments:write')
  @ApiOperation({ operationId: 'deleteSegment', summary: 'Delete a segment with its membership and history' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such segment in this workspace' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Other segments refer to it (`segment-in-use`, they are named)' })
  deleteSegment(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.segments.remove(actor, id);
  }
}

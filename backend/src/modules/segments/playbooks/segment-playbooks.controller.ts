import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../../platform/access/access.decorators';
import type { Actor } from '../../../platform/access/actor';
import { ProblemDto } from '../../../platform/errors/problem';
import { SegmentPlaybookDto } from '../dto/segment-playbook.dto';
import { CreateSegmentFromPlaybookRequest } from '../dto/segment.request';
import { SegmentDetailDto } from '../dto/segment.response';
import { SegmentPlaybooksService } from './segment-playbooks.service';

/** Ready-made segments (the RFM tiers and other classics) with recommended offers, created in one click. */
@ApiTags('segments')
@Controller('segments/playbooks')
export class SegmentPlaybooksController {
  constructor(private readonly playbooks: SegmentPlaybooksService) {}

  @Get()
  @RequirePermission('segments:read')
  @ApiOperation({ operationId: 'listSegmentPlaybooks', summary: 'Every playbook with the number of customers it matches now in this workspace' })
  @ApiOkResponse({ type: [SegmentPlaybookDto] })
  listSegmentPlaybooks(@CurrentActor() actor: Actor): Promise<SegmentPlaybookDto[]> {
    return this.playbooks.list(actor);
  }

  @Post(':key')
  @RequirePermission('segments:write')
  @ApiOperation({ operationId: 'createSegmentFromPlaybook', summary: 'Create the segment of a playbook (named after it unless a name is given)' })
  @ApiParam({ name: 'key', example: 'rfm-champions' })
  @ApiCreatedResponse({ type: SegmentDetailDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid body' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such playbook' })
  @ApiConflictResponse({ type: ProblemDto, description: 'A segment already has this name: give another `name`' })
  createSegmentFromPlaybook(
    @CurrentActor() actor: Actor,
    @Param('key') key: string,
    @Body() body: CreateSegmentFromPlaybookRequest,
  ): Promise<SegmentDetailDto> {
    return this.playbooks.create(actor, key, body);
  }
}

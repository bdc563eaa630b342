import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../../platform/access/access.decorators';
import type { Actor } from '../../../platform/access/actor';
import { ProblemDto } from '../../../platform/errors/problem';
import { DemoStatusDto } from './dto/demo-status.response';
import { DemoService } from './demo.service';

/** Demo data for an empty workspace: about 20,000 customers with two years of orders and events. */
@ApiTags('demo')
@Controller('demo')
export class DemoController {
  constructor(private readonly demo: DemoService) {}

  @Post()
  @HttpCode(202)
  @RequirePermission('workspace:manage')
  @ApiOperation({
    operationId: 'loadDemoData',
    summary: 'Fill this empty workspace with deterministic demo customers, orders and events, in the background',
  })
  @ApiAcceptedResponse({ type: DemoStatusDto, description: 'Queued (or already loading)' })
  @ApiConflictResponse({ type: ProblemDto, description: 'The workspace already has customers' })
  loadDemoData(@CurrentActor() actor: Actor): Promise<DemoStatusDto> {
    return this.demo.request(actor);
  }

  @Get()
  @RequirePermission('customers:read')
  @ApiOperation({ operationId: 'getDemoStatus', summary: 'Progress of loading the demo data' })
  @ApiOkResponse({ type: DemoStatusDto })
  getDemoStatus(@CurrentActor() actor: Actor): Promise<DemoStatusDto> {
    return this.demo.status(actor);
  }
}

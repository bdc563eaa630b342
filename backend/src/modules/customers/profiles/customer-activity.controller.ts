import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../../platform/access/access.decorators';
import type { Actor } from '../../../platform/access/actor';
import { ProblemDto } from '../../../platform/errors/problem';
import { IdParam } from '../../../platform/http/id-param';
import type { Page } from '../../../platform/pagination/cursor';
import { CustomerInsightsService } from './customer-insights.service';
import { CustomerTimelineService } from './customer-timeline.service';
import { CustomerSpendDto, CustomerSpendQuery } from './dto/customer-insights.dto';
import { CustomerTimelineQuery, TimelineEntryDto, TimelinePageDto } from './dto/customer-timeline.dto';

/** The customer 360 page's activity: the timeline and the monthly spend. */
@ApiTags('customers')
@ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid id, filter or cursor (the field is named)' })
@ApiNotFoundResponse({ type: ProblemDto, description: 'No such customer in this workspace' })
@Controller('customers/:id')
export class CustomerActivityController {
  constructor(
    private readonly timeline: CustomerTimelineService,
    private readonly insights: CustomerInsightsService,
  ) {}

  @Get('timeline')
  @RequirePermission('customers:read')
  @ApiOperation({ operationId: 'getCustomerTimeline', summary: 'Orders (with line items) and events of a customer, newest first' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: TimelinePageDto })
  getCustomerTimeline(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: CustomerTimelineQuery): Promise<Page<TimelineEntryDto>> {
    return this.timeline.timeline(actor, id, query);
  }

  @Get('spend')
  @RequirePermission('customers:read')
  @ApiOperation({ operationId: 'getCustomerSpend', summary: 'Spend and orders per month of a customer' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CustomerSpendDto })
  getCustomerSpend(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: CustomerSpendQuery): Promise<CustomerSpendDto> {
    return this.insights.spend(actor, id, query.months);
  }
}

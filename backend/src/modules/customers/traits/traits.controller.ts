import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../../platform/access/access.decorators';
import type { Actor } from '../../../platform/access/actor';
import { TraitsRefreshDto, TraitsStatusDto } from './dto/traits-status.response';
import { TraitsService } from './traits.service';

/** The workspace's RFM scoring: its state, and a refresh on demand (it also runs daily). */
@ApiTags('customers')
@Controller('customers/traits')
export class TraitsController {
  constructor(private readonly traits: TraitsService) {}

  @Post('refresh')
  @HttpCode(202)
  @RequirePermission('customers:write')
  @ApiOperation({
    operationId: 'refreshCustomerTraits',
    summary: 'Recompute the RFM quintile boundaries and rescore every customer now, in the background',
  })
  @ApiAcceptedResponse({ type: TraitsRefreshDto })
  refreshCustomerTraits(@CurrentActor() actor: Actor): Promise<TraitsRefreshDto> {
    return this.traits.requestRefresh(actor);
  }

  @Get('status')
  @RequirePermission('customers:read')
  @ApiOperation({ operationId: 'getCustomerTraitsStatus', summary: 'RFM quintile boundaries, when they were computed, and customers per tier' })
  @ApiOkResponse({ type: TraitsStatusDto })
  getCustomerTraitsStatus(@CurrentActor() actor: Actor): Promise<TraitsStatusDto> {
    return this.traits.status(actor);
  }
}

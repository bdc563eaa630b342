import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, RequirePermission } from '../../../platform/access/access.decorators';
import type { Actor } from '../../../platform/access/actor';
import { ProblemDto } from '../../../platform/errors/problem';
import { IdParam } from '../../../platform/http/id-param';
import { CustomerGdprService } from './customer-gdpr.service';
import { CustomerErasureDto, CustomerPersonalDataDto } from './dto/personal-data.dto';

/** GDPR: export everything about one customer; erase their personal data. Both audited. */
@ApiTags('customers')
@ApiBadRequestResponse({ type: ProblemDto, description: 'The id is not a UUID' })
@ApiNotFoundResponse({ type: ProblemDto, description: 'No such customer in this workspace' })
@Controller('customers/:id')
export class CustomerGdprController {
  constructor(private readonly gdpr: CustomerGdprService) {}

  @Get('personal-data')
  @RequirePermission('customers:export')
  @ApiOperation({ operationId: 'exportCustomerPersonalData', summary: 'Everything stored about a customer as a JSON file (GDPR access request)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CustomerPersonalDataDto, description: 'Sent as an attachment' })
  async exportCustomerPersonalData(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerPersonalDataDto> {
    const data = await this.gdpr.exportPersonalData(actor, id);
    reply.header('content-disposition', `attachment; filename="customer-${id}.json"`);
    return data;
  }

  @Post('erase')
  @RequirePermission('customers:erase')
  @HttpCode(200)
  @ApiOperation({ operationId: 'eraseCustomer', summary: 'Erase a customer’s personal data; orders and traits stay for aggregates (GDPR)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CustomerErasureDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'Already erased' })
  eraseCustomer(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<CustomerErasureDto> {
    return this.gdpr.erase(actor, id);
  }
}

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
import { CurrentActor, RequirePermission } from '../../../platform/access/access.decorators';
import type { Actor } from '../../../platform/access/actor';
import { ProblemDto } from '../../../platform/errors/problem';
import { IdParam } from '../../../platform/http/id-param';
import type { Page } from '../../../platform/pagination/cursor';
import { CustomerInsightsService } from './customer-insights.service';
import { CustomersService } from './customers.service';
import { ListCustomersQuery } from './dto/customer-filters.query';
import { CustomerFacetsDto, CustomerStatsDto } from './dto/customer-insights.dto';
import { CreateCustomerRequest, UpdateCustomerRequest } from './dto/customer.request';
import { CustomerDetailDto, CustomerDto, CustomerPageDto } from './dto/customer.response';

/** Customer profiles: the filtered list, facets and stats for the console, and CRUD. */
@ApiTags('customers')
@ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid parameter, filter, cursor or body (the field is named)' })
@Controller('customers')
export class CustomersController {
  constructor(
    private readonly customers: CustomersService,
    private readonly insights: CustomerInsightsService,
  ) {}

  @Get()
  @RequirePermission('customers:read')
  @ApiOperation({ operationId: 'listCustomers', summary: 'Search, filter and sort customers, page by page (erased ones left out by default)' })
  @ApiOkResponse({ type: CustomerPageDto })
  listCustomers(@CurrentActor() actor: Actor, @Query() query: ListCustomersQuery): Promise<Page<CustomerDto>> {
    return this.customers.list(actor, query);
  }

  @Get('facets')
  @RequirePermission('customers:read')
  @ApiOperation({ operationId: 'getCustomerFacets', summary: 'Countries, tags, attribute keys, order categories, RFM tiers and churn risks present' })
  @ApiOkResponse({ type: CustomerFacetsDto })
  getCustomerFacets(@CurrentActor() actor: Actor): Promise<CustomerFacetsDto> {
    return this.insights.facets(actor);
  }

  @Get('stats')
  @RequirePermission('customers:read')
  @ApiOperation({ operationId: 'getCustomerStats', summary: 'Customer counts, monthly revenue and orders (24 months), RFM tier distribution' })
  @ApiOkResponse({ type: CustomerStatsDto })
  getCustomerStats(@CurrentActor() actor: Actor): Promise<CustomerStatsDto> {
    return this.insights.stats(actor);
  }

  @Post()
  @RequirePermission('customers:write')
  @ApiOperation({ operationId: 'createCustomer', summary: 'Create a customer' })
  @ApiCreatedResponse({ type: CustomerDetailDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'Another customer has this external id or email' })
  @ApiUnprocessableEntityResponse({ type: ProblemDto, description: 'Invalid field value (time zone, locale, country, phone…) or no identifier' })
  createCustomer(@CurrentActor() actor: Actor, @Body() body: CreateCustomerRequest): Promise<CustomerDetailDto> {
    return this.customers.create(actor, body);
  }

  @Get(':id')
  @RequirePermission('customers:read')
  @ApiOperation({ operationId: 'getCustomer', summary: 'One customer: profile, consent and every computed trait with RFM scores' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CustomerDetailDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such customer in this workspace' })
  getCustomer(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<CustomerDetailDto> {
    return this.customers.get(actor, id);
  }

  @Patch(':id')
  @RequirePermission('customers:write')
  @ApiOperation({ operationId: 'updateCustomer', summary: 'Change a customer (attributes merged, tags replaced, consent per channel)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CustomerDetailDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such customer in this workspace' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Another customer has this external id or email, or this one was erased' })
  @ApiUnprocessableEntityResponse({ type: ProblemDto, description: 'Invalid field value, or no identifier left' })
  updateCustomer(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: UpdateCustomerRequest): Promise<CustomerDetailDto> {
    return this.customers.update(actor, id, body);
  }

  @Delete(':id')
  @RequirePermission('customers:erase')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteCustomer', summary: 'Delete a customer with their orders, events and traits' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such customer in this workspace' })
  deleteCustomer(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.customers.remove(actor, id);
  }
}

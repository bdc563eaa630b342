import { Body, Controller, Get, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../../platform/access/access.decorators';
import type { Actor } from '../../../platform/access/actor';
import { ProblemDto } from '../../../platform/errors/problem';
import { IdParam } from '../../../platform/http/id-param';
import { PageQuery } from '../../../platform/pagination/cursor';
import type { Page } from '../../../platform/pagination/cursor';
import { CustomerExportsService } from './customer-exports.service';
import { CustomerExportDto, CustomerExportFiltersDto, CustomerExportPageDto } from './dto/customer-export.dto';

/** CSV exports of a filtered customer list, written in the background. */
@ApiTags('customer-exports')
@ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid id, filter or cursor (the field is named)' })
@Controller('customers/exports')
export class CustomerExportsController {
  constructor(private readonly exports: CustomerExportsService) {}

  @Post()
  @RequirePermission('customers:export')
  @ApiOperation({ operationId: 'createCustomerExport', summary: 'Export the customers matching the list filters as CSV, in the background' })
  @ApiCreatedResponse({ type: CustomerExportDto })
  createCustomerExport(@CurrentActor() actor: Actor, @Body() body: CustomerExportFiltersDto): Promise<CustomerExportDto> {
    return this.exports.create(actor, body);
  }

  @Get()
  @RequirePermission('customers:export')
  @ApiOperation({ operationId: 'listCustomerExports', summary: 'Customer exports, newest first' })
  @ApiOkResponse({ type: CustomerExportPageDto })
  listCustomerExports(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<Page<CustomerExportDto>> {
    return this.exports.list(actor, query);
  }

  @Get(':id')
  @RequirePermission('customers:export')
  @ApiOperation({ operationId: 'getCustomerExport', summary: 'One customer export and its progress' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CustomerExportDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such export in this workspace' })
  getCustomerExport(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<CustomerExportDto> {
    return this.exports.get(actor, id);
  }

  @Get(':id/download')
  @RequirePermission('customers:export')
  @ApiOperation({ operationId: 'downloadCustomerExport', summary: 'Download the CSV of a completed export' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV file (UTF-8 with BOM)', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such export in this workspace' })
  @ApiConflictResponse({ type: ProblemDto, description: 'The export has not completed' })
  async downloadCustomerExport(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<StreamableFile> {
    const { fileName, stream } = await this.exports.download(actor, id);
    return new StreamableFile(stream, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${fileName}"` });
  }
}

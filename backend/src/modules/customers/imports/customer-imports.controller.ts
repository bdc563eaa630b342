import { Body, Controller, Get, HttpCode, Post, Query, Req, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { CurrentActor, RequirePermission } from '../../../platform/access/access.decorators';
import type { Actor } from '../../../platform/access/actor';
import { ProblemDto } from '../../../platform/errors/problem';
import { IdParam } from '../../../platform/http/id-param';
import { PageQuery } from '../../../platform/pagination/cursor';
import type { Page } from '../../../platform/pagination/cursor';
import { CustomerImportsService } from './customer-imports.service';
import {
  CustomerImportDetailDto,
  CustomerImportDto,
  CustomerImportErrorDto,
  CustomerImportErrorPageDto,
  CustomerImportPageDto,
} from './dto/customer-import.response';
import { StartCustomerImportDto } from './dto/start-customer-import.dto';
import { uploadedFile } from './uploaded-file';

/** Customer imports from CSV and XLSX files: upload, map, start, follow, and read what was rejected. */
@ApiTags('customer-imports')
@Controller('customers/imports')
export class CustomerImportsController {
  constructor(private readonly imports: CustomerImportsService) {}

  @Post()
  @HttpCode(201)
  @RequirePermission('customers:import')
  @ApiOperation({
    operationId: 'uploadCustomerImport',
    summary: 'Upload a CSV or XLSX file of customers; returns its columns, first rows and a suggested mapping',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'A .csv (any of , ; tab | as delimiter, UTF-8 with or without BOM) or .xlsx file' } },
    },
  })
  @ApiCreatedResponse({ type: CustomerImportDetailDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'No file, or a file that cannot be read' })
  @ApiPayloadTooLargeResponse({ type: ProblemDto, description: 'The file is larger than IMPORT_MAX_MB' })
  @ApiUnsupportedMediaTypeResponse({ type: ProblemDto, description: 'Not a multipart upload, or not a CSV or XLSX file' })
  async uploadCustomerImport(@CurrentActor() actor: Actor, @Req() request: FastifyRequest): Promise<CustomerImportDetailDto> {
    return this.imports.upload(actor, await uploadedFile(request));
  }

  @Get()
  @RequirePermission('customers:import')
  @ApiOperation({ operationId: 'listCustomerImports', summary: 'List customer imports, newest first' })
  @ApiOkResponse({ type: CustomerImportPageDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid cursor or limit' })
  listCustomerImports(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<Page<CustomerImportDto>> {
    return this.imports.list(actor, query);
  }

  @Get(':id')
  @RequirePermission('customers:import')
  @ApiOperation({ operationId: 'getCustomerImport', summary: 'One import: status, progress, counts, columns, preview and suggested mapping' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CustomerImportDetailDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such import in this workspace' })
  getCustomerImport(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<CustomerImportDetailDto> {
    return this.imports.get(actor, id);
  }

  @Post(':id/start')
  @HttpCode(202)
  @RequirePermission('customers:import')
  @ApiOperation({ operationId: 'startCustomerImport', summary: 'Start importing an uploaded file with a column mapping (runs in the background)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAcceptedResponse({ type: CustomerImportDetailDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid body or id' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such import in this workspace' })
  @ApiConflictResponse({ type: ProblemDto, description: 'The import is already queued, running or completed' })
  @ApiUnprocessableEntityResponse({ type: ProblemDto, description: 'The mapping names unknown columns or targets, or maps no externalId/email' })
  startCustomerImport(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: StartCustomerImportDto): Promise<CustomerImportDetailDto> {
    return this.imports.start(actor, id, body);
  }

  @Get(':id/errors')
  @RequirePermission('customers:import')
  @ApiOperation({ operationId: 'listCustomerImportErrors', summary: 'The rejected rows of an import, in file order' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CustomerImportErrorPageDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid id, cursor or limit' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such import in this workspace' })
  listCustomerImportErrors(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: PageQuery): Promise<Page<CustomerImportErrorDto>> {
    return this.imports.listErrors(actor, id, query);
  }

  @Get(':id/error-report')
  @RequirePermission('customers:import')
  @ApiOperation({ operationId: 'downloadCustomerImportErrorReport', summary: 'Download the rejected rows as CSV: row, column, value, reason' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file, in file order', schema: { type: 'string' } })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such import in this workspace' })
  async downloadCustomerImportErrorReport(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<StreamableFile> {
    const report = await this.imports.errorReport(actor, id);
    return new StreamableFile(Readable.from(report.csv), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${report.fileName}"`,
    });
  }
}

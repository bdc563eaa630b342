import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
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
import { PageQuery } from '../../../platform/pagination/cursor';
import type { Page } from '../../../platform/pagination/cursor';
import { CustomerImportMappingsService } from './customer-import-mappings.service';
import { SavedImportMappingPageDto } from './dto/customer-import.response';
import { SavedImportMappingDto, SaveImportMappingDto } from './dto/import-mapping.dto';

/** Named column mappings, suggested when a file with the same columns is uploaded. */
@ApiTags('customer-imports')
@Controller('customers/import-mappings')
export class CustomerImportMappingsController {
  constructor(private readonly mappings: CustomerImportMappingsService) {}

  @Get()
  @RequirePermission('customers:import')
  @ApiOperation({ operationId: 'listImportMappings', summary: 'List saved import mappings by name' })
  @ApiOkResponse({ type: SavedImportMappingPageDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid cursor or limit' })
  listImportMappings(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<Page<SavedImportMappingDto>> {
    return this.mappings.list(actor, query);
  }

  @Post()
  @HttpCode(201)
  @RequirePermission('customers:import')
  @ApiOperation({ operationId: 'saveImportMapping', summary: 'Save a column mapping by name (replaces one of the same name)' })
  @ApiCreatedResponse({ type: SavedImportMappingDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid body' })
  @ApiUnprocessableEntityResponse({ type: ProblemDto, description: 'Unknown targets, a target used twice, or no externalId/email column' })
  saveImportMapping(@CurrentActor() actor: Actor, @Body() body: SaveImportMappingDto): Promise<SavedImportMappingDto> {
    return this.mappings.save(actor, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('customers:import')
  @ApiOperation({ operationId: 'deleteImportMapping', summary: 'Delete a saved import mapping' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such mapping in this workspace' })
  async deleteImportMapping(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.mappings.remove(actor, id);
  }
}

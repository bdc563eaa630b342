import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../../platform/access/access.decorators';
import type { Actor } from '../../../platform/access/actor';
import { ProblemDto } from '../../../platform/errors/problem';
import { IdParam } from '../../../platform/http/id-param';
import { ApiKeyDto, CreateApiKeyRequest, CreatedApiKeyDto } from '../dto/api-key.dto';
import { ApiKeysService } from '../services/api-keys.service';

@ApiTags('api-keys')
@ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid request' })
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @RequirePermission('api_keys:manage')
  @ApiOperation({ operationId: 'listApiKeys', summary: 'API keys of the workspace (never their secrets)' })
  @ApiOkResponse({ type: [ApiKeyDto] })
  list(@CurrentActor() actor: Actor): Promise<ApiKeyDto[]> {
    return this.keys.list(actor);
  }

  @Post()
  @RequirePermission('api_keys:manage')
  @ApiOperation({ operationId: 'createApiKey', summary: 'Issue an API key; its secret is in this response only' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiUnprocessableEntityResponse({ type: ProblemDto, description: 'Unknown permission or past expiry' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateApiKeyRequest): Promise<CreatedApiKeyDto> {
    return this.keys.create(actor, body);
  }

  @Delete(':id')
  @RequirePermission('api_keys:manage')
  @HttpCode(204)
  @ApiOperation({ operationId: 'revokeApiKey', summary: 'Revoke an API key at once' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiNotFoundResponse({ type: ProblemDto })
  revoke(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.keys.revoke(actor, id);
  }
}

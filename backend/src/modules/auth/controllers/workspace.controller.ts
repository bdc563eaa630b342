import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../../platform/access/access.decorators';
import type { Actor } from '../../../platform/access/actor';
import { ProblemDto } from '../../../platform/errors/problem';
import { toWorkspaceDto, UpdateWorkspaceRequest, WorkspaceDto } from '../dto/workspace.dto';
import { WorkspacesService } from '../services/workspaces.service';

@ApiTags('workspace')
@ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid request body' })
@Controller('workspace')
export class WorkspaceController {
  constructor(private readonly workspaces: WorkspacesService) {}

  @Get()
  @RequirePermission('users:read')
  @ApiOperation({ operationId: 'getWorkspace', summary: 'The current workspace' })
  @ApiOkResponse({ type: WorkspaceDto })
  async get(@CurrentActor() actor: Actor): Promise<WorkspaceDto> {
    return toWorkspaceDto(await this.workspaces.get(actor));
  }

  @Patch()
  @RequirePermission('workspace:manage')
  @ApiOperation({ operationId: 'updateWorkspace', summary: 'Rename the current workspace' })
  @ApiOkResponse({ type: WorkspaceDto })
  async update(@CurrentActor() actor: Actor, @Body() body: UpdateWorkspaceRequest): Promise<WorkspaceDto> {
    return toWorkspaceDto(await this.workspaces.rename(actor, body.name));
  }
}

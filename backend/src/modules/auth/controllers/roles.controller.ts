import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
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
import { CreateRoleRequest, PermissionInfoDto, RoleDto, UpdateRoleRequest } from '../dto/role.dto';
import { RolesService } from '../services/roles.service';

@ApiTags('roles')
@ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid request' })
@Controller()
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get('roles')
  @RequirePermission('users:read')
  @ApiOperation({ operationId: 'listRoles', summary: 'Built-in and custom roles with their permissions' })
  @ApiOkResponse({ type: [RoleDto] })
  list(@CurrentActor() actor: Actor): Promise<RoleDto[]> {
    return this.roles.list(actor);
  }

  @Get('permissions')
  @RequirePermission('users:read')
  @ApiOperation({ operationId: 'listPermissions', summary: 'The permission catalogue' })
  @ApiOkResponse({ type: [PermissionInfoDto] })
  permissions(): PermissionInfoDto[] {
    return this.roles.permissions();
  }

  @Post('roles')
  @RequirePermission('roles:manage')
  @ApiOperation({ operationId: 'createRole', summary: 'Create a custom role' })
  @ApiCreatedResponse({ type: RoleDto })
  @ApiUnprocessableEntityResponse({ type: ProblemDto, description: 'Unknown permission' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateRoleRequest): Promise<RoleDto> {
    return this.roles.create(actor, body);
  }

  @Patch('roles/:id')
  @RequirePermission('roles:manage')
  @ApiOperation({ operationId: 'updateRole', summary: 'Change a custom role' })
  @ApiOkResponse({ type: RoleDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'Built-in roles cannot be changed' })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: UpdateRoleRequest): Promise<RoleDto> {
    return this.roles.update(actor, id, body);
  }

  @Delete('roles/:id')
  @RequirePermission('roles:manage')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteRole', summary: 'Delete a custom role no member holds' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'Built-in, or still held by members' })
  remove(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.roles.remove(actor, id);
  }
}

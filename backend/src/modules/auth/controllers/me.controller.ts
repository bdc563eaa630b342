import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, RequireSession } from '../../../platform/access/access.decorators';
import type { Actor } from '../../../platform/access/actor';
import { ProblemDto } from '../../../platform/errors/problem';
import { TokenResponse } from '../dto/auth.dto';
import { ChangePasswordRequest, MeDto, SwitchWorkspaceRequest, UpdateMeRequest } from '../dto/me.dto';
import { SessionService } from '../services/session.service';
import { MeService } from '../services/me.service';

@ApiTags('me')
@ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid request body' })
@Controller('me')
export class MeController {
  constructor(
    private readonly me: MeService,
    private readonly sessions: SessionService,
  ) {}

  @Get()
  @RequireSession()
  @ApiOperation({ operationId: 'getMe', summary: 'The signed-in user, current workspace, role and permissions' })
  @ApiOkResponse({ type: MeDto })
  get(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.me.get(actor);
  }

  @Patch()
  @RequireSession()
  @ApiOperation({ operationId: 'updateMe', summary: 'Change your name' })
  @ApiOkResponse({ type: MeDto })
  update(@CurrentActor() actor: Actor, @Body() body: UpdateMeRequest): Promise<MeDto> {
    return this.me.update(actor, body.name);
  }

  @Post('workspace')
  @RequireSession()
  @HttpCode(200)
  @ApiOperation({ operationId: 'switchWorkspace', summary: 'Move to another of your workspaces (new tokens; this session ends)' })
  @ApiOkResponse({ type: TokenResponse })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'Not a workspace you are an active member of' })
  switchWorkspace(@CurrentActor() actor: Actor, @Body() body: SwitchWorkspaceRequest): Promise<TokenResponse> {
    return this.sessions.switchWorkspace(actor, body.workspaceId);
  }

  @Post('password')
  @RequireSession()
  @HttpCode(204)
  @ApiOperation({ operationId: 'changePassword', summary: 'Change your password (other sessions are signed out)' })
  @ApiNoContentResponse({ description: 'Password changed' })
  @ApiUnprocessableEntityResponse({ type: ProblemDto, description: 'Wrong current password or weak new password' })
  changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordRequest): Promise<void> {
    return this.me.changePassword(actor, body.currentPassword, body.newPassword);
  }
}

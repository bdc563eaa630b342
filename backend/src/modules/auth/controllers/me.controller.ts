import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentActor, RequireSession } from '../../../platform/access/access.decorators';
import type { Actor } from '../../../platform/access/actor';
import { ProblemDto } from '../../../platform/errors/problem';
import { ChangePasswordRequest, MeDto, UpdateMeRequest } from '../dto/me.dto';
import { MeService } from '../services/me.service';

@ApiTags('me')
@ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid request body' })
@Controller('me')
export class MeController {
  constructor(private readonly me: MeService) {}

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

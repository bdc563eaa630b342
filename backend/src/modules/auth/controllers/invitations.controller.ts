import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
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
import { PageOf } from '../../../platform/pagination/cursor';
import { CreateInvitationRequest, InvitationDto, ListInvitationsQuery } from '../dto/invitation.dto';
import { InvitationsService } from '../services/invitations.service';

const InvitationPage = PageOf(InvitationDto);

@ApiTags('invitations')
@ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid request' })
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get()
  @RequirePermission('users:read')
  @ApiOperation({ operationId: 'listInvitations', summary: 'Invitations, newest first' })
  @ApiOkResponse({ type: InvitationPage })
  list(@CurrentActor() actor: Actor, @Query() query: ListInvitationsQuery) {
    return this.invitations.list(actor, query.status, query.cursor, query.limit);
  }

  @Post()
  @RequirePermission('users:manage')
  @ApiOperation({ operationId: 'createInvitation', summary: 'Invite someone by email with a role' })
  @ApiCreatedResponse({ type: InvitationDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'Already a member' })
  @ApiUnprocessableEntityResponse({ type: ProblemDto, description: 'Unknown role' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateInvitationRequest): Promise<InvitationDto> {
    return this.invitations.create(actor, body);
  }

  @Delete(':id')
  @RequirePermission('users:manage')
  @HttpCode(204)
  @ApiOperation({ operationId: 'revokeInvitation', summary: 'Revoke a pending invitation' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiNotFoundResponse({ type: ProblemDto })
  revoke(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.invitations.revoke(actor, id);
  }
}

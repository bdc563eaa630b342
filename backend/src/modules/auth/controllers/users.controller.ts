import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../../platform/access/access.decorators';
import type { Actor } from '../../../platform/access/actor';
import { ProblemDto } from '../../../platform/errors/problem';
import { IdParam } from '../../../platform/http/id-param';
import { PageOf } from '../../../platform/pagination/cursor';
import { ListMembersQuery, MemberDto, UpdateMemberRequest } from '../dto/member.dto';
import { MembersService } from '../services/members.service';

const MemberPage = PageOf(MemberDto);

@ApiTags('users')
@ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid request' })
@Controller('users')
export class UsersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @RequirePermission('users:read')
  @ApiOperation({ operationId: 'listUsers', summary: 'Members of the workspace, by email' })
  @ApiOkResponse({ type: MemberPage })
  list(@CurrentActor() actor: Actor, @Query() query: ListMembersQuery) {
    const { cursor, limit, ...filter } = query;
    return this.members.list(actor, filter, cursor, limit);
  }

  @Patch(':id')
  @RequirePermission('users:manage')
  @ApiOperation({ operationId: 'updateMember', summary: "Change a member's role or deactivate/reactivate them" })
  @ApiOkResponse({ type: MemberDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'Last owner, or a change to yourself' })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: UpdateMemberRequest): Promise<MemberDto> {
    return this.members.update(actor, id, body);
  }
}

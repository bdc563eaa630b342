import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../../../platform/access/access.decorators';
import { ProblemDto } from '../../../platform/errors/problem';
import {
  AcceptInvitationRequest,
  LoginRequest,
  PasswordResetConfirm,
  PasswordResetRequest,
  RefreshRequest,
  TokenResponse,
} from '../dto/auth.dto';
import { InvitationPreviewDto } from '../dto/invitation.dto';
import { InvitationsService } from '../services/invitations.service';
import { PasswordResetService } from '../services/password-reset.service';
import { SessionService } from '../services/session.service';

const client = (req: FastifyRequest) => ({ ip: req.ip, requestId: String(req.id) });

@ApiTags('auth')
@ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid request body' })
@Controller('auth')
export class AuthController {
  constructor(
    private readonly sessions: SessionService,
    private readonly resets: PasswordResetService,
    private readonly invitations: InvitationsService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ operationId: 'login', summary: 'Sign in with email and password' })
  @ApiOkResponse({ type: TokenResponse })
  @ApiUnauthorizedResponse({ type: ProblemDto, description: 'Wrong email or password' })
  @ApiResponse({ status: 423, type: ProblemDto, description: 'Account locked after repeated failed sign-ins' })
  @ApiTooManyRequestsResponse({ type: ProblemDto, description: 'Too many attempts from this address for this account' })
  login(@Body() body: LoginRequest, @Req() req: FastifyRequest): Promise<TokenResponse> {
    return this.sessions.login(body, client(req));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ operationId: 'refreshToken', summary: 'Exchange a refresh token for new tokens (rotation)' })
  @ApiOkResponse({ type: TokenResponse })
  @ApiUnauthorizedResponse({ type: ProblemDto, description: 'Invalid, expired or reused refresh token' })
  refresh(@Body() body: RefreshRequest): Promise<TokenResponse> {
    return this.sessions.refresh(body.refreshToken);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ operationId: 'logout', summary: 'Sign out: revoke the session of a refresh token' })
  @ApiNoContentResponse({ description: 'Signed out' })
  logout(@Body() body: RefreshRequest): Promise<void> {
    return this.sessions.logout(body.refreshToken);
  }

  @Post('password-reset')
  @Public()
  @HttpCode(202)
  @ApiOperation({ operationId: 'requestPasswordReset', summary: 'Email a one-time password reset link' })
  @ApiAcceptedResponse({ description: 'Accepted whether or not the email is registered' })
  @ApiTooManyRequestsResponse({ type: ProblemDto })
  async requestPasswordReset(@Body() body: PasswordResetRequest, @Req() req: FastifyRequest): Promise<void> {
    await this.resets.request(body.email, req.ip);
  }

  @Post('password-reset/confirm')
  @Public()
  @HttpCode(204)
  @ApiOperation({ operationId: 'confirmPasswordReset', summary: 'Set a new password with a reset link token' })
  @ApiNoContentResponse({ description: 'Password changed; every session signed out' })
  @ApiUnauthorizedResponse({ type: ProblemDto, description: 'Invalid or expired link' })
  @ApiUnprocessableEntityResponse({ type: ProblemDto, description: 'Password too weak' })
  confirmPasswordReset(@Body() body: PasswordResetConfirm): Promise<void> {
    return this.resets.confirm(body.token, body.password);
  }

  @Get('invitations/:token')
  @Public()
  @ApiOperation({ operationId: 'getInvitationByToken', summary: 'What an invitation link is for' })
  @ApiOkResponse({ type: InvitationPreviewDto })
  @ApiUnauthorizedResponse({ type: ProblemDto, description: 'Invalid, used, revoked or expired invitation' })
  getInvitation(@Param('token') token: string): Promise<InvitationPreviewDto> {
    return this.invitations.preview(token);
  }

  @Post('invitations/accept')
  @Public()
  @HttpCode(200)
  @ApiOperation({ operationId: 'acceptInvitation', summary: 'Accept an invitation and sign in' })
  @ApiOkResponse({ type: TokenResponse })
  @ApiUnauthorizedResponse({ type: ProblemDto, description: 'Invalid invitation, or wrong password for an existing account' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Already a member' })
  @ApiUnprocessableEntityResponse({ type: ProblemDto, description: 'Password too weak' })
  acceptInvitation(@Body() body: AcceptInvitationRequest, @Req() req: FastifyRequest): Promise<TokenResponse> {
    return this.invitations.accept(body, client(req));
  }
}

import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { Env } from '../../platform/config/env';
import { AuditModule } from '../audit/audit.module';
import { EmailModule } from '../email/email.module';
import { ApiKeysController } from './controllers/api-keys.controller';
import { AuthController } from './controllers/auth.controller';
import { InvitationsController } from './controllers/invitations.controller';
import { MeController } from './controllers/me.controller';
import { RolesController } from './controllers/roles.controller';
import { UsersController } from './controllers/users.controller';
import { WorkspaceController } from './controllers/workspace.controller';
import { AccessGuard } from './guards/access.guard';
import { JwtStrategy } from './guards/jwt.strategy';
import { JWT_SECRET, JwtSecretModule } from './jwt-secret';
import { PasswordService } from './password.service';
import { ApiKeysRepository } from './repositories/api-keys.repository';
import { InvitationsRepository } from './repositories/invitations.repository';
import { MembershipsRepository } from './repositories/memberships.repository';
import { PasswordResetsRepository } from './repositories/password-resets.repository';
import { RefreshTokensRepository } from './repositories/refresh-tokens.repository';
import { RolesRepository } from './repositories/roles.repository';
import { UsersRepository } from './repositories/users.repository';
import { WorkspacesRepository } from './repositories/workspaces.repository';
import { TokenIssuer } from './services/access-token.service';
import { ActorsService } from './services/actors.service';
import { ApiKeysService } from './services/api-keys.service';
import { InvitationsService } from './services/invitations.service';
import { LoginRateLimiter } from './services/login-rate-limiter';
import { MeService } from './services/me.service';
import { MembersService } from './services/members.service';
import { OwnerBootstrapService } from './services/owner-bootstrap.service';
import { PasswordResetService } from './services/password-reset.service';
import { RolesService } from './services/roles.service';
import { SessionService } from './services/session.service';
import { WorkspacesService } from './services/workspaces.service';

/** Users, workspaces, roles and permissions, sessions, invitations, password resets and API keys. */
@Module({
  imports: [
    AuditModule,
    EmailModule,
    PassportModule,
    JwtSecretModule,
    JwtModule.registerAsync({
      inject: [Env, JWT_SECRET],
      imports: [JwtSecretModule],
      useFactory: (env: Env, secret: string) => ({
        secret,
        signOptions: { algorithm: 'HS256', issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE },
        verifyOptions: { algorithms: ['HS256'], issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE },
      }),
    }),
  ],
  controllers: [AuthController, MeController, WorkspaceController, UsersController, InvitationsController, RolesController, ApiKeysController],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    JwtStrategy,
    PasswordService,
    LoginRateLimiter,
    TokenIssuer,
    ActorsService,
    SessionService,
    WorkspacesService,
    OwnerBootstrapService,
    MembersService,
    RolesService,
    ApiKeysService,
    InvitationsService,
    PasswordResetService,
    MeService,
    UsersRepository,
    WorkspacesRepository,
    RolesRepository,
    MembershipsRepository,
    RefreshTokensRepository,
    InvitationsRepository,
    PasswordResetsRepository,
    ApiKeysRepository,
  ],
  exports: [WorkspacesService],
})
export class AuthModule {}

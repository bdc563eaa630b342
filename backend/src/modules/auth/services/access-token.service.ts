import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Env } from '../../../platform/config/env';
import { RefreshTokensRepository } from '../repositories/refresh-tokens.repository';
import { randomToken, sha256 } from '../secrets';

export interface AccessTokenPayload {
  sub: string;
  wid: string;
  /** The session: the refresh-token family this access token was issued with. */
  sid: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshExpiresIn: number;
}

/** Issues a short-lived JWT access token with a new refresh token in the given (or a new) family. */
@Injectable()
export class TokenIssuer {
  constructor(
    private readonly env: Env,
    private readonly jwt: JwtService,
    private readonly refreshTokens: RefreshTokensRepository,
  ) {}

  async issue(userId: string, workspaceId: string, familyId: string = randomUUID(), manager?: EntityManager): Promise<TokenPair> {
    const refreshToken = randomToken();
    await this.refreshTokens.insert(
      {
        workspaceId,
        userId,
        familyId,
        tokenHash: sha256(refreshToken),
        expiresAt: new Date(Date.now() + this.env.JWT_REFRESH_TTL_SECONDS * 1000),
      },
      manager,
    );
    const payload: AccessTokenPayload = { sub: userId, wid: workspaceId, sid: familyId };
    const accessToken = await this.jwt.signAsync(payload, { expiresIn: this.env.JWT_ACCESS_TTL_SECONDS });
    return {
      accessToken,
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: this.env.JWT_ACCESS_TTL_SECONDS,
      refreshExpiresIn: this.env.JWT_REFRESH_TTL_SECONDS,
    };
  }
}

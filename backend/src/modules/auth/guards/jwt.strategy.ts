import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Actor } from '../../../platform/access/actor';
import { Env } from '../../../platform/config/env';
import { JWT_SECRET } from '../jwt-secret';
import type { AccessTokenPayload } from '../services/access-token.service';
import { ActorsService } from '../services/actors.service';

/** passport-jwt with the algorithm, issuer and audience pinned; the payload becomes an {@link Actor}. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    env: Env,
    @Inject(JWT_SECRET) secret: string,
    private readonly actors: ActorsService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: secret,
      algorithms: ['HS256'],
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  validate(payload: AccessTokenPayload): Promise<Actor> {
    return this.actors.forUser(payload.sub, payload.wid, payload.sid);
  }
}

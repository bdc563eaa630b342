import { Param, ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';

/** A UUID path parameter; anything else is a 400 problem naming the parameter (never a 500 from the database). */
export const IdParam = (name = 'id') =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => new DomainError('validation-failed', 400, `${name} must be a UUID`, [{ field: name, message: `${name} must be a UUID` }]),
    }),
  );

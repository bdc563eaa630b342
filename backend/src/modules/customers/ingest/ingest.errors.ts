import { DomainError } from '../../../platform/errors/domain-error';

export enum IngestErrorCode {
  InvalidIdempotencyKey = 'validation-failed',
  IdempotencyKeyReused = 'idempotency-key-reused',
}

const HEADER = 'Idempotency-Key';

export const invalidIdempotencyKey = () =>
  new DomainError(IngestErrorCode.InvalidIdempotencyKey, 400, `Invalid request: ${HEADER}`, [
    { field: HEADER, message: `${HEADER} must be 1 to 255 printable ASCII characters` },
  ]);

export const idempotencyKeyReused = () =>
  new DomainError(IngestErrorCode.IdempotencyKeyReused, 422, `This ${HEADER} was already used with a different request body`, [
    { field: HEADER, message: `${HEADER} was already used with a different request body; use a new key for a new request` },
  ]);

import { DomainError } from '../../../platform/errors/domain-error';

/** Stable problem codes of customer profiles (the problem `type` ends with the code). */
export enum ProfilesErrorCode {
  NotFound = 'not-found',
  /** Another customer of the workspace already has this external id or email. */
  Duplicate = 'customer-duplicate',
  /** The customer's personal data was erased: it can be neither changed nor erased again. */
  Erased = 'customer-erased',
  ExportNotReady = 'export-not-ready',
  InvalidCursor = 'invalid-cursor',
}

const field = (name: string, message: string) => [{ field: name, message }];

export const profilesError = {
  customerNotFound: () => new DomainError(ProfilesErrorCode.NotFound, 404, 'Customer not found'),
  exportNotFound: () => new DomainError(ProfilesErrorCode.NotFound, 404, 'Customer export not found'),
  duplicate: (name: 'externalId' | 'email') =>
    new DomainError(ProfilesErrorCode.Duplicate, 409, `Another customer already has this ${name}`, field(name, `another customer already has this ${name}`)),
  erased: () => new DomainError(ProfilesErrorCode.Erased, 409, 'This customer’s personal data was erased'),
  exportNotReady: (status: string) => new DomainError(ProfilesErrorCode.ExportNotReady, 409, `The export is ${status}, not completed`),
  invalidCursor: () => new DomainError(ProfilesErrorCode.InvalidCursor, 400, 'cursor is not valid', field('cursor', 'cursor is not valid')),
};

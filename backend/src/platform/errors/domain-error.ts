/** One field-level problem, as shown in a problem+json `errors` array. */
export interface FieldProblem {
  /** JSON-pointer-like path of the offending field, e.g. `email` or `items.3.price`. */
  field: string;
  message: string;
}

/**
 * Errors thrown by services. They carry a stable code (the problem `type`) and an HTTP status;
 * services never throw Nest's HttpException, the global filter maps these to RFC 9457 problem+json.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('not-found', 404, `${what} not found`);
export const invalid = (field: string, message: string, code = 'validation-failed') =>
  new DomainError(code, 422, message, [{ field, message }]);
export const forbidden = (message = 'You do not have permission to do this') =>
  new DomainError('forbidden', 403, message);
export const unauthorized = (message = 'Authentication required', code = 'unauthorized') =>
  new DomainError(code, 401, message);

import { DomainError } from '../../platform/errors/domain-error';

/** Stable problem codes of the auth module (the problem `type` ends with the code). */
export enum AuthErrorCode {
  InvalidCredentials = 'invalid-credentials',
  AccountLocked = 'account-locked',
  RateLimited = 'rate-limited',
  InvalidToken = 'invalid-token',
  RefreshTokenReused = 'refresh-token-reused',
  WeakPassword = 'weak-password',
  EmailTaken = 'email-taken',
  AlreadyMember = 'already-member',
  LastOwner = 'last-owner',
  SelfChange = 'self-change',
  BuiltInRole = 'built-in-role',
  RoleInUse = 'role-in-use',
  PermissionEscalation = 'permission-escalation',
  UnknownPermission = 'unknown-permission',
}

export const authError = {
  invalidCredentials: () => new DomainError(AuthErrorCode.InvalidCredentials, 401, 'Email or password is wrong'),
  locked: (until: Date) =>
    new DomainError(AuthErrorCode.AccountLocked, 423, `Too many failed sign-ins; the account is locked until ${until.toISOString()}`),
  rateLimited: (seconds: number) =>
    new DomainError(AuthErrorCode.RateLimited, 429, `Too many attempts; try again in ${seconds} s`),
  invalidToken: (what: string) => new DomainError(AuthErrorCode.InvalidToken, 401, `The ${what} is invalid or has expired`),
  refreshReused: () =>
    new DomainError(AuthErrorCode.RefreshTokenReused, 401, 'This refresh token was already used; the session has been revoked'),
  weakPassword: (field: string, message: string) => new DomainError(AuthErrorCode.WeakPassword, 422, message, [{ field, message }]),
  alreadyMember: () => new DomainError(AuthErrorCode.AlreadyMember, 409, 'This person is already a member of the workspace'),
  lastOwner: () => new DomainError(AuthErrorCode.LastOwner, 409, 'A workspace must keep at least one active owner'),
  selfChange: () => new DomainError(AuthErrorCode.SelfChange, 409, 'You cannot change your own role or deactivate yourself'),
  builtInRole: () => new DomainError(AuthErrorCode.BuiltInRole, 409, 'Built-in roles cannot be changed or deleted'),
  roleInUse: (members: number) =>
    new DomainError(AuthErrorCode.RoleInUse, 409, `The role is held by ${members} member(s); give them another role first`),
  escalation: (field: string) =>
    new DomainError(AuthErrorCode.PermissionEscalation, 403, 'You cannot grant permissions you do not have yourself', [
      { field, message: 'contains permissions you do not have' },
    ]),
  unknownPermission: (field: string, names: string[]) =>
    new DomainError(AuthErrorCode.UnknownPermission, 422, `Unknown permission(s): ${names.join(', ')}`, [
      { field, message: `unknown permission(s): ${names.join(', ')}` },
    ]),
};

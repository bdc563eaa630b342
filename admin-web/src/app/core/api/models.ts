/**
 * The generated contract types the console uses, under the names the console uses.
 * If the backend renames a schema, only this file changes.
 */
export type {
  ApiKey,
  AuditEvent,
  AuditEventPage,
  CreatedApiKey,
  EmailMessage,
  EmailMessageDetail,
  EmailMessagePage,
  Invitation,
  InvitationPage,
  InvitationPreview,
  Me,
  Member,
  MemberPage,
  PermissionInfo,
  Role,
  TokenResponse,
} from '@lodestar/contracts';

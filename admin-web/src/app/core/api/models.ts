/**
 * The generated contract types the console uses, under the console's names.
 * If the backend renames a schema, only this file changes.
 */
export type {
  ApiKeyDto as ApiKey,
  AuditEventDto as AuditEvent,
  AuditEventPage,
  CreatedApiKeyDto as CreatedApiKey,
  EmailMessage,
  EmailMessageDetail,
  EmailMessagePage,
  EmailStatus,
  EmailTemplate,
  InvitationDto as Invitation,
  InvitationPage,
  InvitationPreviewDto as InvitationPreview,
  MeDto as Me,
  MemberDto as Member,
  MemberPage,
  MyWorkspaceDto as MyWorkspace,
  PermissionInfoDto as PermissionInfo,
  RoleDto as Role,
  TokenResponse,
  WorkspaceDto as Workspace,
} from '@lodestar/contracts';

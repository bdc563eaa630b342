import type {
  ApiKey,
  AuditEvent,
  EmailMessage,
  EmailMessageDetail,
  Invitation,
  Me,
  Member,
  PermissionInfo,
  Role,
  TokenResponse,
} from '../app/core/api/models';
import type { Permission } from '../app/core/auth/permission';

/** Test data. Each factory returns a valid object; pass what the test cares about. */

export const VIEWER_PERMISSIONS: Permission[] = [
  'users:read',
  'customers:read',
  'segments:read',
  'campaigns:read',
  'messaging:read',
  'analytics:read',
];

export const ADMIN_PERMISSIONS: Permission[] = [
  ...VIEWER_PERMISSIONS,
  'users:manage',
  'roles:manage',
  'api_keys:manage',
  'audit:read',
  'audit:export',
  'email:read',
];

export function aMe(
  permissions: readonly string[],
  overrides: Partial<Me> = {},
): Me {
  return {
    user: { id: 'u-self', email: 'me@example.com', name: 'Mia Self' },
    workspace: { id: 'w1', name: 'Acme' },
    role: { id: 'r-custom', key: 'custom', name: 'Custom' },
    permissions: [...permissions],
    workspaces: [{ id: 'w1', name: 'Acme', roleName: 'Custom' }],
    ...overrides,
  };
}

export function tokens(n = 1): TokenResponse {
  return {
    accessToken: `access-${n}`,
    refreshToken: `refresh-${n}`,
    tokenType: 'Bearer',
    expiresIn: 900,
    refreshExpiresIn: 2592000,
  };
}

export function aRole(overrides: Partial<Role> = {}): Role {
  return {
    id: 'r-viewer',
    key: 'viewer',
    name: 'Viewer',
    description: 'Read-only access',
    permissions: VIEWER_PERMISSIONS,
    builtIn: true,
    memberCount: 1,
    ...overrides,
  };
}

export const ROLES: Role[] = [
  aRole({
    id: 'r-owner',
    key: 'owner',
    name: 'Owner',
    permissions: ADMIN_PERMISSIONS,
  }),
  aRole(),
  aRole({
    id: 'r-custom',
    key: 'support',
    name: 'Support',
    builtIn: false,
    memberCount: 0,
    permissions: ['users:read'],
  }),
];

export const PERMISSION_CATALOGUE: PermissionInfo[] = ADMIN_PERMISSIONS.map(
  (key) => ({
    key,
    description: `Allows ${key}`,
  }),
);

export function aMember(overrides: Partial<Member> = {}): Member {
  return {
    id: 'u-2',
    email: 'bob@example.com',
    name: 'Bob',
    role: { id: 'r-viewer', key: 'viewer', name: 'Viewer' },
    active: true,
    lastLoginAt: null,
    createdAt: '2026-01-01T10:00:00Z',
    ...overrides,
  };
}

export function anInvitation(overrides: Partial<Invitation> = {}): Invitation {
  return {
    id: 'i-1',
    email: 'new@example.com',
    role: { id: 'r-viewer', key: 'viewer', name: 'Viewer' },
    status: 'pending',
    invitedBy: 'me@example.com',
    expiresAt: '2026-12-01T10:00:00Z',
    createdAt: '2026-11-24T10:00:00Z',
    ...overrides,
  };
}

export function anApiKey(overrides: Partial<ApiKey> = {}): ApiKey {
  return {
    id: 'k-1',
    name: 'Shop sync',
    prefix: 'lsk_ab12',
    permissions: ['customers:read'],
    createdBy: 'me@example.com',
    createdAt: '2026-11-01T10:00:00Z',
    lastUsedAt: null,
    expiresAt: null,
    revokedAt: null,
    ...overrides,
  };
}

export function anAuditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: 'a-1',
    actorType: 'user',
    actorId: 'u-self',
    actorLabel: 'me@example.com',
    action: 'member.update',
    objectType: 'user',
    objectId: 'u-2',
    before: { role: 'viewer', active: true },
    after: { role: 'manager', active: true },
    requestId: 'req-1',
    ip: '127.0.0.1',
    createdAt: '2026-11-24T10:00:00Z',
    ...overrides,
  };
}

export function anEmail(overrides: Partial<EmailMessage> = {}): EmailMessage {
  return {
    id: 'e-1',
    to: 'new@example.com',
    subject: 'You are invited to Acme',
    template: 'invitation',
    transport: 'sandbox',
    status: 'sent',
    error: null,
    attempts: 1,
    createdAt: '2026-11-24T10:00:00Z',
    sentAt: '2026-11-24T10:00:01Z',
    ...overrides,
  };
}

export function anEmailDetail(
  overrides: Partial<EmailMessageDetail> = {},
): EmailMessageDetail {
  return {
    ...anEmail(),
    from: 'Lodestar <no-reply@example.com>',
    providerMessageId: null,
    html: '<html><head></head><body><p>Join Acme</p><a href="http://localhost:3000/accept-invitation?token=tok123">Accept the invitation</a></body></html>',
    text: 'Join Acme: http://localhost:3000/accept-invitation?token=tok123',
    ...overrides,
  };
}

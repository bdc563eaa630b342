/**
 * The permission catalogue. A role is a set of these; every route declares the one it needs.
 * Modules that do not exist yet keep their permissions here so roles are stable as they land.
 */
export const PERMISSIONS = {
  'workspace:manage': 'Rename the workspace and change its settings',
  'users:read': 'See members, roles and invitations',
  'users:manage': 'Invite, deactivate and change the role of members',
  'roles:manage': 'Create, edit and delete custom roles',
  'api_keys:manage': 'Issue and revoke API keys',
  'audit:read': 'Read the audit log',
  'audit:export': 'Export the audit log',
  'email:read': 'Read the platform email log and sandbox inbox',
  'customers:read': 'See customers, orders and events',
  'customers:write': 'Create and edit customers, orders and events',
  'customers:import': 'Import customers from files and the bulk API',
  'customers:export': 'Export customers',
  'customers:erase': 'Erase a customer (GDPR)',
  'segments:read': 'See segments and their members',
  'segments:write': 'Create and edit segments',
  'campaigns:read': 'See campaigns',
  'campaigns:write': 'Create and edit campaigns',
  'campaigns:approve': 'Approve campaigns for launch',
  'campaigns:launch': 'Launch, pause and cancel campaigns',
  'messaging:read': 'See messages and conversations',
  'messaging:write': 'Configure providers and reply to conversations',
  'analytics:read': 'See dashboards and reports',
  'ai:use': 'Use the AI assistant',
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];
export const isPermission = (p: string): p is Permission => p in PERMISSIONS;

const READ_ONLY: Permission[] = [
  'users:read',
  'customers:read',
  'segments:read',
  'campaigns:read',
  'messaging:read',
  'analytics:read',
];

/** Built-in roles, seeded into every workspace. */
export const BUILT_IN_ROLES: Record<string, { name: string; description: string; permissions: Permission[] }> = {
  owner: { name: 'Owner', description: 'Everything, including workspace settings', permissions: ALL_PERMISSIONS },
  admin: {
    name: 'Admin',
    description: 'Everything except workspace settings',
    permissions: ALL_PERMISSIONS.filter((p) => p !== 'workspace:manage'),
  },
  manager: {
    name: 'Manager',
    description: 'Runs marketing: customers, segments, campaigns',
    permissions: [
      ...READ_ONLY,
      'customers:write',
      'customers:import',
      'customers:export',
      'segments:write',
      'campaigns:write',
      'campaigns:approve',
      'campaigns:launch',
      'messaging:write',
      'ai:use',
    ],
  },
  analyst: {
    name: 'Analyst',
    description: 'Reads everything marketing, exports data, uses the AI assistant',
    permissions: [...READ_ONLY, 'customers:export', 'ai:use'],
  },
  viewer: { name: 'Viewer', description: 'Read-only access', permissions: READ_ONLY },
};

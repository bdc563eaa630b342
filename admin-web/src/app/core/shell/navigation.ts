import type { Permission } from '../auth/permission';

export interface NavItem {
  path: string;
  label: string;
  icon: string;
  /** Needed to see the module; absent = every signed-in user. */
  permission?: Permission;
}

/** Modules that exist, in menu order. The first one a user may read is where they land. */
export const NAV_ITEMS: readonly NavItem[] = [
  {
    path: '/users',
    label: 'Users & roles',
    icon: 'group',
    permission: 'users:read',
  },
  {
    path: '/customers',
    label: 'Customers',
    icon: 'contacts',
    permission: 'customers:read',
  },
  {
    path: '/segments',
    label: 'Segments',
    icon: 'donut_small',
    permission: 'segments:read',
  },
  {
    path: '/api-keys',
    label: 'API keys',
    icon: 'key',
    permission: 'api_keys:manage',
  },
  {
    path: '/audit',
    label: 'Audit log',
    icon: 'history',
    permission: 'audit:read',
  },
  {
    path: '/email',
    label: 'Email log',
    icon: 'mail',
    permission: 'email:read',
  },
  {
    path: '/settings',
    label: 'Workspace',
    icon: 'business',
    permission: 'workspace:manage',
  },
  { path: '/profile', label: 'Profile', icon: 'person' },
];

export function visibleNavItems(session: {
  can(p: Permission): boolean;
}): NavItem[] {
  return NAV_ITEMS.filter(
    (item) => !item.permission || session.can(item.permission),
  );
}

export function firstAllowedPath(session: {
  can(p: Permission): boolean;
}): string {
  return visibleNavItems(session)[0]?.path ?? '/profile';
}

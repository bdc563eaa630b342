import { Route } from '@angular/router';
import {
  landingGuard,
  permissionGuard,
  signedInGuard,
  signedOutGuard,
} from './core/auth/auth.guards';

export const appRoutes: Route[] = [
  // `/` first: the public layout below would otherwise match it with no child (an empty card).
  {
    path: '',
    pathMatch: 'full',
    canActivate: [landingGuard],
    children: [],
  },
  {
    path: '',
    loadComponent: () =>
      import('./features/auth/components/public-layout/public-layout').then(
        (m) => m.PublicLayout,
      ),
    children: [
      {
        path: 'login',
        canActivate: [signedOutGuard],
        title: 'Sign in · Lodestar',
        loadComponent: () =>
          import('./features/auth/pages/login/login').then((m) => m.LoginPage),
      },
      {
        path: 'forgot-password',
        title: 'Forgot password · Lodestar',
        loadComponent: () =>
          import('./features/auth/pages/forgot-password/forgot-password').then(
            (m) => m.ForgotPasswordPage,
          ),
      },
      {
        path: 'reset-password',
        title: 'Reset password · Lodestar',
        loadComponent: () =>
          import('./features/auth/pages/reset-password/reset-password').then(
            (m) => m.ResetPasswordPage,
          ),
      },
      {
        path: 'accept-invitation',
        title: 'Accept invitation · Lodestar',
        loadComponent: () =>
          import(
            './features/auth/pages/accept-invitation/accept-invitation'
          ).then((m) => m.AcceptInvitationPage),
      },
    ],
  },
  {
    path: '',
    canActivate: [signedInGuard],
    loadComponent: () => import('./core/shell/shell').then((m) => m.Shell),
    children: [
      {
        path: 'users',
        canActivate: [permissionGuard('users:read')],
        title: 'Users & roles · Lodestar',
        loadChildren: () =>
          import('./features/users/users.routes').then((m) => m.usersRoutes),
      },
      {
        path: 'customers/import',
        canActivate: [permissionGuard('customers:import')],
        title: 'Import customers · Lodestar',
        loadChildren: () =>
          import('./features/customer-imports/customer-imports.routes').then(
            (m) => m.customerImportsRoutes,
          ),
      },
      // `customers/import` (the import wizard) goes before this entry, which owns the rest of /customers.
      {
        path: 'customers',
        canActivate: [permissionGuard('customers:read')],
        title: 'Customers · Lodestar',
        loadChildren: () =>
          import('./features/customers/customers.routes').then(
            (m) => m.customersRoutes,
          ),
      },
      {
        path: 'segments',
        canActivate: [permissionGuard('segments:read')],
        title: 'Segments · Lodestar',
        loadChildren: () =>
          import('./features/segments/segments.routes').then(
            (m) => m.segmentsRoutes,
          ),
      },
      {
        path: 'api-keys',
        canActivate: [permissionGuard('api_keys:manage')],
        title: 'API keys · Lodestar',
        loadChildren: () =>
          import('./features/api-keys/api-keys.routes').then(
            (m) => m.apiKeysRoutes,
          ),
      },
      {
        path: 'audit',
        canActivate: [permissionGuard('audit:read')],
        title: 'Audit log · Lodestar',
        loadChildren: () =>
          import('./features/audit/audit.routes').then((m) => m.auditRoutes),
      },
      {
        path: 'email',
        canActivate: [permissionGuard('email:read')],
        title: 'Email log · Lodestar',
        loadChildren: () =>
          import('./features/email/email.routes').then((m) => m.emailRoutes),
      },
      {
        path: 'settings',
        canActivate: [permissionGuard('workspace:manage')],
        title: 'Workspace · Lodestar',
        loadChildren: () =>
          import('./features/workspace/workspace.routes').then(
            (m) => m.workspaceRoutes,
          ),
      },
      {
        path: 'profile',
        title: 'Profile · Lodestar',
        loadChildren: () =>
          import('./features/profile/profile.routes').then(
            (m) => m.profileRoutes,
          ),
      },
      { path: '**', canActivate: [landingGuard], children: [] },
    ],
  },
];

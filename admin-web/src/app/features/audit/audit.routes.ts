import { Route } from '@angular/router';

export const auditRoutes: Route[] = [
  {
    path: '',
    loadComponent: () =>
      import('./pages/audit-log/audit-log').then((m) => m.AuditLogPage),
  },
];

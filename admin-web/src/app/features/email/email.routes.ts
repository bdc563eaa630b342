import { Route } from '@angular/router';

export const emailRoutes: Route[] = [
  {
    path: '',
    loadComponent: () =>
      import('./pages/email-log/email-log').then((m) => m.EmailLogPage),
  },
];

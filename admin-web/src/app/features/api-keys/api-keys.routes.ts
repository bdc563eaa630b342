import { Route } from '@angular/router';

export const apiKeysRoutes: Route[] = [
  {
    path: '',
    loadComponent: () =>
      import('./pages/api-key-list/api-key-list').then((m) => m.ApiKeyListPage),
  },
];

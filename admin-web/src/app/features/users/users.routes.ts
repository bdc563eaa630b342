import { Route } from '@angular/router';

export const usersRoutes: Route[] = [
  {
    path: '',
    loadComponent: () =>
      import('./pages/users-page/users-page').then((m) => m.UsersPage),
  },
];

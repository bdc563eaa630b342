import { Route } from '@angular/router';

export const profileRoutes: Route[] = [
  {
    path: '',
    loadComponent: () =>
      import('./pages/profile/profile').then((m) => m.ProfilePage),
  },
];

import { Route } from '@angular/router';

export const workspaceRoutes: Route[] = [
  {
    path: '',
    loadComponent: () =>
      import('./pages/workspace-settings/workspace-settings').then(
        (m) => m.WorkspaceSettingsPage,
      ),
  },
];

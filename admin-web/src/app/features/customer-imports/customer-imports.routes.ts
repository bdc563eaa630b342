import { Route } from '@angular/router';

/** Under `/customers/import`: the wizard, and an import reopened by id. */
export const customerImportsRoutes: Route[] = [
  {
    path: '',
    loadComponent: () =>
      import('./pages/import-wizard/import-wizard').then(
        (m) => m.ImportWizardPage,
      ),
  },
  {
    path: ':id',
    loadComponent: () =>
      import('./pages/import-wizard/import-wizard').then(
        (m) => m.ImportWizardPage,
      ),
  },
];

import { Route } from '@angular/router';
import { permissionGuard } from '../../core/auth/auth.guards';

/**
 * `/customers` (list), `/customers/exports` (CSV exports) and `/customers/:id` (customer 360).
 * `/customers/import` belongs to the import wizard, routed before this feature in app.routes.ts.
 */
export const customersRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    loadComponent: () =>
      import('./pages/customer-list/customer-list').then(
        (m) => m.CustomerListPage,
      ),
  },
  {
    path: 'exports',
    canActivate: [permissionGuard('customers:export')],
    title: 'Customer exports · Lodestar',
    loadComponent: () =>
      import('./pages/customer-exports/customer-exports').then(
        (m) => m.CustomerExportsPage,
      ),
  },
  {
    path: ':id',
    title: 'Customer · Lodestar',
    loadComponent: () =>
      import('./pages/customer-360/customer-360').then(
        (m) => m.Customer360Page,
      ),
  },
];

import { Route } from '@angular/router';
import { permissionGuard } from '../../core/auth/auth.guards';

/**
 * `/segments` (list), `/segments/playbooks` (gallery), `/segments/new` and `/segments/:id/edit` (the rule
 * editor, segments:write), `/segments/:id` (detail). Fixed paths go before `:id`.
 */
export const segmentsRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    loadComponent: () => import('./pages/segment-list/segment-list').then((m) => m.SegmentListPage),
  },
  {
    path: 'playbooks',
    title: 'Segment playbooks · Lodestar',
    loadComponent: () => import('./pages/playbook-gallery/playbook-gallery').then((m) => m.PlaybookGalleryPage),
  },
  {
    path: 'new',
    canActivate: [permissionGuard('segments:write')],
    title: 'New segment · Lodestar',
    loadComponent: () => import('./segment-editor/segment-editor').then((m) => m.SegmentEditorPage),
  },
  {
    path: ':id/edit',
    canActivate: [permissionGuard('segments:write')],
    title: 'Edit segment · Lodestar',
    loadComponent: () => import('./segment-editor/segment-editor').then((m) => m.SegmentEditorPage),
  },
  {
    path: ':id',
    title: 'Segment · Lodestar',
    loadComponent: () => import('./pages/segment-detail/segment-detail').then((m) => m.SegmentDetailPage),
  },
];

import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  OnInit,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { ApiKey } from '../../../../core/api/models';
import { hasPermission } from '../../../../core/auth/has-permission';
import { NotificationService } from '../../../../core/errors/notification.service';
import { confirmThen } from '../../../../shared/confirm-dialog/confirm-dialog';
import { EmptyState } from '../../../../shared/empty-state/empty-state';
import { ListStatus } from '../../../../shared/list-status/list-status';
import { PageHeader } from '../../../../shared/page-header/page-header';
import {
  CreateApiKeyDialog,
  CreateApiKeyDialogData,
} from '../../components/create-api-key-dialog/create-api-key-dialog';
import { apiKeyStatus, ApiKeysStore } from '../../data/api-keys.store';

/** `/api-keys` (needs `api_keys:manage`, so everyone here may issue and revoke). */
@Component({
  selector: 'app-api-key-list-page',
  imports: [
    DatePipe,
    MatTableModule,
    MatButtonModule,
    MatIconModule,
    MatTooltipModule,
    PageHeader,
    EmptyState,
    ListStatus,
  ],
  templateUrl: './api-key-list.html',
  styleUrl: './api-key-list.scss',
  providers: [ApiKeysStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApiKeyListPage implements OnInit {
  protected readonly store = inject(ApiKeysStore);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(NotificationService);

  /** The route already needs `api_keys:manage`; the check keeps the controls honest if that changes. */
  protected readonly canManage = hasPermission('api_keys:manage');
  protected readonly columns = computed(() => {
    const base = [
      'name',
      'prefix',
      'permissions',
      'createdAt',
      'lastUsedAt',
      'status',
    ];
    return this.canManage() ? [...base, 'actions'] : base;
  });
  protected readonly status = apiKeyStatus;

  ngOnInit(): void {
    this.store.load();
  }

  protected create(): void {
    this.store.grantablePermissions().subscribe((permissions) => {
      const data: CreateApiKeyDialogData = {
        permissions,
        submit: (value) => this.store.create(value),
      };
      this.dialog.open<CreateApiKeyDialog, CreateApiKeyDialogData, boolean>(
        CreateApiKeyDialog,
        {
          data,
          width: '760px',
          maxWidth: '95vw',
        },
      );
    });
  }

  protected revoke(key: ApiKey): void {
    confirmThen(
      this.dialog,
      {
        title: `Revoke ${key.name}?`,
        message: `Requests with the key ${key.prefix}… fail from now on. This cannot be undone.`,
        confirmLabel: 'Revoke key',
        destructive: true,
      },
      () => this.store.revoke(key),
    ).subscribe({
      next: () => this.notify.success(`Key ${key.name} revoked.`),
      error: (err: unknown) =>
        this.notify.error(err, 'Could not revoke the key.'),
    });
  }
}

import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import type { Role } from '../../../../core/api/models';
import { hasPermission } from '../../../../core/auth/has-permission';
import { NotificationService } from '../../../../core/errors/notification.service';
import { confirmThen } from '../../../../shared/confirm-dialog/confirm-dialog';
import { ListStatus } from '../../../../shared/list-status/list-status';
import { groupPermissions } from '../../../../shared/permission-picker/permission-picker';
import { RolesStore } from '../../data/roles.store';
import { RoleDialog, RoleDialogData } from '../role-dialog/role-dialog';

@Component({
  selector: 'app-roles-tab',
  imports: [MatExpansionModule, MatButtonModule, MatIconModule, ListStatus],
  templateUrl: './roles-tab.html',
  styleUrl: './roles-tab.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RolesTab {
  protected readonly store = inject(RolesStore);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(NotificationService);

  protected readonly canManage = hasPermission('roles:manage');

  protected grouped(role: Role) {
    const descriptions = new Map(
      this.store.permissions().map((p) => [p.key, p.description]),
    );
    return groupPermissions(
      role.permissions.map((key) => ({
        key,
        description: descriptions.get(key) ?? '',
      })),
    );
  }

  protected create(): void {
    this.openDialog(
      {
        permissions: this.store.permissions(),
        submit: (value) => this.store.create(value),
      },
      'Role created.',
    );
  }

  protected edit(role: Role): void {
    this.openDialog(
      {
        role,
        permissions: this.store.permissions(),
        submit: (value) => this.store.update(role, value),
      },
      'Role saved.',
    );
  }

  protected remove(role: Role): void {
    confirmThen(
      this.dialog,
      {
        title: `Delete the role ${role.name}?`,
        message:
          role.memberCount > 0
            ? `${role.memberCount} member(s) hold this role; give them another role first.`
            : 'Nobody holds this role. Deleting it cannot be undone.',
        confirmLabel: 'Delete',
        destructive: true,
      },
      () => this.store.delete(role),
    ).subscribe({
      next: () => this.notify.success(`Role ${role.name} deleted.`),
      error: (err: unknown) =>
        this.notify.error(err, 'Could not delete the role.'),
    });
  }

  private openDialog(data: RoleDialogData, done: string): void {
    this.dialog
      .open<RoleDialog, RoleDialogData, boolean>(RoleDialog, {
        data,
        width: '760px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((saved) => saved && this.notify.success(done));
  }
}

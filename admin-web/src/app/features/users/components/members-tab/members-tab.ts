import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  OnInit,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import type { Member } from '../../../../core/api/models';
import { hasPermission } from '../../../../core/auth/has-permission';
import { SessionStore } from '../../../../core/auth/session.store';
import { NotificationService } from '../../../../core/errors/notification.service';
import { reloadOnFilterChange } from '../../../../shared/data/reload-on-filter-change';
import { confirmThen } from '../../../../shared/confirm-dialog/confirm-dialog';
import { EmptyState } from '../../../../shared/empty-state/empty-state';
import { ListStatus } from '../../../../shared/list-status/list-status';
import { LoadMore } from '../../../../shared/load-more/load-more';
import { NoMatches } from '../../../../shared/no-matches/no-matches';
import { ActiveFilter, MembersStore } from '../../data/members.store';
import { RolesStore } from '../../data/roles.store';

@Component({
  selector: 'app-members-tab',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatTableModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    MatIconModule,
    EmptyState,
    NoMatches,
    ListStatus,
    LoadMore,
  ],
  templateUrl: './members-tab.html',
  styleUrl: './members-tab.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MembersTab implements OnInit {
  protected readonly store = inject(MembersStore);
  protected readonly roles = inject(RolesStore);
  private readonly session = inject(SessionStore);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(NotificationService);

  protected readonly canManage = hasPermission('users:manage');
  protected readonly filters = inject(NonNullableFormBuilder).group({
    q: [''],
    roleId: [''],
    active: ['all' as ActiveFilter],
  });

  protected readonly columns = computed(() =>
    this.canManage()
      ? ['member', 'role', 'status', 'lastLogin', 'actions']
      : ['member', 'role', 'status', 'lastLogin'],
  );
  protected readonly filtered = computed(() => {
    const f = this.store.list.filter();
    return f.q !== '' || f.roleId !== '' || f.active !== 'all';
  });

  constructor() {
    reloadOnFilterChange(this.filters, this.store.list);
  }

  ngOnInit(): void {
    this.store.list.load(this.filters.getRawValue());
  }

  protected isSelf(member: Member): boolean {
    return member.id === this.session.user()?.id;
  }

  protected clearFilters(): void {
    this.filters.setValue({ q: '', roleId: '', active: 'all' });
  }

  protected changeRole(member: Member, roleId: string): void {
    if (roleId === member.role.id) return;
    const role = this.roles.roles().find((r) => r.id === roleId);
    this.store.update(member, { roleId }).subscribe({
      next: (updated) => {
        this.notify.success(
          `${updated.name || updated.email} is now ${role?.name ?? updated.role.name}.`,
        );
        // The Roles tab shows how many members hold each role (and warns before deleting one).
        this.roles.load();
      },
      error: (err: unknown) => {
        this.store.reset(member);
        this.notify.error(err, 'Could not change the role.');
      },
    });
  }

  protected deactivate(member: Member): void {
    confirmThen(
      this.dialog,
      {
        title: 'Deactivate member?',
        message: `${member.name || member.email} will be signed out and can no longer sign in to this workspace. You can reactivate them later.`,
        confirmLabel: 'Deactivate',
        destructive: true,
      },
      () => this.store.update(member, { active: false }),
    ).subscribe({
      next: () =>
        this.notify.success(`${member.name || member.email} is deactivated.`),
      error: (err: unknown) =>
        this.notify.error(err, 'Could not deactivate the member.'),
    });
  }

  protected reactivate(member: Member): void {
    this.store.update(member, { active: true }).subscribe({
      next: () =>
        this.notify.success(`${member.name || member.email} is active again.`),
      error: (err: unknown) =>
        this.notify.error(err, 'Could not reactivate the member.'),
    });
  }
}

import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  OnInit,
  output,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatTableModule } from '@angular/material/table';
import type { Invitation } from '../../../../core/api/models';
import { hasPermission } from '../../../../core/auth/has-permission';
import { NotificationService } from '../../../../core/errors/notification.service';
import { confirmThen } from '../../../../shared/confirm-dialog/confirm-dialog';
import { EmptyState } from '../../../../shared/empty-state/empty-state';
import { ListStatus } from '../../../../shared/list-status/list-status';
import { LoadMore } from '../../../../shared/load-more/load-more';
import {
  InvitationsStore,
  InvitationStatusFilter,
} from '../../data/invitations.store';

@Component({
  selector: 'app-invitations-tab',
  imports: [
    DatePipe,
    MatTableModule,
    MatButtonModule,
    MatButtonToggleModule,
    EmptyState,
    ListStatus,
    LoadMore,
  ],
  templateUrl: './invitations-tab.html',
  styles: `
    :host {
      display: block;
      padding-top: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvitationsTab implements OnInit {
  /** Asks the page to open the invite dialog (from the empty state). */
  readonly invite = output<void>();

  protected readonly store = inject(InvitationsStore);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(NotificationService);

  protected readonly canManage = hasPermission('users:manage');
  protected readonly statuses: {
    value: InvitationStatusFilter;
    label: string;
  }[] = [
    { value: 'pending', label: 'Pending' },
    { value: 'accepted', label: 'Accepted' },
    { value: 'expired', label: 'Expired' },
    { value: 'revoked', label: 'Revoked' },
    { value: 'all', label: 'All' },
  ];
  protected readonly columns = computed(() => {
    const base = ['email', 'role', 'status', 'invitedBy', 'expiresAt'];
    return this.canManage() ? [...base, 'actions'] : base;
  });

  ngOnInit(): void {
    this.store.list.load();
  }

  protected setStatus(status: InvitationStatusFilter): void {
    this.store.list.load({ status });
  }

  protected revoke(invitation: Invitation): void {
    confirmThen(
      this.dialog,
      {
        title: 'Revoke invitation?',
        message: `The link sent to ${invitation.email} stops working. You can invite them again later.`,
        confirmLabel: 'Revoke',
        destructive: true,
      },
      () => this.store.revoke(invitation),
    ).subscribe({
      next: () =>
        this.notify.success(`Invitation for ${invitation.email} revoked.`),
      error: (err: unknown) =>
        this.notify.error(err, 'Could not revoke the invitation.'),
    });
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
  linkedSignal,
  OnInit,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTabsModule } from '@angular/material/tabs';
import { Router } from '@angular/router';
import { Can } from '../../../../core/auth/has-permission';
import { NotificationService } from '../../../../core/errors/notification.service';
import { PageHeader } from '../../../../shared/page-header/page-header';
import { InvitationsTab } from '../../components/invitations-tab/invitations-tab';
import {
  InviteDialog,
  InviteDialogData,
} from '../../components/invite-dialog/invite-dialog';
import { MembersTab } from '../../components/members-tab/members-tab';
import { RolesTab } from '../../components/roles-tab/roles-tab';
import { InvitationsStore } from '../../data/invitations.store';
import { MembersStore } from '../../data/members.store';
import { RolesStore } from '../../data/roles.store';

const TABS = ['members', 'invitations', 'roles'] as const;

/** `/users`: members, invitations and roles of the workspace. */
@Component({
  selector: 'app-users-page',
  imports: [
    MatTabsModule,
    MatButtonModule,
    MatIconModule,
    PageHeader,
    Can,
    MembersTab,
    InvitationsTab,
    RolesTab,
  ],
  templateUrl: './users-page.html',
  providers: [MembersStore, InvitationsStore, RolesStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage implements OnInit {
  /** `?tab=members|invitations|roles` */
  readonly tab = input<string>();

  private readonly roles = inject(RolesStore);
  private readonly invitations = inject(InvitationsStore);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(NotificationService);
  private readonly router = inject(Router);

  protected readonly selectedIndex = linkedSignal(() =>
    Math.max(
      0,
      TABS.indexOf((this.tab() ?? 'members') as (typeof TABS)[number]),
    ),
  );

  ngOnInit(): void {
    this.roles.load();
  }

  protected selectTab(index: number): void {
    this.selectedIndex.set(index);
    void this.router.navigate([], {
      queryParams: { tab: TABS[index] },
      replaceUrl: true,
    });
  }

  protected openInvite(): void {
    const data: InviteDialogData = {
      roles: this.roles.roles(),
      submit: ({ email, roleId }) => this.invitations.invite(email, roleId),
    };
    this.dialog
      .open<InviteDialog, InviteDialogData, boolean>(InviteDialog, {
        data,
        width: '480px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((sent) => {
        if (!sent) return;
        this.notify.success('Invitation sent.');
        this.selectTab(1);
      });
  }
}

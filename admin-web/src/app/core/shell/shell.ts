import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';
import type { MyWorkspace } from '../api/models';
import { SessionStore } from '../auth/session.store';
import { NotificationService } from '../errors/notification.service';
import { visibleNavItems } from './navigation';

/** Toolbar + sidenav around every signed-in page. */
@Component({
  selector: 'app-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatSidenavModule,
    MatListModule,
    MatIconModule,
    MatButtonModule,
    MatMenuModule,
    MatDividerModule,
    MatTooltipModule,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  protected readonly session = inject(SessionStore);
  private readonly notify = inject(NotificationService);
  private readonly sidenav = viewChild.required(MatSidenav);
  /** A workspace switch is under way (the menu items are disabled meanwhile). */
  protected readonly switching = signal(false);

  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 959.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  protected readonly navItems = computed(() => {
    this.session.permissions();
    return visibleNavItems(this.session);
  });

  protected readonly initials = computed(() => {
    const user = this.session.user();
    const source = user?.name || user?.email || '?';
    return source
      .split(/[\s@.]+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((part) => part[0]?.toUpperCase())
      .join('');
  });

  protected onNavigate(): void {
    if (this.narrow()) void this.sidenav().close();
  }

  protected switchTo(workspace: MyWorkspace): void {
    if (this.switching()) return;
    this.switching.set(true);
    this.session.switchWorkspace(workspace.id).subscribe({
      next: () => this.switching.set(false),
      error: (err: unknown) => {
        this.switching.set(false);
        this.notify.error(err, `Could not switch to ${workspace.name}.`);
      },
    });
  }

  protected signOut(): void {
    this.session.signOut();
  }
}

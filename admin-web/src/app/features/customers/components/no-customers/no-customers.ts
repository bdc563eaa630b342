import { DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  OnInit,
  output,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { Observable, Subscription } from 'rxjs';
import { Can, hasPermission } from '../../../../core/auth/has-permission';
import { NotificationService } from '../../../../core/errors/notification.service';
import { toProblem } from '../../../../core/errors/problem';
import { EmptyState } from '../../../../shared/empty-state/empty-state';
import { DemoStore, demoUnderWay } from '../../data/demo.store';
import type { DemoStatus } from '../../models/customer-api';

/**
 * The customer list of a workspace without customers: the ways to get some (import a file, the bulk
 * API, or — for workspace managers — demo data, whose loading progress is shown until it is done).
 */
@Component({
  selector: 'app-no-customers',
  imports: [
    DecimalPipe,
    EmptyState,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    RouterLink,
    Can,
  ],
  templateUrl: './no-customers.html',
  styles: `
    .actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 8px;
    }
    .progress {
      width: min(420px, 90vw);
      margin-top: 16px;
    }
    .progress p {
      margin: 8px 0 0;
    }
  `,
  providers: [DemoStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NoCustomers implements OnInit {
  /** Customers arrived (the demo data finished loading): the list should load again. */
  readonly loaded = output<void>();

  protected readonly demo = inject(DemoStore);
  private readonly notify = inject(NotificationService);
  protected readonly canManage = hasPermission('workspace:manage');
  protected readonly running = computed(() => demoUnderWay(this.demo.status()));
  protected readonly message = computed(
    () =>
      'Import a CSV or Excel file, or push customers, orders and events from your systems through the ' +
      'bulk API (POST /api/ingest/customers with an API key). Traits such as RFM tier and churn risk are ' +
      'computed as orders arrive.' +
      (this.canManage()
        ? ' To look around first, load the demo data: about 20,000 customers with two years of orders.'
        : ''),
  );
  private following: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.following?.unsubscribe());
  }

  ngOnInit(): void {
    // A load may already be running (started by someone else, or before this page was reloaded).
    this.follow(this.demo.check(), false);
  }

  protected loadDemo(): void {
    this.follow(this.demo.start(), true);
  }

  private follow(statuses: Observable<DemoStatus>, started: boolean): void {
    this.following?.unsubscribe();
    let watched = started;
    this.following = statuses.subscribe({
      next: (status) => {
        watched ||= demoUnderWay(status);
        if (status.state === 'completed' && watched) {
          this.notify.success(
            `Demo data loaded: ${status.customers.toLocaleString('en-US')} customers.`,
          );
          this.loaded.emit();
        }
      },
      error: (err: unknown) => {
        if (!started) return; // Without the status, the button still works.
        // 409: the workspace has customers after all (an import finished meanwhile): show them.
        if (toProblem(err).status === 409) this.loaded.emit();
        this.notify.error(err, 'Could not load the demo data.');
      },
    });
  }
}

import { DatePipe, DecimalPipe, DOCUMENT } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { NgxEchartsDirective } from 'ngx-echarts';
import { hasPermission } from '../../../../core/auth/has-permission';
import { NotificationService } from '../../../../core/errors/notification.service';
import { Problem, problemMessage, toProblem } from '../../../../core/errors/problem';
import { confirmThen } from '../../../../shared/confirm-dialog/confirm-dialog';
import { downloadBlob } from '../../../../shared/data/download';
import { ListStatus } from '../../../../shared/list-status/list-status';
import { LoadMore } from '../../../../shared/load-more/load-more';
import { PageHeader } from '../../../../shared/page-header/page-header';
import { ToneChip } from '../../../customers/components/tone-chip/tone-chip';
import { customerName, formatAmount } from '../../../customers/models/format';
import { tierTone } from '../../../customers/models/traits';
import { sizeHistoryOptions } from '../../charts/size-history.options';
import { CheckCustomer } from '../../components/check-customer/check-customer';
import { ExplainPanel } from '../../components/explain-panel/explain-panel';
import { RulesOutline } from '../../components/rules-outline/rules-outline';
import { SegmentBreakdownCharts } from '../../components/segment-breakdown/segment-breakdown';
import { SegmentStatusChip } from '../../components/segment-status/segment-status';
import { SegmentExplainStore } from '../../data/segment-explain.store';
import { SegmentStore } from '../../data/segment.store';
import { describeRules, RuleNames } from '../../models/rules-summary';
import type { SegmentMember } from '../../models/segment-api';
import { relativeTime, TIME_RELATIVE_HINT } from '../../models/segment-status';

/** `/segments/:id`: a segment's rules in words, size history, breakdown and members; why a customer is in or out; refresh, export, delete. */
@Component({
  selector: 'app-segment-detail-page',
  imports: [
    DatePipe,
    DecimalPipe,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatTableModule,
    MatTooltipModule,
    NgxEchartsDirective,
    PageHeader,
    ListStatus,
    LoadMore,
    ToneChip,
    SegmentStatusChip,
    RulesOutline,
    SegmentBreakdownCharts,
    ExplainPanel,
    CheckCustomer,
  ],
  templateUrl: './segment-detail.html',
  styleUrl: './segment-detail.scss',
  providers: [SegmentStore, SegmentExplainStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SegmentDetailPage {
  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly store = inject(SegmentStore);
  protected readonly explain = inject(SegmentExplainStore);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(NotificationService);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly destroyRef = inject(DestroyRef);
  private readonly explainCard = viewChild<ElementRef<HTMLElement>>('explainCard');

  protected readonly canWrite = hasPermission('segments:write');
  protected readonly memberColumns = ['name', 'country', 'rfmTier', 'totalSpent', 'addedAt', 'why'];
  protected readonly problemMessage = problemMessage;
  protected readonly relativeTime = relativeTime;
  protected readonly timeRelativeHint = TIME_RELATIVE_HINT;
  protected readonly customerName = (m: SegmentMember) => customerName({ ...m, erasedAt: null });
  protected readonly formatAmount = formatAmount;
  protected readonly tierTone = tierTone;

  protected readonly rules = computed(() => this.store.segment()?.rules ?? null);
  protected readonly names = computed<RuleNames>(() => {
    const segment = this.store.segment();
    const known = new Map([...(segment?.references ?? []), ...(segment?.usedBy ?? [])].map((s) => [s.id, s.name]));
    return { catalogue: this.store.catalogue(), segmentName: (id) => known.get(id) };
  });
  protected readonly summary = computed(() => {
    const rules = this.rules();
    return rules ? describeRules(rules, this.names()) : null;
  });
  protected readonly historyChart = computed(() => {
    const points = this.store.history();
    return points?.length ? sizeHistoryOptions(points) : null;
  });
  protected readonly refreshing = signal(false);
  protected readonly busy = signal(false);
  /** Why the last delete was refused (the segments using this one). */
  protected readonly deleteProblem = signal<Problem | null>(null);

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.deleteProblem.set(null);
        this.explain.close();
        this.store.open(id);
      });
    });
  }

  protected refreshNow(): void {
    this.refreshing.set(true);
    this.store
      .refreshNow()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (refresh) => {
          if (refresh.status === 'completed') {
            this.refreshing.set(false);
            this.notify.success(
              `Refreshed: ${formatAmount(refresh.size)} members (${formatAmount(refresh.added)} joined, ${formatAmount(refresh.removed)} left).`,
            );
          } else if (refresh.status === 'failed') {
            this.refreshing.set(false);
          }
        },
        error: (err: unknown) => {
          this.refreshing.set(false);
          this.notify.error(err, 'Could not refresh the segment.');
        },
      });
  }

  /** Explains customer `customerId` (a member's "Why?", or "Check a customer") beside the page. */
  protected check(customerId: string): void {
    this.explain.explain(this.id(), customerId);
    this.explainCard()?.nativeElement.scrollIntoView?.({ block: 'nearest' });
  }

  protected exportCsv(): void {
    const segment = this.store.segment();
    if (!segment) return;
    this.busy.set(true);
    this.store.exportCsv().subscribe({
      next: (blob) => {
        this.busy.set(false);
        downloadBlob(this.document, blob, `segment-${slug(segment.name)}.csv`);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.notify.error(err, 'Could not export the members.');
      },
    });
  }

  protected delete(): void {
    const segment = this.store.segment();
    if (!segment) return;
    this.deleteProblem.set(null);
    confirmThen(
      this.dialog,
      {
        title: `Delete ${segment.name}?`,
        message: 'The segment, its member list and its size history are removed for good. Customers are not affected.',
        confirmLabel: 'Delete segment',
        destructive: true,
      },
      () => this.store.delete(),
    ).subscribe({
      next: () => {
        this.notify.success(`${segment.name} is deleted.`);
        void this.router.navigateByUrl('/segments');
      },
      error: (err: unknown) => {
        if (err instanceof HttpErrorResponse && err.status === 409) {
          // Other segments refer to it: say which (reloaded, so the list is current).
          this.deleteProblem.set(toProblem(err));
          this.store.load();
        } else {
          this.notify.error(err, 'Could not delete the segment.');
        }
      },
    });
  }
}

/** `Big spenders (CA)` → `big-spenders-ca`, for file names. */
function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'members'
  );
}

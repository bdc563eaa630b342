import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, OnInit } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { hasPermission } from '../../../../core/auth/has-permission';
import { reloadOnFilterChange } from '../../../../shared/data/reload-on-filter-change';
import { ListStatus } from '../../../../shared/list-status/list-status';
import { LoadMore } from '../../../../shared/load-more/load-more';
import { NoMatches } from '../../../../shared/no-matches/no-matches';
import { PageHeader } from '../../../../shared/page-header/page-header';
import { NoSegments } from '../../components/no-segments/no-segments';
import { SegmentSparkline } from '../../components/segment-sparkline/segment-sparkline';
import { SegmentStatusChip } from '../../components/segment-status/segment-status';
import { SegmentsStore } from '../../data/segments.store';
import type { SegmentSummary } from '../../models/segment-api';
import { relativeTime, TIME_RELATIVE_HINT } from '../../models/segment-status';

/** `/segments`: every segment with its size, trend and freshness; search by name; create one or start from a playbook. */
@Component({
  selector: 'app-segment-list-page',
  imports: [
    DatePipe,
    DecimalPipe,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatTableModule,
    MatTooltipModule,
    PageHeader,
    ListStatus,
    LoadMore,
    NoMatches,
    NoSegments,
    SegmentSparkline,
    SegmentStatusChip,
  ],
  templateUrl: './segment-list.html',
  styleUrl: './segment-list.scss',
  providers: [SegmentsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SegmentListPage implements OnInit {
  protected readonly store = inject(SegmentsStore);
  private readonly router = inject(Router);

  protected readonly canWrite = hasPermission('segments:write');
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly columns = ['name', 'status', 'members', 'trend', 'refreshed'];
  protected readonly relativeTime = relativeTime;
  protected readonly timeRelativeHint = TIME_RELATIVE_HINT;

  constructor() {
    reloadOnFilterChange(this.search, this.store.list);
  }

  ngOnInit(): void {
    this.store.list.load('');
  }

  protected open(segment: SegmentSummary): void {
    void this.router.navigate(['/segments', segment.id]);
  }
}

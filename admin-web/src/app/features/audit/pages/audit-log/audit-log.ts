import { DatePipe, DOCUMENT, JsonPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  OnInit,
  signal,
} from '@angular/core';
import {
  FormControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import type { AuditEvent } from '../../../../core/api/models';
import { hasPermission } from '../../../../core/auth/has-permission';
import { NotificationService } from '../../../../core/errors/notification.service';
import { reloadOnFilterChange } from '../../../../shared/data/reload-on-filter-change';
import { downloadBlob } from '../../../../shared/data/download';
import { EmptyState } from '../../../../shared/empty-state/empty-state';
import { ListStatus } from '../../../../shared/list-status/list-status';
import { LoadMore } from '../../../../shared/load-more/load-more';
import { NoMatches } from '../../../../shared/no-matches/no-matches';
import { PageHeader } from '../../../../shared/page-header/page-header';
import { AuditStore } from '../../data/audit.store';
import { AuditFilterForm, changedKeys } from '../../models/audit-filter';

/** `/audit`: who did what to which object, when; with before/after. */
@Component({
  selector: 'app-audit-log-page',
  imports: [
    DatePipe,
    JsonPipe,
    ReactiveFormsModule,
    MatTableModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatDatepickerModule,
    MatButtonModule,
    MatIconModule,
    PageHeader,
    EmptyState,
    NoMatches,
    ListStatus,
    LoadMore,
  ],
  templateUrl: './audit-log.html',
  styleUrl: './audit-log.scss',
  providers: [AuditStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditLogPage implements OnInit {
  protected readonly store = inject(AuditStore);
  private readonly notify = inject(NotificationService);
  private readonly document = inject(DOCUMENT);

  protected readonly canExport = hasPermission('audit:export');
  protected readonly changedKeys = changedKeys;
  protected readonly columns = [
    'expand',
    'createdAt',
    'actor',
    'action',
    'object',
  ];
  protected readonly expanded = signal<string | null>(null);
  protected readonly exporting = signal(false);

  protected readonly filters: AuditFilterForm = inject(
    NonNullableFormBuilder,
  ).group({
    actorId: [''],
    action: [''],
    objectType: [''],
    from: new FormControl<Date | null>(null),
    to: new FormControl<Date | null>(null),
  });
  protected readonly filtered = computed(() => {
    const f = this.store.list.filter();
    return !!(f.actorId || f.action || f.objectType || f.from || f.to);
  });

  constructor() {
    reloadOnFilterChange(this.filters, this.store.list);
  }

  ngOnInit(): void {
    this.store.loadActors();
    this.store.list.load(this.filters.getRawValue());
  }

  protected toggle(event: AuditEvent): void {
    this.expanded.update((id) => (id === event.id ? null : event.id));
  }

  protected clearFilters(): void {
    this.filters.reset();
  }

  protected export(): void {
    this.exporting.set(true);
    this.store.exportCsv(this.filters.getRawValue()).subscribe({
      next: (blob) => {
        this.exporting.set(false);
        const stamp = new Date()
          .toISOString()
          .slice(0, 19)
          .replace(/[:T]/g, '-');
        downloadBlob(this.document, blob, `audit-log-${stamp}.csv`);
      },
      error: (err: unknown) => {
        this.exporting.set(false);
        this.notify.error(err, 'Could not export the audit log.');
      },
    });
  }
}

import { DatePipe, DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  inject,
  OnInit,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { CustomerListMemory } from '../../data/list-memory';
import { NotificationService } from '../../../../core/errors/notification.service';
import { downloadBlob } from '../../../../shared/data/download';
import { EmptyState } from '../../../../shared/empty-state/empty-state';
import { ListStatus } from '../../../../shared/list-status/list-status';
import { LoadMore } from '../../../../shared/load-more/load-more';
import { PageHeader } from '../../../../shared/page-header/page-header';
import { ToneChip } from '../../components/tone-chip/tone-chip';
import { CustomerExportsStore } from '../../data/customer-exports.store';
import type { CustomerExport } from '../../models/customer-api';
import { describeExportFilters } from '../../models/export-filters';
import type { Tone } from '../../models/traits';

const STATUS_TONE: Record<CustomerExport['status'], Tone> = {
  queued: 'neutral',
  running: 'neutral',
  completed: 'good',
  failed: 'bad',
};

/** `/customers/exports`: CSV exports of the customer list, their progress, and the files. */
@Component({
  selector: 'app-customer-exports-page',
  imports: [
    DatePipe,
    RouterLink,
    MatTableModule,
    MatButtonModule,
    MatIconModule,
    MatProgressSpinnerModule,
    PageHeader,
    ListStatus,
    LoadMore,
    EmptyState,
    ToneChip,
  ],
  templateUrl: './customer-exports.html',
  styleUrl: './customer-exports.scss',
  providers: [CustomerExportsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomerExportsPage implements OnInit {
  protected readonly store = inject(CustomerExportsStore);
  /** The list's last search and filters, for the way back. */
  protected readonly listParams = inject(CustomerListMemory).params;
  private readonly notify = inject(NotificationService);
  private readonly document = inject(DOCUMENT);

  protected readonly columns = [
    'createdAt',
    'filters',
    'status',
    'rowCount',
    'download',
  ];
  protected readonly describe = describeExportFilters;
  protected readonly tone = (e: CustomerExport) => STATUS_TONE[e.status];
  /** The export whose file is being fetched. */
  protected readonly downloading = signal<string | null>(null);

  ngOnInit(): void {
    this.store.list.load();
  }

  protected download(exp: CustomerExport): void {
    this.downloading.set(exp.id);
    this.store.download(exp).subscribe({
      next: (blob) => {
        this.downloading.set(null);
        const day = exp.createdAt.slice(0, 10);
        downloadBlob(this.document, blob, `customers-${day}-${exp.id.slice(0, 8)}.csv`);
      },
      error: (err: unknown) => {
        this.downloading.set(null);
        this.notify.error(err, 'Could not download the export.');
      },
    });
  }
}

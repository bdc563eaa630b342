import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { CustomerImportDetail } from '../../models/import-api';
import { Can } from '../../../../core/auth/has-permission';
import { NotificationService } from '../../../../core/errors/notification.service';
import { downloadBlob } from '../../../../shared/data/download';
import { ListStatus } from '../../../../shared/list-status/list-status';
import { LoadMore } from '../../../../shared/load-more/load-more';
import { CustomerImportsStore } from '../../data/customer-imports.store';
import { runDuration } from '../../models/import-status';
import { ImportCounts } from '../import-counts/import-counts';

/** A finished import: what it did, the rows it rejected and why (with the CSV report), what next. */
@Component({
  selector: 'app-import-result',
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatTableModule,
    Can,
    ImportCounts,
    ListStatus,
    LoadMore,
  ],
  templateUrl: './import-result.html',
  styleUrl: './import-result.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportResult {
  readonly detail = input.required<CustomerImportDetail>();

  protected readonly store = inject(CustomerImportsStore);
  private readonly notify = inject(NotificationService);
  private readonly document = inject(DOCUMENT);

  protected readonly columns = ['row', 'column', 'value', 'reason'];
  protected readonly downloading = signal(false);
  protected readonly retrying = signal(false);
  protected readonly duration = computed(() =>
    runDuration(this.detail().startedAt, this.detail().finishedAt),
  );

  protected downloadReport(): void {
    const fileName = this.detail().fileName.replace(/\.[^.]+$/, '');
    this.downloading.set(true);
    this.store.errorReport().subscribe({
      next: (blob) => {
        this.downloading.set(false);
        downloadBlob(this.document, blob, `${fileName}-errors.csv`);
      },
      error: (err: unknown) => {
        this.downloading.set(false);
        this.notify.error(err, 'Could not download the error report.');
      },
    });
  }

  /** A failed run starts again with the mapping it had (the API allows it for failed imports). */
  protected runAgain(): void {
    const mapping = this.detail().mapping;
    if (!mapping) return;
    this.retrying.set(true);
    this.store.start(mapping).subscribe({
      next: () => this.retrying.set(false),
      error: (err: unknown) => {
        this.retrying.set(false);
        this.notify.error(err, 'Could not start the import again.');
      },
    });
  }
}

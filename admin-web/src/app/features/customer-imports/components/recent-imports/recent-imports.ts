import { DatePipe, DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  inject,
  OnInit,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { ListStatus } from '../../../../shared/list-status/list-status';
import { LoadMore } from '../../../../shared/load-more/load-more';
import { CustomerImportsStore } from '../../data/customer-imports.store';
import { fileSize } from '../../models/import-file';
import { ImportStatus, STATUS_LABELS } from '../../models/import-status';

/** The workspace's latest imports, to reopen one that runs or has finished. */
@Component({
  selector: 'app-recent-imports',
  imports: [
    DatePipe,
    DecimalPipe,
    RouterLink,
    MatTableModule,
    MatButtonModule,
    ListStatus,
    LoadMore,
  ],
  templateUrl: './recent-imports.html',
  styleUrl: './recent-imports.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecentImports implements OnInit {
  protected readonly store = inject(CustomerImportsStore);
  protected readonly columns = ['file', 'status', 'rows', 'createdAt', 'open'];
  protected readonly statusLabel = (status: ImportStatus) =>
    STATUS_LABELS[status];
  protected readonly fileSize = fileSize;

  ngOnInit(): void {
    this.store.recent.load();
  }
}

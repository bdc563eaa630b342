import { DecimalPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { CustomerImportDetail } from '../../models/import-api';
import { problemMessage } from '../../../../core/errors/problem';
import { CustomerImportsStore } from '../../data/customer-imports.store';
import { ImportCounts } from '../import-counts/import-counts';

/** A running import: how far it has read the file, and what it has done so far (polled by the store). */
@Component({
  selector: 'app-import-progress',
  imports: [DecimalPipe, MatButtonModule, MatProgressBarModule, ImportCounts],
  templateUrl: './import-progress.html',
  styles: `
    :host {
      display: block;
    }
    .status {
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportProgress {
  readonly detail = input.required<CustomerImportDetail>();

  protected readonly store = inject(CustomerImportsStore);
  protected readonly problemMessage = problemMessage;
}

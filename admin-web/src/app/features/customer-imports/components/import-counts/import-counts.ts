import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { CustomerImport } from '../../models/import-api';

/** Rows read, customers created and updated, rows rejected: while an import runs and after. */
@Component({
  selector: 'app-import-counts',
  imports: [DecimalPipe],
  template: `
    @let i = counts();
    <dl data-testid="import-counts">
      <div>
        <dt>Rows read</dt>
        <dd data-testid="count-processed">{{ i.processedRows | number }}</dd>
      </div>
      <div>
        <dt>Created</dt>
        <dd data-testid="count-created">{{ i.createdCount | number }}</dd>
      </div>
      <div>
        <dt>Updated</dt>
        <dd data-testid="count-updated">{{ i.updatedCount | number }}</dd>
      </div>
      <div [class.warn]="i.rejectedCount > 0">
        <dt>Rejected</dt>
        <dd data-testid="count-rejected">{{ i.rejectedCount | number }}</dd>
      </div>
    </dl>
  `,
  styles: `
    dl {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      margin: 12px 0;
    }
    div {
      min-width: 120px;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container);
    }
    div.warn {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    dt {
      font: var(--mat-sys-label-medium);
    }
    dd {
      margin: 4px 0 0;
      font: var(--mat-sys-headline-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportCounts {
  readonly counts = input.required<CustomerImport>();
}

import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatPseudoCheckboxModule } from '@angular/material/core';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { CustomerColumnsPreference } from '../../data/column-preferences';
import {
  CUSTOMER_COLUMNS,
  FIXED_COLUMN,
} from '../../models/customer-columns';

/**
 * "Columns" menu of the customer list: one checkable item per column (the menu stays open while
 * choosing, arrow keys move between items); the choice is remembered in this browser.
 */
@Component({
  selector: 'app-column-chooser',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    MatPseudoCheckboxModule,
  ],
  template: `
    <button
      mat-button
      type="button"
      [matMenuTriggerFor]="menu"
      data-testid="column-chooser"
    >
      <mat-icon svgIcon="view_column" />
      Columns
    </button>
    <mat-menu #menu="matMenu" xPosition="before">
      @for (column of columns; track column.key) {
        <button
          mat-menu-item
          type="button"
          role="menuitemcheckbox"
          [attr.aria-checked]="shown().includes(column.key)"
          [disabled]="column.key === fixed"
          (click)="$event.stopPropagation(); preference.toggle(column.key)"
        >
          <mat-pseudo-checkbox
            [state]="shown().includes(column.key) ? 'checked' : 'unchecked'"
            [disabled]="column.key === fixed"
            aria-hidden="true"
          />
          <span>{{ column.label }}</span>
        </button>
      }
      <button mat-menu-item type="button" (click)="preference.reset()">
        <span>Reset to default</span>
      </button>
    </mat-menu>
  `,
  styles: `
    mat-pseudo-checkbox {
      margin-right: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ColumnChooser {
  protected readonly preference = inject(CustomerColumnsPreference);
  protected readonly shown = this.preference.columns;
  protected readonly columns = CUSTOMER_COLUMNS;
  protected readonly fixed = FIXED_COLUMN;
}

import {
  booleanAttribute,
  ChangeDetectionStrategy,
  Component,
  input,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';

/**
 * The action bar of a form dialog: Cancel (closes it) and the submit button, whose label is the
 * content; disabled while the form is being sent. Put it inside the dialog's `<form>`.
 */
@Component({
  selector: 'app-dialog-actions',
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button mat-flat-button type="submit" [disabled]="pending()">
        <ng-content />
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DialogActions {
  readonly pending = input(false, { transform: booleanAttribute });
}

import {
  ChangeDetectionStrategy,
  Component,
  input,
  output,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { EmptyState } from '../empty-state/empty-state';

/** The empty state of a filtered list that has rows, just none matching: offers to clear the filters. */
@Component({
  selector: 'app-no-matches',
  imports: [EmptyState, MatButtonModule],
  template: `
    <app-empty-state icon="search" [heading]="heading()" [message]="message()">
      <button mat-stroked-button type="button" (click)="clear.emit()">
        Clear filters
      </button>
    </app-empty-state>
  `,
  styles: `
    :host {
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NoMatches {
  /** e.g. "No members match" */
  readonly heading = input.required<string>();
  /** What to change, e.g. "Try another name, role or status." */
  readonly message = input.required<string>();
  /** The user asked to clear every filter. */
  readonly clear = output<void>();
}

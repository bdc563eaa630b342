import {
  booleanAttribute,
  ChangeDetectionStrategy,
  Component,
  input,
  Signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Problem, problemMessage } from '../../core/errors/problem';

/** What a list's loading looks like from outside (a CursorList, or a store that loads a list). */
export interface LoadingList {
  readonly loading: Signal<boolean>;
  readonly error: Signal<Problem | null>;
  load(): void;
}

/** Above a list: a progress bar while it loads, and why it failed (with Try again if `retryable`). */
@Component({
  selector: 'app-list-status',
  imports: [MatButtonModule, MatProgressBarModule],
  template: `
    @if (list().loading()) {
      <mat-progress-bar
        mode="indeterminate"
        [attr.aria-label]="loadingLabel()"
      />
    }
    @if (list().error(); as problem) {
      <p class="form-banner error" role="alert">
        {{ message(problem) }}
        @if (retryable()) {
          <button mat-button type="button" (click)="list().load()">
            Try again
          </button>
        }
      </p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListStatus {
  readonly list = input.required<LoadingList>();
  /** Names the progress bar for assistive technology, e.g. "Loading members". */
  readonly loadingLabel = input.required<string>();
  /** Said when the API gives no reason, e.g. "Could not load members." */
  readonly failure = input.required<string>();
  readonly retryable = input(false, { transform: booleanAttribute });

  protected message(problem: Problem): string {
    return problemMessage(problem, this.failure());
  }
}

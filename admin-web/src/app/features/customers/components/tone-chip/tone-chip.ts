import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { Tone } from '../../models/traits';

/** A small label coloured by what it means: an RFM tier, a churn risk, a consent status. */
@Component({
  selector: 'app-tone-chip',
  template: `<ng-content />`,
  styles: `
    :host {
      display: inline-block;
      padding: 2px 8px;
      border-radius: 8px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
    :host([data-tone='good']) {
      background: #d7f0d9;
      color: #0f4a14;
    }
    :host([data-tone='warn']) {
      background: #ffe0b8;
      color: #5c3300;
    }
    :host([data-tone='bad']) {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  host: { '[attr.data-tone]': 'tone()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ToneChip {
  readonly tone = input<Tone>('neutral');
}

import { Clipboard } from '@angular/cdk/clipboard';
import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { NotificationService } from '../../core/errors/notification.service';

/** Copies a value to the clipboard and says so. */
@Component({
  selector: 'app-copy-button',
  imports: [MatButtonModule, MatIconModule, MatTooltipModule],
  template: `
    <button
      mat-icon-button
      type="button"
      [attr.aria-label]="label()"
      [matTooltip]="label()"
      (click)="copy()"
    >
      <mat-icon svgIcon="copy" />
    </button>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CopyButton {
  readonly value = input.required<string>();
  readonly label = input('Copy to clipboard');

  private readonly clipboard = inject(Clipboard);
  private readonly notify = inject(NotificationService);

  protected copy(): void {
    if (this.clipboard.copy(this.value()))
      this.notify.success('Copied to the clipboard');
    else
      this.notify.info('Could not copy; select the text and copy it by hand.');
  }
}

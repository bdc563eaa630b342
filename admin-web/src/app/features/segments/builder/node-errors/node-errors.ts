import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { NodeError } from '../rule-errors';

/** `window.days` → `Window days: `; nothing for an error on the node itself. */
function partLabel(part: string): string {
  if (!part) return '';
  const words = part
    .replace(/\[(\d+)\]/g, ' $1')
    .replace(/[.]/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}: `;
}

/** The API's validation errors on one node of the rule tree. */
@Component({
  selector: 'app-node-errors',
  template: `
    @if (errors().length) {
      <ul role="alert">
        @for (error of errors(); track $index) {
          <li>{{ partLabel(error.part) }}{{ error.message }}</li>
        }
      </ul>
    }
  `,
  styles: `
    ul {
      margin: 4px 0 0;
      padding-left: 20px;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NodeErrors {
  readonly errors = input.required<readonly NodeError[]>();
  protected readonly partLabel = partLabel;
}

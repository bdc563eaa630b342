import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import type { ExplainedLine, RuleLine } from '../../models/rules-summary';

const isExplained = (line: RuleLine): line is ExplainedLine => 'matched' in line;

/**
 * A rule tree in words as a nested list: groups ("All of", "Any of", "None of") with their conditions
 * indented below. Given an explained tree, each line is marked met ✓ or missed ✗ with the values compared.
 */
@Component({
  selector: 'app-rules-outline',
  imports: [NgTemplateOutlet, MatIconModule],
  template: `
    <ng-template #node let-line>
      <li [class.group]="line.group" [attr.data-matched]="explained(line) ? line.matched : null">
        <span class="line">
          @if (explained(line)) {
            <mat-icon
              class="mark"
              [svgIcon]="line.matched ? 'check_circle' : 'cancel'"
              [attr.aria-label]="line.matched ? 'met' : 'missed'"
              aria-hidden="false"
            />
          }
          <span class="body">
            <span class="text">{{ line.text }}</span>
            @if (explained(line) && line.comparison) {
              <span class="comparison">{{ line.comparison }} {{ line.matched ? '✓' : '✗' }}</span>
            }
          </span>
        </span>
        @if (line.children.length) {
          <ul>
            @for (child of line.children; track $index) {
              <ng-container [ngTemplateOutlet]="node" [ngTemplateOutletContext]="{ $implicit: child }" />
            }
          </ul>
        }
      </li>
    </ng-template>
    <ul class="root">
      <ng-container [ngTemplateOutlet]="node" [ngTemplateOutletContext]="{ $implicit: root() }" />
    </ul>
  `,
  styles: `
    :host {
      display: block;
    }
    ul {
      list-style: none;
      margin: 0;
      padding-left: 20px;
      border-left: 2px solid var(--mat-sys-outline-variant);
    }
    ul.root {
      padding-left: 0;
      border-left: none;
    }
    li {
      margin: 4px 0;
    }
    .line {
      display: flex;
      align-items: flex-start;
      gap: 6px;
    }
    .body {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 2px 8px;
      min-width: 0;
    }
    .group > .line .text {
      font-weight: 500;
    }
    .mark {
      flex: none;
      width: 18px;
      height: 18px;
    }
    [data-matched='true'] > .line .mark {
      color: #2e7d32;
    }
    [data-matched='false'] > .line .mark {
      color: var(--mat-sys-error);
    }
    .comparison {
      padding: 0 6px;
      border-radius: 6px;
      background: var(--mat-sys-surface-container-high);
      font: var(--mat-sys-body-small);
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RulesOutline {
  readonly root = input.required<RuleLine | ExplainedLine>();
  protected readonly explained = isExplained;
}

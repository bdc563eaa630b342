import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { customerName } from '../../../customers/models/format';
import type { SegmentRules } from '../../builder/rule-types';
import { explainRules, RuleNames } from '../../models/rules-summary';
import type { SegmentExplanation } from '../../models/segment-api';
import { RulesOutline } from '../rules-outline/rules-outline';

/** Why one customer is (or is not) in the segment: the rule tree with each condition met ✓ or missed ✗ and the values compared. */
@Component({
  selector: 'app-explain-panel',
  imports: [DatePipe, RouterLink, MatButtonModule, MatIconModule, RulesOutline],
  template: `
    <div class="head">
      <h3 id="explain-title">
        <a [routerLink]="['/customers', explanation().customer.id]">{{ name() }}</a>
        {{ explanation().matched ? 'meets' : 'does not meet' }} the rules
      </h3>
      <button mat-icon-button type="button" aria-label="Close the explanation" (click)="closed.emit()">
        <mat-icon svgIcon="close" />
      </button>
    </div>
    <p class="muted">
      Evaluated {{ explanation().asOf | date: 'medium' }}.
      @if (explanation().inMembership !== explanation().matched) {
        <span data-testid="membership-differs">
          The member list is as of the last refresh, where they are
          {{ explanation().inMembership ? 'still a member' : 'not a member yet' }}; the next refresh
          {{ explanation().inMembership ? 'removes' : 'adds' }} them.
        </span>
      } @else {
        They are {{ explanation().inMembership ? 'a member' : 'not a member' }} of the segment.
      }
    </p>
    <app-rules-outline [root]="tree()" aria-labelledby="explain-title" />
  `,
  styles: `
    :host {
      display: block;
    }
    .head {
      display: flex;
      align-items: flex-start;
      justify-content: space-between;
      gap: 8px;
    }
    h3 {
      margin: 8px 0 0;
      font: var(--mat-sys-title-small);
    }
    p {
      margin: 4px 0 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExplainPanel {
  readonly explanation = input.required<SegmentExplanation>();
  readonly rules = input.required<SegmentRules>();
  readonly names = input.required<RuleNames>();
  readonly closed = output<void>();

  protected readonly name = computed(() => customerName({ externalId: null, ...this.explanation().customer, erasedAt: null }));
  protected readonly tree = computed(() => explainRules(this.rules(), this.explanation().tree, this.names()));
}

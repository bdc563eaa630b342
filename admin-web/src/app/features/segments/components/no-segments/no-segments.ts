import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { hasPermission } from '../../../../core/auth/has-permission';
import { EmptyState } from '../../../../shared/empty-state/empty-state';

/** The segment list of a workspace without segments: what they are for and how to make the first one. */
@Component({
  selector: 'app-no-segments',
  imports: [EmptyState, MatButtonModule, MatIconModule, RouterLink],
  template: `
    <app-empty-state icon="donut_small" heading="No segments yet" [message]="message()">
      @if (canWrite()) {
        <div class="actions">
          <a mat-flat-button routerLink="/segments/playbooks" data-testid="start-from-playbook">
            <mat-icon svgIcon="auto_awesome" />
            Start from a playbook
          </a>
          <a mat-stroked-button routerLink="/segments/new">
            <mat-icon svgIcon="add" />
            Build a segment
          </a>
        </div>
      }
    </app-empty-state>
  `,
  styles: `
    .actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NoSegments {
  protected readonly canWrite = hasPermission('segments:write');
  protected readonly message = computed(() =>
    this.canWrite()
      ? 'A segment is a group of customers defined by rules (spent over 500 in the last 90 days, opened an email…), kept up to date. Start from a ready-made playbook such as Champions or At risk, or build your own.'
      : 'A segment is a group of customers defined by rules and kept up to date. Nobody has created one in this workspace yet; someone with the segments:write permission can.',
  );
}

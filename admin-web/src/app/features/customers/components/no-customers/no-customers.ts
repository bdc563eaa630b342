import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { Can } from '../../../../core/auth/has-permission';
import { EmptyState } from '../../../../shared/empty-state/empty-state';

/** The customer list of a workspace without customers: the ways to get some. */
@Component({
  selector: 'app-no-customers',
  imports: [EmptyState, MatButtonModule, MatIconModule, RouterLink, Can],
  template: `
    <app-empty-state
      icon="contacts"
      heading="No customers yet"
      message="Import a CSV or Excel file, or push customers, orders and events from your systems through the bulk API (POST /api/ingest/customers with an API key). Traits such as RFM tier and churn risk are computed as orders arrive."
    >
      <div class="actions">
        <a
          *appCan="'customers:import'"
          mat-flat-button
          routerLink="/customers/import"
        >
          <mat-icon svgIcon="upload" />
          Import a file
        </a>
        <a mat-stroked-button href="/api/docs#/ingest" target="_blank" rel="noopener">
          <mat-icon svgIcon="open_in_new" />
          Bulk API reference
        </a>
      </div>
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
export class NoCustomers {}

import { DatePipe, DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { CustomerListMemory } from '../../data/list-memory';
import { NgxEchartsDirective } from 'ngx-echarts';
import { hasPermission } from '../../../../core/auth/has-permission';
import { NotificationService } from '../../../../core/errors/notification.service';
import { problemMessage } from '../../../../core/errors/problem';
import { confirmThen } from '../../../../shared/confirm-dialog/confirm-dialog';
import { downloadBlob } from '../../../../shared/data/download';
import { PageHeader } from '../../../../shared/page-header/page-header';
import {
  hasOrders,
  monthlySpendOptions,
} from '../../charts/monthly-spend.options';
import { CustomerTimeline } from '../../components/customer-timeline/customer-timeline';
import {
  EditCustomerDialog,
  EditCustomerDialogData,
} from '../../components/edit-customer-dialog/edit-customer-dialog';
import { ProfilePanel } from '../../components/profile-panel/profile-panel';
import { TraitsPanel } from '../../components/traits-panel/traits-panel';
import { CustomerStore, SPEND_MONTHS } from '../../data/customer.store';
import { customerName } from '../../models/format';

/** What erasure removes and keeps (the API's CustomerGdprService), said before the user confirms. */
export const ERASE_MESSAGE =
  'Removed: name, email, phone, external id, city, locale, time zone, tags, custom attributes, consent, ' +
  'and the properties of their events. Kept: orders with their line items, the country and the computed ' +
  'traits, so revenue and RFM stay right. This cannot be undone; the audit log records who erased whom.';

export const DELETE_MESSAGE =
  'The customer and their orders, line items, events and traits are removed for good, and revenue ' +
  'figures will no longer count their orders. To answer a GDPR erasure request while keeping the ' +
  'aggregates, use Erase personal data instead.';

/** `/customers/:id`: the customer 360 view — profile, traits, consent, spend, timeline, and actions. */
@Component({
  selector: 'app-customer-360-page',
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    NgxEchartsDirective,
    PageHeader,
    ProfilePanel,
    TraitsPanel,
    CustomerTimeline,
  ],
  templateUrl: './customer-360.html',
  styleUrl: './customer-360.scss',
  providers: [CustomerStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Customer360Page {
  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly store = inject(CustomerStore);
  /** The list's last search and filters, for the way back. */
  protected readonly listParams = inject(CustomerListMemory).params;
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(NotificationService);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);

  protected readonly canWrite = hasPermission('customers:write');
  protected readonly canExport = hasPermission('customers:export');
  protected readonly canErase = hasPermission('customers:erase');
  protected readonly problemMessage = problemMessage;
  protected readonly spendMonths = SPEND_MONTHS;

  protected readonly name = computed(() => {
    const c = this.store.customer();
    return c ? customerName(c) : 'Customer';
  });
  protected readonly spendChart = computed(() => {
    const months = this.store.spend();
    return months && hasOrders(months)
      ? monthlySpendOptions(months, 'Spend')
      : null;
  });
  protected readonly busy = signal(false);

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.store.open(id));
    });
  }

  protected edit(): void {
    const customer = this.store.customer();
    if (!customer) return;
    const data: EditCustomerDialogData = {
      customer,
      submit: (body) => this.store.update(body),
    };
    this.dialog
      .open<EditCustomerDialog, EditCustomerDialogData, boolean>(
        EditCustomerDialog,
        { data, width: '640px', maxWidth: '95vw' },
      )
      .afterClosed()
      .subscribe((saved) => {
        if (saved) this.notify.success(`${this.name()} is updated.`);
      });
  }

  protected downloadPersonalData(): void {
    this.busy.set(true);
    this.store.exportPersonalData().subscribe({
      next: (blob) => {
        this.busy.set(false);
        downloadBlob(this.document, blob, `customer-${this.id()}.json`);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.notify.error(err, 'Could not export the personal data.');
      },
    });
  }

  protected erase(): void {
    const name = this.name();
    confirmThen(
      this.dialog,
      {
        title: `Erase the personal data of ${name}?`,
        message: ERASE_MESSAGE,
        confirmLabel: 'Erase personal data',
        destructive: true,
      },
      () => this.store.erase(),
    ).subscribe({
      next: (result) =>
        this.notify.success(
          `Personal data of ${name} erased: ${result.erasedFields.length} fields blanked, ` +
            `${result.eventsScrubbed} events scrubbed, ${result.ordersKept} orders kept.`,
        ),
      error: (err: unknown) =>
        this.notify.error(err, 'Could not erase the customer.'),
    });
  }

  protected delete(): void {
    const name = this.name();
    confirmThen(
      this.dialog,
      {
        title: `Delete ${name}?`,
        message: DELETE_MESSAGE,
        confirmLabel: 'Delete customer',
        destructive: true,
      },
      () => this.store.delete(),
    ).subscribe({
      next: () => {
        this.notify.success(`${name} is deleted.`);
        void this.router.navigateByUrl('/customers');
      },
      error: (err: unknown) =>
        this.notify.error(err, 'Could not delete the customer.'),
    });
  }
}

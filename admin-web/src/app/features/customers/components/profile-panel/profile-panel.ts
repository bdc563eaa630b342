import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import type { CustomerDetail } from '../../models/customer-api';
import { customerLocation } from '../../models/format';
import { attributeRows, consentRows } from '../../models/profile';
import { ToneChip } from '../tone-chip/tone-chip';

/** The customer's profile: contact details, consent per channel and custom attributes. */
@Component({
  selector: 'app-profile-panel',
  imports: [DatePipe, ToneChip],
  templateUrl: './profile-panel.html',
  styleUrl: './profile-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfilePanel {
  readonly customer = input.required<CustomerDetail>();

  protected readonly location = computed(() =>
    customerLocation(this.customer()),
  );
  protected readonly consent = computed(() =>
    consentRows(this.customer().consent),
  );
  protected readonly attributes = computed(() =>
    attributeRows(this.customer().attributes),
  );
}

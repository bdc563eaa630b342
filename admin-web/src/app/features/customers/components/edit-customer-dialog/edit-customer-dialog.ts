import { COMMA, ENTER } from '@angular/cdk/keycodes';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatChipInputEvent, MatChipsModule } from '@angular/material/chips';
import {
  MAT_DIALOG_DATA,
  MatDialogModule,
  MatDialogRef,
} from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Observable } from 'rxjs';
import { controlErrorMessage } from '../../../../core/errors/problem';
import { DialogActions } from '../../../../shared/dialog-actions/dialog-actions';
import { FormSubmission } from '../../../../shared/forms/form-submission';
import type {
  CustomerDetail,
  UpdateCustomerRequest,
} from '../../models/customer-api';
import {
  customerEditForm,
  timeZones,
  toUpdateRequest,
} from '../../models/customer-form';
import { customerName } from '../../models/format';
import {
  CHANNEL_LABELS,
  CONSENT_CHANNELS,
  CONSENT_STATUSES,
} from '../../models/traits';

export interface EditCustomerDialogData {
  customer: CustomerDetail;
  submit: (body: UpdateCustomerRequest) => Observable<unknown>;
}

const ZONES = timeZones();

/** Edit a customer's name, contact details, location, tags and consent. */
@Component({
  selector: 'app-edit-customer-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatChipsModule,
    MatAutocompleteModule,
    MatIconModule,
    DialogActions,
  ],
  templateUrl: './edit-customer-dialog.html',
  styleUrl: './edit-customer-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EditCustomerDialog {
  protected readonly data = inject<EditCustomerDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<EditCustomerDialog, boolean>);

  protected readonly form = customerEditForm(
    inject(NonNullableFormBuilder),
    this.data.customer,
  );
  protected readonly submission = new FormSubmission(
    this.form,
    'Could not save the customer.',
  );
  protected readonly errorText = controlErrorMessage;
  protected readonly name = customerName(this.data.customer);
  protected readonly separators = [ENTER, COMMA] as const;
  protected readonly statuses = CONSENT_STATUSES;
  protected readonly channels = CONSENT_CHANNELS.map((channel) => ({
    channel,
    label: CHANNEL_LABELS[channel],
    control: (
      { email: 'consentEmail', sms: 'consentSms', push: 'consentPush' } as const
    )[channel],
  }));

  private readonly zoneTyped = toSignal(
    this.form.controls.timezone.valueChanges,
    { initialValue: this.form.controls.timezone.value },
  );
  /** Up to 50 zones containing what was typed (the API accepts any IANA zone). */
  protected readonly zones = computed(() => {
    const typed = this.zoneTyped().trim().toLowerCase();
    return ZONES.filter((z) => z.toLowerCase().includes(typed)).slice(0, 50);
  });

  protected addTag(event: MatChipInputEvent): void {
    const tag = event.value.trim();
    const tags = this.form.controls.tags;
    if (tag && !tags.value.includes(tag)) tags.setValue([...tags.value, tag]);
    event.chipInput.clear();
  }

  protected removeTag(tag: string): void {
    const tags = this.form.controls.tags;
    tags.setValue(tags.value.filter((t) => t !== tag));
  }

  protected submit(): void {
    const body = toUpdateRequest(this.form.getRawValue(), this.data.customer);
    if (!Object.keys(body).length) {
      this.ref.close(false);
      return;
    }
    this.submission.submit(() => this.data.submit(body), {
      leaves: true,
      done: () => this.ref.close(true),
    });
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  inject,
  signal,
} from '@angular/core';
import {
  FormControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import {
  MAT_DIALOG_DATA,
  MatDialogModule,
  MatDialogRef,
} from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { Observable } from 'rxjs';
import type {
  CreatedApiKey,
  PermissionInfo,
} from '../../../../core/api/models';
import { controlErrorMessage } from '../../../../core/errors/problem';
import { CopyButton } from '../../../../shared/copy-button/copy-button';
import { PermissionPicker } from '../../../../shared/permission-picker/permission-picker';
import { DialogActions } from '../../../../shared/dialog-actions/dialog-actions';
import { FormSubmission } from '../../../../shared/forms/form-submission';
import { minSelected } from '../../../../shared/forms/validators';
import { NewApiKey } from '../../data/api-keys.store';
import { ApiKeyForm, endOfDay } from '../../models/api-key-form';

export interface CreateApiKeyDialogData {
  permissions: readonly PermissionInfo[];
  submit: (value: NewApiKey) => Observable<CreatedApiKey>;
}

/** Issue an API key; the secret is shown here once and never again. */
@Component({
  selector: 'app-create-api-key-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatDatepickerModule,
    MatIconModule,
    PermissionPicker,
    CopyButton,
    DialogActions,
  ],
  templateUrl: './create-api-key-dialog.html',
  styleUrl: './create-api-key-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreateApiKeyDialog {
  protected readonly data = inject<CreateApiKeyDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<CreateApiKeyDialog, boolean>);

  protected readonly tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
  protected readonly form: ApiKeyForm = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
    permissions: [[] as string[], minSelected(1)],
    expiresAt: new FormControl<Date | null>(null),
  });
  protected readonly submission = new FormSubmission(
    this.form,
    'Could not create the key.',
  );
  protected readonly created = signal<CreatedApiKey | null>(null);
  protected readonly errorText = controlErrorMessage;

  protected submit(): void {
    const value = this.form.getRawValue();
    this.submission.submit(
      () =>
        this.data.submit({
          name: value.name.trim(),
          permissions: value.permissions,
          expiresAt: value.expiresAt ? endOfDay(value.expiresAt) : null,
        }),
      {
        done: (created) => {
          this.created.set(created);
          // The secret must not vanish on a stray click outside the dialog.
          this.ref.disableClose = true;
        },
      },
    );
  }

  protected close(): void {
    this.ref.close(this.created() !== null);
  }
}

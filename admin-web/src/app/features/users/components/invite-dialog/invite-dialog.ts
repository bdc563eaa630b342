import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import {
  MAT_DIALOG_DATA,
  MatDialogModule,
  MatDialogRef,
} from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Observable } from 'rxjs';
import type { Role } from '../../../../core/api/models';
import { controlErrorMessage } from '../../../../core/errors/problem';
import { DialogActions } from '../../../../shared/dialog-actions/dialog-actions';
import { FormSubmission } from '../../../../shared/forms/form-submission';
import { InviteForm } from '../../models/role-form';

export interface InviteDialogData {
  roles: readonly Role[];
  submit: (value: { email: string; roleId: string }) => Observable<unknown>;
}

/** Invite a member by email with a role; the API emails a one-time link. */
@Component({
  selector: 'app-invite-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    DialogActions,
  ],
  templateUrl: './invite-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InviteDialog {
  protected readonly data = inject<InviteDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<InviteDialog, boolean>);

  private readonly defaultRole =
    this.data.roles.find((r) => r.key === 'viewer') ??
    this.data.roles.find((r) => r.key !== 'owner');

  protected readonly form: InviteForm = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    roleId: [this.defaultRole?.id ?? '', Validators.required],
  });
  protected readonly submission = new FormSubmission(
    this.form,
    'Could not send the invitation.',
  );
  protected readonly errorText = controlErrorMessage;

  protected submit(): void {
    const { email, roleId } = this.form.getRawValue();
    this.submission.submit(
      () => this.data.submit({ email: email.trim(), roleId }),
      { leaves: true, done: () => this.ref.close(true) },
    );
  }
}

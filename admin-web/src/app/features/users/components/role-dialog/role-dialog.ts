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
import { Observable } from 'rxjs';
import type { PermissionInfo, Role } from '../../../../core/api/models';
import { controlErrorMessage } from '../../../../core/errors/problem';
import { DialogActions } from '../../../../shared/dialog-actions/dialog-actions';
import { FormSubmission } from '../../../../shared/forms/form-submission';
import { PermissionPicker } from '../../../../shared/permission-picker/permission-picker';
import { RoleInput } from '../../data/roles.store';
import { minSelected, RoleForm } from '../../models/role-form';

export interface RoleDialogData {
  /** Absent: create a new role. */
  role?: Role;
  permissions: readonly PermissionInfo[];
  submit: (value: RoleInput) => Observable<unknown>;
}

/** Create or edit a custom role by picking permissions grouped by module. */
@Component({
  selector: 'app-role-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    PermissionPicker,
    DialogActions,
  ],
  templateUrl: './role-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RoleDialog {
  protected readonly data = inject<RoleDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<RoleDialog, boolean>);

  protected readonly form: RoleForm = inject(NonNullableFormBuilder).group({
    name: [
      this.data.role?.name ?? '',
      [Validators.required, Validators.maxLength(100)],
    ],
    description: [this.data.role?.description ?? '', Validators.maxLength(500)],
    permissions: [[...(this.data.role?.permissions ?? [])], minSelected(1)],
  });
  protected readonly submission = new FormSubmission(
    this.form,
    'Could not save the role.',
  );
  protected readonly errorText = controlErrorMessage;

  protected submit(): void {
    const value = this.form.getRawValue();
    this.submission.submit(
      () =>
        this.data.submit({
          ...value,
          name: value.name.trim(),
          description: value.description.trim(),
        }),
      { leaves: true, done: () => this.ref.close(true) },
    );
  }
}

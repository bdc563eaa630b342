import {
  AbstractControl,
  FormControl,
  FormGroup,
  ValidationErrors,
} from '@angular/forms';

export type NameForm = FormGroup<{ name: FormControl<string> }>;

export type ChangePasswordForm = FormGroup<{
  currentPassword: FormControl<string>;
  newPassword: FormControl<string>;
  confirm: FormControl<string>;
}>;

export {
  MIN_PASSWORD_LENGTH,
  passwordsMatch,
} from '../../auth/models/password-forms';

/** `sameAsCurrent` on the group when the new password equals the current one. */
export function differentFromCurrent(
  group: AbstractControl,
): ValidationErrors | null {
  const current = group.get('currentPassword')?.value as string | undefined;
  const next = group.get('newPassword')?.value as string | undefined;
  return current && next && current === next ? { sameAsCurrent: true } : null;
}

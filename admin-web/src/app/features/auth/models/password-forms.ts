import {
  AbstractControl,
  FormControl,
  FormGroup,
  ValidationErrors,
  ValidatorFn,
} from '@angular/forms';

/** The API asks for 12 to 128 characters (OpenAPI `minLength`); checked here to answer sooner. */
export const MIN_PASSWORD_LENGTH = 12;

export type NewPasswordForm = FormGroup<{
  password: FormControl<string>;
  confirm: FormControl<string>;
}>;

/** Sets `mismatch` on the `confirm` control when it differs from the `password` control. */
export function passwordsMatch(
  passwordName = 'password',
  confirmName = 'confirm',
): ValidatorFn {
  return (group: AbstractControl): ValidationErrors | null => {
    const password = group.get(passwordName);
    const confirm = group.get(confirmName);
    if (!password || !confirm) return null;
    const mismatch = confirm.value !== '' && password.value !== confirm.value;
    const others = { ...(confirm.errors ?? {}) };
    delete others['mismatch'];
    confirm.setErrors(
      mismatch
        ? { ...others, mismatch: true }
        : Object.keys(others).length
          ? others
          : null,
    );
    return null;
  };
}

import { ValidatorFn } from '@angular/forms';

/** At least `min` entries in an array control (`minSelected` error). */
export function minSelected(min: number): ValidatorFn {
  return (control) => {
    const value = control.value as unknown[] | null;
    return (value?.length ?? 0) >= min ? null : { minSelected: { min } };
  };
}

import { FormControl, FormGroup } from '@angular/forms';

export type ApiKeyForm = FormGroup<{
  name: FormControl<string>;
  permissions: FormControl<string[]>;
  expiresAt: FormControl<Date | null>;
}>;

/** The end of the chosen day, local time: a key "expiring on the 3rd" works all of the 3rd. */
export function endOfDay(date: Date): Date {
  const end = new Date(date);
  end.setHours(23, 59, 59, 999);
  return end;
}

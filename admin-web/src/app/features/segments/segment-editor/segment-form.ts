import { FormControl, FormGroup, NonNullableFormBuilder, Validators } from '@angular/forms';

/** A segment's name and description (the API's limits); the rules are edited by the builder. */
export type SegmentForm = FormGroup<{
  name: FormControl<string>;
  description: FormControl<string>;
}>;

export const NAME_MAX = 120;
export const DESCRIPTION_MAX = 1000;

export function segmentForm(fb: NonNullableFormBuilder): SegmentForm {
  return fb.group({
    name: ['', [Validators.required, Validators.maxLength(NAME_MAX)]],
    description: ['', Validators.maxLength(DESCRIPTION_MAX)],
  });
}

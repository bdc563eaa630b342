import {
  FormArray,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ValidatorFn,
  Validators,
} from '@angular/forms';
import type { Problem } from '../../../core/errors/problem';
import {
  AttributeType,
  hasProblems,
  mappingProblems,
  MappingRow,
  TargetChoice,
} from './import-mapping';

export type MappingRowForm = FormGroup<{
  column: FormControl<string>;
  choice: FormControl<TargetChoice>;
  attributeName: FormControl<string>;
  attributeType: FormControl<AttributeType>;
}>;

export type MappingForm = FormGroup<{
  rows: FormArray<MappingRowForm>;
  /** Also save the mapping under this name (optional). */
  saveMappingAs: FormControl<string>;
}>;

/** The longest mapping name the API stores. */
export const MAPPING_NAME_MAX = 120;

/** Invalid (`mapping` error) while the rows break a rule of {@link mappingProblems}. */
const rowsValidator: ValidatorFn = (control) =>
  hasProblems(
    mappingProblems((control as FormArray<MappingRowForm>).getRawValue()),
  )
    ? { mapping: true }
    : null;

export function mappingRowForm(
  fb: NonNullableFormBuilder,
  row: MappingRow,
): MappingRowForm {
  return fb.group({
    column: [row.column],
    choice: [row.choice],
    attributeName: [row.attributeName],
    attributeType: [row.attributeType],
  });
}

export function mappingForm(
  fb: NonNullableFormBuilder,
  rows: readonly MappingRow[],
): MappingForm {
  return fb.group({
    rows: fb.array(
      rows.map((row) => mappingRowForm(fb, row)),
      rowsValidator,
    ),
    saveMappingAs: ['', Validators.maxLength(MAPPING_NAME_MAX)],
  });
}

/** Puts rows in the form: first the file's, later a saved mapping's (same columns, new targets). */
export function setRows(
  fb: NonNullableFormBuilder,
  form: MappingForm,
  rows: readonly MappingRow[],
): void {
  const array = form.controls.rows;
  if (array.length === rows.length) {
    array.setValue([...rows]);
  } else {
    array.clear({ emitEvent: false });
    rows.forEach((row) =>
      array.push(mappingRowForm(fb, row), { emitEvent: false }),
    );
    array.updateValueAndValidity();
  }
  array.markAsDirty();
}

/**
 * Puts the API's complaints about single columns (`mapping.columns.<header>`) on those rows' target
 * selects, and returns the problem without them (for the usual field and banner handling).
 */
export function placeColumnProblems(
  form: MappingForm,
  problem: Problem,
): Problem {
  const prefix = 'mapping.columns.';
  const rows = form.controls.rows.controls;
  const rest = problem.errors.filter((error) => {
    if (!error.field.startsWith(prefix)) return true;
    const column = error.field.slice(prefix.length);
    const row = rows.find((r) => r.controls.column.value === column);
    if (!row) return true;
    const choice = row.controls.choice;
    choice.setErrors({ ...(choice.errors ?? {}), server: error.message });
    choice.markAsTouched();
    return false;
  });
  return { ...problem, errors: rest };
}

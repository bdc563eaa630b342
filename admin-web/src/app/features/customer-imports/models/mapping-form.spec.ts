import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import type { Problem } from '../../../core/errors/problem';
import { rowFor } from './import-mapping';
import { mappingForm, placeColumnProblems, setRows } from './mapping-form';

function aProblem(errors: Problem['errors']): Problem {
  return {
    type: 'about:blank',
    title: 'Unprocessable Entity',
    status: 422,
    detail: 'invalid',
    errors,
    requestId: null,
  };
}

describe('mapping form', () => {
  const fb = () => TestBed.inject(NonNullableFormBuilder);

  it('is invalid while the mapping breaks a rule, and valid once fixed', () => {
    const form = mappingForm(fb(), [
      rowFor('Name', 'firstName'),
      rowFor('Mail', null),
    ]);
    expect(form.invalid).toBe(true);
    expect(form.controls.rows.errors).toEqual({ mapping: true });

    form.controls.rows.at(1).controls.choice.setValue('email');
    expect(form.valid).toBe(true);
  });

  it('replaces the targets of the same rows when a saved mapping is applied', () => {
    const form = mappingForm(fb(), [
      rowFor('Id', 'externalId'),
      rowFor('Mail', 'email'),
    ]);
    const first = form.controls.rows.at(0);
    setRows(fb(), form, [rowFor('Id', null), rowFor('Mail', 'email')]);
    expect(form.controls.rows.at(0)).toBe(first);
    expect(form.getRawValue().rows.map((r) => r.choice)).toEqual([
      'skip',
      'email',
    ]);
    expect(form.dirty).toBe(true);
  });

  it('puts column complaints on their rows and returns the others', () => {
    const form = mappingForm(fb(), [
      rowFor('E-Mail', 'email'),
      rowFor('Points', null),
    ]);
    const rest = placeColumnProblems(
      form,
      aProblem([
        { field: 'mapping.columns.Points', message: 'No such target' },
        {
          field: 'mapping.columns.Gone',
          message: 'The file has no column "Gone"',
        },
        { field: 'saveMappingAs', message: 'Too long' },
      ]),
    );
    expect(form.controls.rows.at(1).controls.choice.errors).toEqual({
      server: 'No such target',
    });
    expect(form.controls.rows.at(0).controls.choice.errors).toBeNull();
    expect(rest.errors.map((e) => e.field)).toEqual([
      'mapping.columns.Gone',
      'saveMappingAs',
    ]);
  });
});

import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup } from '@angular/forms';
import { applyProblemToForm, problemMessage, toProblem } from './problem';

const httpError = (status: number, error: unknown) =>
  new HttpErrorResponse({ status, error, url: '/api/x' });

describe('problem+json helpers', () => {
  it('reads type, detail, field errors and request id', () => {
    const p = toProblem(
      httpError(400, {
        type: 'https://lodestar.dev/problems/validation',
        title: 'Bad Request',
        status: 400,
        detail: 'Some fields are invalid',
        requestId: 'req-9',
        errors: [{ field: 'email', message: 'email must be an email' }],
      }),
    );
    expect(p).toMatchObject({
      type: 'https://lodestar.dev/problems/validation',
      status: 400,
      detail: 'Some fields are invalid',
      requestId: 'req-9',
      errors: [{ field: 'email', message: 'email must be an email' }],
    });
  });

  it('parses a problem delivered as text (CSV endpoints)', () => {
    const p = toProblem(
      httpError(
        403,
        JSON.stringify({
          title: 'Forbidden',
          status: 403,
          detail: 'Needs audit:export',
        }),
      ),
    );
    expect(problemMessage(p)).toBe('Needs audit:export');
  });

  it('says the server is unreachable on status 0', () => {
    expect(problemMessage(toProblem(httpError(0, null)))).toMatch(
      /could not be reached/,
    );
  });

  it('puts field errors on their controls and returns what is left', () => {
    const form = new FormGroup({
      email: new FormControl(''),
      name: new FormControl(''),
    });
    const rest = applyProblemToForm(
      form,
      toProblem(
        httpError(400, {
          status: 400,
          title: 'Bad Request',
          errors: [{ field: 'body.email', message: 'Taken' }],
        }),
      ),
    );
    expect(form.controls.email.getError('server')).toBe('Taken');
    expect(form.controls.name.errors).toBeNull();
    expect(rest).toBeNull();

    const other = applyProblemToForm(
      form,
      toProblem(
        httpError(409, {
          status: 409,
          title: 'Conflict',
          detail: 'Already a member',
        }),
      ),
    );
    expect(other).toBe('Already a member');
  });
});

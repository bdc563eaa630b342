import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { Subject } from 'rxjs';
import { Problem } from '../../core/errors/problem';
import { FormSubmission } from './form-submission';

function setup(email = 'me@example.com') {
  const form = new FormGroup({
    email: new FormControl(email, {
      nonNullable: true,
      validators: [Validators.required, Validators.email],
    }),
  });
  const submission = new FormSubmission(form, 'Could not send.');
  const answer = new Subject<string>();
  const request = jest.fn(() => answer);
  return { form, submission, answer, request };
}

function problem(status: number, body: object): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: body });
}

describe('FormSubmission', () => {
  it('does not send an invalid form, and shows every field error instead', () => {
    const { form, submission, request } = setup('not-an-email');
    submission.submit(request);
    expect(request).not.toHaveBeenCalled();
    expect(form.controls.email.touched).toBe(true);
    expect(submission.pending()).toBe(false);
  });

  it('is pending while the request runs, and does not send twice', () => {
    const { submission, answer, request } = setup();
    const done = jest.fn();
    submission.submit(request, { done });
    submission.submit(request, { done });
    expect(request).toHaveBeenCalledTimes(1);
    expect(submission.pending()).toBe(true);

    answer.next('ok');
    expect(submission.pending()).toBe(false);
    expect(done).toHaveBeenCalledWith('ok');
  });

  it('stays pending after a success that leaves the form', () => {
    const { submission, answer, request } = setup();
    submission.submit(request, { leaves: true });
    answer.next('ok');
    expect(submission.pending()).toBe(true);
  });

  it('puts field errors on their controls and the rest, or the fallback, in the banner', () => {
    const { form, submission, answer, request } = setup();
    submission.submit(request);
    answer.error(
      problem(400, {
        errors: [{ field: 'body.email', message: 'Already a member' }],
      }),
    );
    expect(form.controls.email.errors).toEqual({ server: 'Already a member' });
    expect(submission.error()).toBeNull();
    expect(submission.pending()).toBe(false);

    const next = new Subject<string>();
    form.controls.email.setValue('you@example.com');
    submission.submit(() => next);
    next.error(problem(500, {}));
    expect(submission.error()).toBe('Could not send. (server error 500)');
  });

  it('lets a page word a failure itself, and clears the banner on the next try', () => {
    const { submission, request, answer } = setup();
    const failed = (p: Problem, usual: () => string | null) =>
      p.status === 401 ? 'Wrong password' : usual();
    submission.submit(request, { failed });
    answer.error(problem(401, { detail: 'Unauthorized' }));
    expect(submission.error()).toBe('Wrong password');

    const next = new Subject<string>();
    submission.submit(() => next, { failed });
    expect(submission.error()).toBeNull();
    next.error(problem(409, { detail: 'Taken' }));
    expect(submission.error()).toBe('Taken');
  });
});

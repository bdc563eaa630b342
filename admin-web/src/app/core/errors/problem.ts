import { HttpErrorResponse } from '@angular/common/http';
import { AbstractControl, FormGroup } from '@angular/forms';

export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem as the API sends it, normalised. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string | null;
  errors: FieldError[];
  requestId: string | null;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  if (typeof value === 'string') {
    try {
      return asRecord(JSON.parse(value));
    } catch {
      return null;
    }
  }
  return value && typeof value === 'object'
    ? (value as Record<string, unknown>)
    : null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** Reads a problem+json body out of whatever an HTTP call failed with. */
export function toProblem(err: unknown): Problem {
  if (err instanceof HttpErrorResponse) {
    const body = asRecord(err.error);
    const errors = Array.isArray(body?.['errors'])
      ? (body['errors'] as unknown[])
          .map(asRecord)
          .filter((e): e is Record<string, unknown> => e !== null)
          .map((e) => ({
            field: str(e['field']) ?? '',
            message: str(e['message']) ?? 'Invalid value',
          }))
      : [];
    if (err.status === 0) {
      return {
        type: 'about:blank',
        title: 'Network error',
        status: 0,
        detail:
          'The server could not be reached. Check your connection and try again.',
        errors: [],
        requestId: null,
      };
    }
    return {
      type: str(body?.['type']) ?? 'about:blank',
      title: str(body?.['title']) ?? err.statusText ?? 'Error',
      status: err.status,
      detail: str(body?.['detail']),
      errors,
      requestId: str(body?.['requestId']),
    };
  }
  return {
    type: 'about:blank',
    title: 'Error',
    status: 0,
    detail: err instanceof Error ? err.message : null,
    errors: [],
    requestId: null,
  };
}

/** One sentence for a snackbar or a form banner. */
export function problemMessage(
  problem: Problem,
  fallback = 'Something went wrong.',
): string {
  if (problem.detail) return problem.detail;
  if (problem.errors.length)
    return problem.errors.map((e) => e.message).join(' ');
  if (problem.status >= 500)
    return `${fallback} (server error ${problem.status})`;
  return problem.title && problem.title !== 'Error' ? problem.title : fallback;
}

/** `body.email`, `email`, `permissions[0]`, `permissions.0` → candidate control names. */
function controlFor(form: FormGroup, field: string): AbstractControl | null {
  const parts = field.split(/[.[\]]+/).filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    const control = form.get(parts.slice(i).join('.')) ?? form.get(parts[i]);
    if (control) return control;
  }
  return null;
}

/**
 * Puts each field error on its control as `{ server: message }` (shown by `<mat-error>`), and
 * returns what could not be placed on a field (for a banner or snackbar), or null.
 */
export function applyProblemToForm(
  form: FormGroup,
  problem: Problem,
  fallback?: string,
): string | null {
  const unplaced: string[] = [];
  for (const error of problem.errors) {
    const control = controlFor(form, error.field);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: error.message });
      control.markAsTouched();
    } else {
      unplaced.push(
        error.field ? `${error.field}: ${error.message}` : error.message,
      );
    }
  }
  if (problem.errors.length && !unplaced.length) return null;
  if (problem.detail) return problem.detail;
  return unplaced.length
    ? unplaced.join(' ')
    : problemMessage(problem, fallback);
}

/** Text for the first error on a control, for `<mat-error>`. */
export function controlErrorMessage(control: AbstractControl): string {
  const errors = control.errors;
  if (!errors) return '';
  if (typeof errors['server'] === 'string') return errors['server'];
  if (errors['required']) return 'Required';
  if (errors['email']) return 'Enter a valid email address';
  if (errors['minlength']) {
    const { requiredLength } = errors['minlength'] as {
      requiredLength: number;
    };
    return `At least ${requiredLength} characters`;
  }
  if (errors['maxlength']) {
    const { requiredLength } = errors['maxlength'] as {
      requiredLength: number;
    };
    return `At most ${requiredLength} characters`;
  }
  if (errors['mismatch']) return 'The passwords do not match';
  if (errors['minSelected']) return 'Pick at least one';
  if (errors['matDatepickerParse']) return 'Enter a valid date';
  if (errors['matDatepickerMin']) return 'Pick a date in the future';
  return 'Invalid value';
}

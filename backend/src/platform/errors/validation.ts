import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldProblem } from './domain-error';

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Global validation: whitelist, unknown fields rejected, payloads transformed to DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      const fields = [...new Set(problems.map((p) => p.field))].join(', ');
      return new DomainError('validation-failed', 400, `Invalid request: ${fields}`, problems);
    },
  });
}

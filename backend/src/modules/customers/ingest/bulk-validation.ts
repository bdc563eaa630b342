import { ClassConstructor, plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';

export type ItemCheck<T> = { ok: true; value: T } | { ok: false; reason: string; field?: string };

/** The first failed constraint, depth first, with its dot path (`items.0.quantity`). */
function firstProblem(errors: ValidationError[], parent = ''): { field: string; reason: string } | undefined {
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const message = Object.values(error.constraints ?? {})[0];
    if (message) return { field, reason: message };
    const nested = firstProblem(error.children ?? [], field);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * Validates one item of a batch against its DTO class with the same rules as the global pipe (unknown fields
 * refused, no implicit conversion), so each item succeeds or fails on its own.
 */
export function checkItem<T extends object>(type: ClassConstructor<T>, raw: unknown): ItemCheck<T> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: 'item must be a JSON object' };
  const value = plainToInstance(type, raw, { enableImplicitConversion: false });
  const errors = validateSync(value, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true, stopAtFirstError: true });
  const problem = firstProblem(errors);
  return problem ? { ok: false, ...problem } : { ok: true, value };
}

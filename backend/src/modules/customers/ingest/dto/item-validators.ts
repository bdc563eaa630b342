import { applyDecorators } from '@nestjs/common';
import { IsNumber, Matches, Max, Min, registerDecorator, ValidationOptions } from 'class-validator';

/** Largest value of a `numeric(14, 2)` money column. */
export const MAX_MONEY = 999_999_999_999.99;

/** How far in the future a timestamp may be, to allow for clocks that run a little fast. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Timestamps before this are refused (PostgreSQL has no year 0; nothing we ingest is that old). */
const EARLIEST = Date.UTC(1970, 0, 1);

/** ISO 8601 date-time with seconds optional, fraction optional, and a mandatory zone (`Z` or `±hh:mm`). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** PostgreSQL text cannot hold NUL characters; refuse them instead of failing the batch. */
// eslint-disable-next-line no-control-regex -- matching NUL is the point
export const NoNul = () => Matches(/^[^\u0000]*$/, { message: '$property must not contain NUL characters' });

/** A non-negative amount with at most two decimals that fits the money columns. */
export const IsMoney = () =>
  applyDecorators(
    IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }),
    Min(0),
    Max(MAX_MONEY),
  );

/** An ISO 8601 date-time with a time zone, not before 1970 and not in the future (beyond {@link CLOCK_SKEW_MS}). */
export function IsPastTimestamp(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPastTimestamp',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be an ISO 8601 date-time with a time zone, from 1970 up to now', ...options },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string' || !ISO_DATE_TIME.test(value)) return false;
          const time = Date.parse(value);
          return Number.isFinite(time) && time >= EARLIEST && time <= Date.now() + CLOCK_SKEW_MS;
        },
      },
    });
}

/** A JSON object (not an array) whose UTF-8 serialization is at most `maxBytes` and holds no NUL character. */
export function IsJsonObjectWithin(maxBytes: number, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isJsonObjectWithin',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [maxBytes],
      options: { message: `$property must be a JSON object of at most ${maxBytes / 1024} KB without NUL characters`, ...options },
      validator: {
        validate(value: unknown) {
          if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
          const json = JSON.stringify(value);
          return !json.includes('\\u0000') && Buffer.byteLength(json, 'utf8') <= maxBytes;
        },
      },
    });
}

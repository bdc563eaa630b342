/// <reference lib="es2022.intl" />
import { isEmail } from 'class-validator';
import { invalid } from '../../../platform/errors/domain-error';
import { CONSENT_CHANNELS, CONSENT_STATUSES } from '../customers.types';
import type { ChannelConsent, ConsentChannel, ConsentStatus, CustomerConsent } from '../customers.types';

/**
 * Rules for the profile fields of a customer, as pure functions: each returns the stored form of a value
 * or throws a 422 problem naming the field. `undefined` means "not given" and passes through; `null`
 * clears the field.
 */

/** Custom attribute names: letters, digits, `_`, `-` and `.`, starting with a letter, digit or `_`. */
export const ATTRIBUTE_KEY = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$/;
const MAX_ATTRIBUTES = 100;
const MAX_ATTRIBUTE_STRING = 1000;
const MAX_TAGS = 100;
const MAX_TAG = 60;
/** E.164: `+`, country code, subscriber number; at most 15 digits. */
const E164 = /^\+[1-9]\d{6,14}$/;

const TIME_ZONES = new Set(Intl.supportedValuesOf('timeZone'));
const REGIONS = new Intl.DisplayNames(['en'], { type: 'region' });

type Maybe<T> = T | null | undefined;

function text(value: Maybe<string>, field: string, max: number): Maybe<string> {
  if (value === undefined || value === null) return value;
  const trimmed = value.trim();
  if (trimmed.length > max) throw invalid(field, `${field} must be at most ${max} characters`);
  return trimmed === '' ? null : trimmed;
}

export const normalizeName = (value: Maybe<string>, field: string) => text(value, field, 200);
export const normalizeCity = (value: Maybe<string>) => text(value, 'city', 120);
export const normalizeExternalId = (value: Maybe<string>) => text(value, 'externalId', 255);

/** Emails are stored trimmed and lower-case (the dedupe key of upserts and imports). */
export function normalizeEmail(value: Maybe<string>): Maybe<string> {
  const email = text(value, 'email', 320)?.toLowerCase();
  if (email && !isEmail(email)) throw invalid('email', 'email must be an email address');
  return email;
}

/** Phone numbers in E.164; spaces, dots, dashes and parentheses are dropped first (`+1 (415) 555-0100`). */
export function normalizePhone(value: Maybe<string>): Maybe<string> {
  const phone = text(value, 'phone', 40)?.replace(/[\s().-]/g, '');
  if (phone && !E164.test(phone)) throw invalid('phone', 'phone must be an E.164 number such as +14155550100');
  return phone;
}

/** An IANA time zone name (as listed by `Intl.supportedValuesOf('timeZone')`, plus `UTC`), in its canonical case. */
export function normalizeTimezone(value: Maybe<string>): Maybe<string> {
  const zone = text(value, 'timezone', 64);
  if (!zone) return zone;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw invalid('timezone', `timezone "${zone}" is not an IANA time zone`);
  }
  if (resolved !== 'UTC' && !TIME_ZONES.has(resolved)) throw invalid('timezone', `timezone "${zone}" is not an IANA time zone`);
  return resolved;
}

/** A BCP 47 language tag, canonicalized (`en_us` → `en-US`). */
export function normalizeLocale(value: Maybe<string>): Maybe<string> {
  const locale = text(value, 'locale', 35);
  if (!locale) return locale;
  try {
    const [canonical] = Intl.getCanonicalLocales(locale.replace(/_/g, '-'));
    if (canonical.length <= 35) return canonical;
  } catch {
    /* reported below */
  }
  throw invalid('locale', `locale "${locale}" is not a BCP 47 language tag`);
}

/** An ISO 3166-1 alpha-2 region code, upper case (`de` → `DE`). */
export function normalizeCountry(value: Maybe<string>): Maybe<string> {
  const country = text(value, 'country', 2)?.toUpperCase();
  if (!country) return country;
  if (!/^[A-Z]{2}$/.test(country) || country === 'ZZ' || REGIONS.of(country) === country) {
    throw invalid('country', `country "${country}" is not an ISO 3166-1 alpha-2 code`);
  }
  return country;
}

/** Tags: trimmed, without blanks or duplicates, at most 100 of at most 60 characters. */
export function normalizeTags(tags: string[] | undefined): string[] | undefined {
  if (!tags) return tags;
  const kept = [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
  if (kept.length > MAX_TAGS) throw invalid('tags', `at most ${MAX_TAGS} tags`);
  const long = kept.find((t) => t.length > MAX_TAG);
  if (long) throw invalid('tags', `tag "${long.slice(0, 20)}…" is longer than ${MAX_TAG} characters`);
  return kept;
}

/**
 * Custom attributes: a flat object of strings, finite numbers, booleans and lists of strings (dates are
 * ISO strings). With `allowNull` (a PATCH), a null value means "delete this attribute".
 */
export function validateAttributes(attributes: Record<string, unknown>, allowNull: boolean): void {
  const entries = Object.entries(attributes);
  if (entries.length > MAX_ATTRIBUTES) throw invalid('attributes', `at most ${MAX_ATTRIBUTES} attributes`);
  for (const [key, value] of entries) {
    const field = `attributes.${key}`;
    if (!ATTRIBUTE_KEY.test(key)) throw invalid(field, `attribute names use letters, digits, "_", "-" and "." (at most 100)`);
    if (value === null && allowNull) continue;
    const ok =
      (typeof value === 'string' && value.length <= MAX_ATTRIBUTE_STRING) ||
      (typeof value === 'number' && Number.isFinite(value)) ||
      typeof value === 'boolean' ||
      (Array.isArray(value) && value.length <= MAX_TAGS && value.every((v) => typeof v === 'string' && v.length <= MAX_ATTRIBUTE_STRING));
    if (!ok) throw invalid(field, `${field} must be a string, a number, a boolean or a list of strings${allowNull ? ', or null to remove it' : ''}`);
  }
}

/** Attributes after a PATCH: given keys replace stored ones, null removes a key, others stay. */
export function mergeAttributes(stored: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...stored };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

export interface ConsentInput {
  status: ConsentStatus;
  source?: string;
  updatedAt?: Date;
}

/**
 * Consent entries per channel. `source` defaults to where the change came from (`console`, `api`);
 * `updatedAt` to now, and may not lie in the future.
 */
export function normalizeConsent(
  input: Partial<Record<ConsentChannel, ConsentInput>>,
  defaultSource: string,
  now: Date,
): CustomerConsent {
  const consent: CustomerConsent = {};
  for (const channel of CONSENT_CHANNELS) {
    const entry = input[channel];
    if (!entry) continue;
    if (!CONSENT_STATUSES.includes(entry.status)) throw invalid(`consent.${channel}.status`, `status must be one of ${CONSENT_STATUSES.join(', ')}`);
    const at = entry.updatedAt ?? now;
    if (at.getTime() > now.getTime() + 60_000) throw invalid(`consent.${channel}.updatedAt`, 'updatedAt may not be in the future');
    const value: ChannelConsent = { status: entry.status, source: entry.source?.trim() || defaultSource, updatedAt: at.toISOString() };
    consent[channel] = value;
  }
  return consent;
}

/** Profile fields as given by a caller (create or patch). */
export interface ProfileInput {
  externalId?: string | null;
  email?: string | null;
  phone?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  timezone?: string | null;
  locale?: string | null;
  country?: string | null;
  city?: string | null;
  attributes?: Record<string, unknown>;
  consent?: Partial<Record<ConsentChannel, ConsentInput>>;
  tags?: string[];
}

/** The stored form of the given fields only (a missing key means "unchanged"; null means "clear"). */
export interface ProfileChanges {
  externalId?: string | null;
  email?: string | null;
  phone?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  timezone?: string | null;
  locale?: string | null;
  country?: string | null;
  city?: string | null;
  attributes?: Record<string, unknown>;
  consent?: CustomerConsent;
  tags?: string[];
}

/** Validates and normalizes every given field; `patch` allows null attribute values (removals). */
export function normalizeProfile(input: ProfileInput, options: { patch: boolean; source: string; now: Date }): ProfileChanges {
  const changes: ProfileChanges = {
    externalId: normalizeExternalId(input.externalId),
    email: normalizeEmail(input.email),
    phone: normalizePhone(input.phone),
    firstName: normalizeName(input.firstName, 'firstName'),
    lastName: normalizeName(input.lastName, 'lastName'),
    timezone: normalizeTimezone(input.timezone),
    locale: normalizeLocale(input.locale),
    country: normalizeCountry(input.country),
    city: normalizeCity(input.city),
    tags: normalizeTags(input.tags),
  };
  if (input.attributes) {
    validateAttributes(input.attributes, options.patch);
    changes.attributes = input.attributes;
  }
  if (input.consent) changes.consent = normalizeConsent(input.consent, options.source, options.now);
  for (const key of Object.keys(changes) as (keyof ProfileChanges)[]) if (changes[key] === undefined) delete changes[key];
  return changes;
}

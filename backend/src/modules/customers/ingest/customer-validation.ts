import { getCountries, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { CountryCode } from 'libphonenumber-js';
import { CONSENT_CHANNELS, CONSENT_STATUSES } from '../customers.types';
import type { ChannelConsent, ConsentChannel, ConsentStatus } from '../customers.types';

/** A scalar profile field of a customer, and its bit in {@link NormalizedCustomer.given}. */
export const PROFILE_FIELDS = ['externalId', 'email', 'phone', 'firstName', 'lastName', 'timezone', 'locale', 'country', 'city'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export const FIELD_BIT: Record<ProfileField, number> = Object.fromEntries(PROFILE_FIELDS.map((f, i) => [f, 1 << i])) as Record<ProfileField, number>;

export type AttributeValue = string | number | boolean | string[];

/**
 * One valid item in its stored form. `given` has a bit per profile field the item carried (a given `null`
 * clears the field, an absent one leaves it); `unset` lists attributes the item removes (given as `null`).
 */
export interface NormalizedCustomer {
  given: number;
  externalId: string | null;
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  timezone: string | null;
  locale: string | null;
  country: string | null;
  city: string | null;
  attributes: Record<string, AttributeValue> | null;
  unset: string[] | null;
  consent: Partial<Record<ConsentChannel, ChannelConsent>> | null;
  tags: string[] | null;
}

export type ItemValidation = { ok: true; customer: NormalizedCustomer } | { ok: false; reason: string; field?: string };

/** Custom attribute names: a letter, then letters, digits and `_`, at most 64 characters. */
export const ATTRIBUTE_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
export const MAX_ATTRIBUTES = 100;
const MAX_ATTRIBUTE_STRING = 1000;
const MAX_LIST_ITEMS = 100;
export const MAX_TAGS = 100;
const MAX_TAG = 60;
const MAX_SOURCE = 100;
/** Maximum lengths of the text fields (the column sizes). */
const MAX_LENGTH: Record<ProfileField, number> = {
  externalId: 255,
  email: 320,
  phone: 40,
  firstName: 200,
  lastName: 200,
  timezone: 64,
  locale: 35,
  country: 2,
  city: 120,
};
const ITEM_KEYS = new Set<string>([...PROFILE_FIELDS, 'attributes', 'consent', 'tags']);
/** The order fields are read in: country first, as the default region of the phone number. */
const FIELD_ORDER: ProfileField[] = ['country', ...PROFILE_FIELDS.filter((f) => f !== 'country')];
const CONSENT_KEYS = new Set(['status', 'source', 'updatedAt']);

/** The WHATWG "valid e-mail address" grammar (what `<input type=email>` accepts), with a dot required in the domain. */
const EMAIL =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
/** An ISO 8601 date-time with an explicit offset, e.g. `2024-05-01T10:00:00Z` or `…+02:00`. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * ISO 3166-1 alpha-2 codes: the regions libphonenumber knows (which include Kosovo's widely used `XK`),
 * without its two telephone-only regions, plus the assigned codes that have no telephone numbering of their own.
 */
const COUNTRIES = new Set<string>([...getCountries().filter((c) => c !== 'AC' && c !== 'TA'), 'AQ', 'BV', 'GS', 'HM', 'PN', 'TF', 'UM']);

/** `Intl.supportedValuesOf` (ES2022; the backend's type library is older). */
const supportedValuesOf = (Intl as unknown as { supportedValuesOf(key: 'timeZone'): string[] }).supportedValuesOf;
/** IANA zone names by lower-case spelling: `Intl.supportedValuesOf('timeZone')` plus `UTC`. */
const ZONES = new Map<string, string>([...supportedValuesOf('timeZone'), 'UTC'].map((z) => [z.toLowerCase(), z]));
/** Results for spellings outside {@link ZONES} (aliases such as `US/Pacific`), and canonical locales; both repeat a lot in real data. */
const zoneAliases = new Map<string, string | null>();
const locales = new Map<string, string | null>();
const CACHE_LIMIT = 10_000;

class Invalid extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Validates and normalizes one item of a batch (bulk API or import row) without throwing: emails
 * lower-case; phones in E.164 (libphonenumber-js, the item's country as default region); IANA time
 * zones; canonical BCP 47 locales; ISO country codes upper case; flat attributes; consent per channel
 * with `source` defaulting to the batch's source and `updatedAt` to `now`; tags trimmed and deduplicated.
 * Strings are trimmed and an empty string counts as `null`. Each item needs an external id or an email.
 */
export function validateCustomerInput(raw: unknown, source: string, now: string): ItemValidation {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: 'item must be an object' };
  try {
    return { ok: true, customer: normalize(raw as Record<string, unknown>, source, now) };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, reason: error.message, field: error.field };
    throw error;
  }
}

function normalize(item: Record<string, unknown>, source: string, now: string): NormalizedCustomer {
  for (const key of Object.keys(item)) if (!ITEM_KEYS.has(key)) throw new Invalid(key, `${key} is not a customer field`);
  const customer: NormalizedCustomer = {
    given: 0,
    externalId: null,
    email: null,
    phone: null,
    firstName: null,
    lastName: null,
    timezone: null,
    locale: null,
    country: null,
    city: null,
    attributes: null,
    unset: null,
    consent: null,
    tags: null,
  };
  for (const field of FIELD_ORDER) {
    const value = item[field];
    if (value === undefined) continue;
    customer.given |= FIELD_BIT[field];
    customer[field] = value === null ? null : normalizeField(field, value, customer.country);
  }
  if (!customer.externalId && !customer.email) throw new Invalid('externalId', 'externalId or email is required');
  if (item.attributes !== undefined) normalizeAttributes(item.attributes, customer);
  if (item.consent !== undefined) customer.consent = normalizeConsent(item.consent, source, now);
  if (item.tags !== undefined) customer.tags = normalizeTags(item.tags);
  return customer;
}

function normalizeField(field: ProfileField, value: unknown, country: string | null): string | null {
  let text: string;
  if (typeof value === 'string') text = value.trim();
  else if (field === 'externalId' && typeof value === 'number' && Number.isSafeInteger(value)) text = String(value);
  else throw new Invalid(field, `${field} must be a string`);
  if (text === '') return null;
  if (text.includes('\0')) throw new Invalid(field, `${field} must not contain NUL characters`);
  if (text.length > MAX_LENGTH[field]) throw new Invalid(field, `${field} must be at most ${MAX_LENGTH[field]} characters`);
  switch (field) {
    case 'email':
      return normalizeEmail(text);
    case 'phone':
      return normalizePhone(text, country);
    case 'timezone':
      return normalizeTimezone(text);
    case 'locale':
      return normalizeLocale(text);
    case 'country':
      return normalizeCountry(text);
    default:
      return text;
  }
}

function normalizeEmail(text: string): string {
  const email = text.toLowerCase();
  if (!EMAIL.test(email)) throw new Invalid('email', `email "${text}" is not a valid email address`);
  return email;
}

function normalizePhone(text: string, country: string | null): string {
  const phone = parsePhoneNumberFromString(text, country ? { defaultCountry: country as CountryCode } : undefined);
  if (phone?.isValid()) return phone.number;
  const hint = !country && !text.startsWith('+') ? ' (give it with its country code, e.g. +49…, or give the country)' : '';
  throw new Invalid('phone', `phone "${text}" is not a valid phone number${hint}`);
}

function normalizeTimezone(text: string): string {
  const zone = ZONES.get(text.toLowerCase()) ?? resolveZoneAlias(text);
  if (!zone) throw new Invalid('timezone', `timezone "${text}" is not an IANA time zone name such as Europe/Berlin`);
  return zone;
}

/** An alias (e.g. `US/Pacific`, `Etc/UTC`) resolved to a listed zone by ICU, or null. */
function resolveZoneAlias(text: string): string | null {
  let zone = zoneAliases.get(text);
  if (zone !== undefined) return zone;
  try {
    const resolved = new Intl.DateTimeFormat('en', { timeZone: text }).resolvedOptions().timeZone;
    zone = ZONES.get(resolved.toLowerCase()) ?? null;
  } catch {
    zone = null;
  }
  remember(zoneAliases, text, zone);
  return zone;
}

function normalizeLocale(text: string): string {
  let locale = locales.get(text);
  if (locale === undefined) {
    try {
      locale = Intl.getCanonicalLocales(text.replace(/_/g, '-'))[0] ?? null;
    } catch {
      locale = null;
    }
    if (locale && locale.length > MAX_LENGTH.locale) locale = null;
    remember(locales, text, locale);
  }
  if (!locale) throw new Invalid('locale', `locale "${text}" is not a language tag such as de-DE`);
  return locale;
}

function normalizeCountry(text: string): string {
  const country = text.toUpperCase();
  if (!COUNTRIES.has(country)) throw new Invalid('country', `country "${text}" is not an ISO 3166-1 alpha-2 code such as DE`);
  return country;
}

function normalizeAttributes(value: unknown, customer: NormalizedCustomer): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Invalid('attributes', 'attributes must be an object');
  const entries = Object.entries(value);
  if (entries.length > MAX_ATTRIBUTES) throw new Invalid('attributes', `attributes can have at most ${MAX_ATTRIBUTES} keys`);
  const set: Record<string, AttributeValue> = {};
  const unset: string[] = [];
  for (const [key, v] of entries) {
    const field = `attributes.${key}`;
    if (!ATTRIBUTE_NAME.test(key)) throw new Invalid(field, `attribute name "${key}" must start with a letter and hold only letters, digits and _ (at most 64)`);
    if (v === null) unset.push(key);
    else set[key] = attributeValue(v, field);
  }
  customer.attributes = entries.length > unset.length ? set : null;
  customer.unset = unset.length ? unset : null;
}

/** Strings (ISO dates are strings), finite numbers, booleans and lists of strings; nothing nested. */
function attributeValue(value: unknown, field: string): AttributeValue {
  if (typeof value === 'string') {
    if (value.includes('\0')) throw new Invalid(field, `${field} must not contain NUL characters`);
    if (value.length > MAX_ATTRIBUTE_STRING) throw new Invalid(field, `${field} must be at most ${MAX_ATTRIBUTE_STRING} characters`);
    return value;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Invalid(field, `${field} must be a finite number`);
    return value;
  }
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) {
    if (value.length > MAX_LIST_ITEMS) throw new Invalid(field, `${field} can hold at most ${MAX_LIST_ITEMS} items`);
    if (!value.every((v) => typeof v === 'string' && v.length <= MAX_ATTRIBUTE_STRING && !v.includes('\0'))) throw new Invalid(field, `${field} must be a list of strings`);
    return value as string[];
  }
  throw new Invalid(field, `${field} must be a string, number, boolean, ISO date or list of strings (attributes are flat)`);
}

function normalizeConsent(value: unknown, source: string, now: string): Partial<Record<ConsentChannel, ChannelConsent>> | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Invalid('consent', 'consent must be an object keyed by channel');
  const consent: Partial<Record<ConsentChannel, ChannelConsent>> = {};
  for (const [channel, entry] of Object.entries(value)) {
    const field = `consent.${channel}`;
    if (!(CONSENT_CHANNELS as readonly string[]).includes(channel)) throw new Invalid(field, `consent channel must be one of ${CONSENT_CHANNELS.join(', ')}`);
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw new Invalid(field, `${field} must be an object with a status`);
    const given = entry as Record<string, unknown>;
    for (const key of Object.keys(given)) if (!CONSENT_KEYS.has(key)) throw new Invalid(`${field}.${key}`, `${key} is not a consent field`);
    if (!(CONSENT_STATUSES as readonly unknown[]).includes(given.status)) {
      throw new Invalid(`${field}.status`, `status must be one of ${CONSENT_STATUSES.join(', ')}`);
    }
    consent[channel as ConsentChannel] = {
      status: given.status as ConsentStatus,
      source: consentSource(given.source, field, source),
      updatedAt: consentTime(given.updatedAt, field, now),
    };
  }
  return Object.keys(consent).length ? consent : null;
}

function consentSource(value: unknown, field: string, fallback: string): string {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string' || !value.trim() || value.length > MAX_SOURCE || value.includes('\0')) {
    throw new Invalid(`${field}.source`, `source must be a non-empty string of at most ${MAX_SOURCE} characters`);
  }
  return value.trim();
}

function consentTime(value: unknown, field: string, fallback: string): string {
  if (value === undefined || value === null) return fallback;
  const time = typeof value === 'string' && ISO_DATE_TIME.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) throw new Invalid(`${field}.updatedAt`, 'updatedAt must be an ISO 8601 date-time with a time zone, e.g. 2024-05-01T10:00:00Z');
  return new Date(time).toISOString();
}

function normalizeTags(value: unknown): string[] | null {
  if (!Array.isArray(value)) throw new Invalid('tags', 'tags must be a list of strings');
  const tags = new Set<string>();
  for (const tag of value) {
    if (typeof tag !== 'string' || tag.includes('\0')) throw new Invalid('tags', 'tags must be a list of strings without NUL characters');
    const trimmed = tag.trim();
    if (trimmed.length > MAX_TAG) throw new Invalid('tags', `tag "${trimmed}" is longer than ${MAX_TAG} characters`);
    if (trimmed) tags.add(trimmed);
  }
  if (tags.size > MAX_TAGS) throw new Invalid('tags', `a customer can have at most ${MAX_TAGS} tags`);
  return tags.size ? [...tags] : null;
}

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}

import {
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  Validators,
} from '@angular/forms';
import type {
  ConsentStatus,
  CustomerConsentInput,
  CustomerDetail,
  UpdateCustomerRequest,
} from './customer-api';
import { CONSENT_CHANNELS } from './traits';

/** A channel's consent in the form: a status, or '' while none was ever recorded. */
export type ConsentChoice = ConsentStatus | '';

export type CustomerEditForm = FormGroup<{
  firstName: FormControl<string>;
  lastName: FormControl<string>;
  phone: FormControl<string>;
  timezone: FormControl<string>;
  locale: FormControl<string>;
  country: FormControl<string>;
  city: FormControl<string>;
  tags: FormControl<string[]>;
  consentEmail: FormControl<ConsentChoice>;
  consentSms: FormControl<ConsentChoice>;
  consentPush: FormControl<ConsentChoice>;
}>;

export type CustomerEditValue = ReturnType<CustomerEditForm['getRawValue']>;

const CONSENT_CONTROLS = {
  email: 'consentEmail',
  sms: 'consentSms',
  push: 'consentPush',
} as const;

/** The edit form, filled from the customer; the API checks phone, zone, locale and country in depth. */
export function customerEditForm(
  fb: NonNullableFormBuilder,
  c: CustomerDetail,
): CustomerEditForm {
  return fb.group({
    firstName: [c.firstName ?? '', Validators.maxLength(200)],
    lastName: [c.lastName ?? '', Validators.maxLength(200)],
    phone: [c.phone ?? '', Validators.maxLength(40)],
    timezone: [c.timezone ?? '', Validators.maxLength(64)],
    locale: [c.locale ?? '', Validators.maxLength(35)],
    country: [c.country ?? '', Validators.pattern(/^[A-Za-z]{2}$/)],
    city: [c.city ?? '', Validators.maxLength(200)],
    tags: [[...c.tags]],
    consentEmail: [(c.consent.email?.status ?? '') as ConsentChoice],
    consentSms: [(c.consent.sms?.status ?? '') as ConsentChoice],
    consentPush: [(c.consent.push?.status ?? '') as ConsentChoice],
  });
}

/** Blank → null (clears the field); otherwise trimmed. */
const orNull = (value: string) => value.trim() || null;

/**
 * The PATCH body: only what changed (so an untouched field is never rewritten), blanks as null,
 * the country upper case, tags as the new full list, consent only for channels whose status
 * changed (recorded with source `console` and the current time by the API).
 */
export function toUpdateRequest(
  value: CustomerEditValue,
  original: CustomerDetail,
): UpdateCustomerRequest {
  const body: UpdateCustomerRequest = {};
  const text = {
    firstName: orNull(value.firstName),
    lastName: orNull(value.lastName),
    phone: orNull(value.phone),
    timezone: orNull(value.timezone),
    locale: orNull(value.locale),
    country: orNull(value.country)?.toUpperCase() ?? null,
    city: orNull(value.city),
  };
  for (const key of Object.keys(text) as (keyof typeof text)[]) {
    if (text[key] !== original[key]) body[key] = text[key];
  }
  const tags = [...new Set(value.tags.map((t) => t.trim()).filter(Boolean))];
  if (JSON.stringify(tags) !== JSON.stringify(original.tags)) body.tags = tags;
  const consent: CustomerConsentInput = {};
  for (const channel of CONSENT_CHANNELS) {
    const status = value[CONSENT_CONTROLS[channel]];
    if (status && status !== original.consent[channel]?.status) {
      consent[channel] = { status };
    }
  }
  if (Object.keys(consent).length) body.consent = consent;
  return body;
}

/** IANA time zones the browser knows, for the time zone picker (empty where unsupported). */
export function timeZones(): string[] {
  // Not in this TypeScript lib yet; every browser the console supports has it.
  const intl = Intl as { supportedValuesOf?: (key: 'timeZone') => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}

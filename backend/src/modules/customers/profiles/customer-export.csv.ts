import { safeText } from '../../../platform/csv/safe-text';
import { CONSENT_CHANNELS } from '../customers.types';
import type { CustomerListRow } from './customers.repository';
import { toAmount } from './profiles.mapper';

/** Columns of the customers CSV: profile, consent, main traits, then one `attributes.<key>` column per attribute. */
export const PROFILE_COLUMNS = [
  'id',
  'externalId',
  'email',
  'phone',
  'firstName',
  'lastName',
  'timezone',
  'locale',
  'country',
  'city',
  'tags',
  ...CONSENT_CHANNELS.map((c) => `consent.${c}`),
  'createdAt',
  'erasedAt',
  'totalSpent',
  'orderCount',
  'avgOrderValue',
  'firstOrderAt',
  'lastOrderAt',
  'rfmTier',
  'churnRisk',
  'clv',
  'engagementScore',
  'nightBuyer',
  'preferredCategory',
];

/** The header of an export with these attribute keys; the same names the import mapping understands. */
export const exportColumns = (attributeKeys: string[]): string[] => [...PROFILE_COLUMNS, ...attributeKeys.map((k) => `attributes.${k}`)];

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : '');

/**
 * One CSV record. Tags are joined with `|`; consent cells hold the status; list attributes are joined
 * with `|`; dates are ISO 8601 UTC; empty cells for missing values; free text made formula-safe.
 */
export function toCsvRecord({ customer: c, traits: t }: CustomerListRow, attributeKeys: string[]): (string | number)[] {
  const attribute = (key: string) => {
    const value = c.attributes[key];
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return safeText(Array.isArray(value) ? value.join('|') : (value as string | undefined));
  };
  return [
    c.id,
    safeText(c.externalId),
    safeText(c.email),
    c.phone ?? '',
    safeText(c.firstName),
    safeText(c.lastName),
    c.timezone ?? '',
    c.locale ?? '',
    c.country ?? '',
    safeText(c.city),
    safeText(c.tags.join('|')),
    ...CONSENT_CHANNELS.map((channel) => c.consent[channel]?.status ?? ''),
    iso(c.createdAt),
    iso(c.erasedAt),
    toAmount(t?.totalSpent) ?? 0,
    t?.orderCount ?? 0,
    toAmount(t?.avgOrderValue) ?? '',
    iso(t?.firstOrderAt),
    iso(t?.lastOrderAt),
    t?.rfmTier ?? '',
    t?.churnRisk ?? '',
    toAmount(t?.clv) ?? '',
    t?.engagementScore ?? 0,
    t?.nightBuyer ? 'true' : 'false',
    safeText(t?.preferredCategory),
    ...attributeKeys.map(attribute),
  ];
}

import { formatDate } from '@angular/common';

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Amounts: two decimals at most, grouped; a dash for none. Orders may be in several currencies. */
export function formatAmount(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : NUMBER.format(value);
}

/** An ISO timestamp as a day (`Mar 5, 2026`); a dash for none. */
export function formatDay(iso: string | null): string {
  return iso ? formatDate(iso, 'mediumDate', 'en-US') : '—';
}

/** `21` → `21:00`. */
export function formatHour(hour: number | null): string {
  return hour === null ? '—' : `${String(hour).padStart(2, '0')}:00`;
}

let regions: Intl.DisplayNames | null = null;

/** `DE` → `Germany`; the code itself when the runtime does not know it. */
export function countryName(code: string): string {
  try {
    regions ??= new Intl.DisplayNames(['en'], { type: 'region' });
    return regions.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A customer's display name: the full name, else the email, else the external id. */
export function customerName(c: {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  externalId: string | null;
  erasedAt: string | null;
}): string {
  const full = [c.firstName, c.lastName].filter(Boolean).join(' ');
  if (full) return full;
  if (c.email) return c.email;
  if (c.externalId) return c.externalId;
  return c.erasedAt ? 'Erased customer' : 'Unnamed customer';
}

/** `Berlin, Germany`, either part alone, or a dash. */
export function customerLocation(c: {
  city: string | null;
  country: string | null;
}): string {
  return (
    [c.city, c.country ? countryName(c.country) : null]
      .filter(Boolean)
      .join(', ') || '—'
  );
}

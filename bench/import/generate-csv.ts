import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** The file's 10 columns, as an export from a shop or CRM would name them. */
export const BENCH_COLUMNS = [
  'customer_id', 'email', 'first_name', 'last_name', 'phone', 'country', 'city', 'signup_date', 'lifetime_value', 'newsletter',
];

const FIRST = ['Ada', 'Grace', 'Alan', 'Linus', 'Margaret', 'Jürgen', 'Chloé', 'José', 'Mei', 'Olu', 'Priya', 'Sven', 'Zoë', 'Omar', 'Ines', 'Kai'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Torvalds', 'Hamilton', 'Müller', 'Dubois', 'García', 'Wang', 'Adeyemi', 'Sharma', 'Berg', "O'Brien", 'Haddad', 'Silva', 'Nakamura'];
const PLACES: { country: string; cities: string[]; phone: (n: number) => string }[] = [
  { country: 'DE', cities: ['Berlin', 'München', 'Köln'], phone: (n) => `030 ${String(2000000 + (n % 7000000))}` },
  { country: 'US', cities: ['San Francisco', 'Austin', 'New York'], phone: (n) => `(415) 555-${String(n % 10000).padStart(4, '0')}` },
  { country: 'GB', cities: ['London', 'Leeds', 'Bristol'], phone: (n) => `+44 20 7946 ${String(n % 10000).padStart(4, '0')}` },
  { country: 'FR', cities: ['Paris', 'Lyon', 'Nantes, Loire'], phone: (n) => `01 ${String(10000000 + (n % 89999999)).replace(/(\d\d)(?=\d)/g, '$1 ')}` },
];

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same file on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * Writes a deterministic customer CSV of `rows` data rows (plus the header): unique ids and emails, phones in
 * national formats, ISO dates, amounts with thousands separators (`1,234.56`), yes/no consent. One row in a
 * thousand has a broken email, so the error path is part of the measurement.
 */
export async function generateCustomerCsv(path: string, rows: number, seed = 42): Promise<number> {
  const next = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let chunk = BENCH_COLUMNS.join(',') + '\n';
  for (let i = 1; i <= rows; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const place = pick(PLACES);
    const email = i % 1000 === 0 ? `broken-${i}.example.com` : `${first}.${last}.${i}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, '');
    const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(next() * 3650) * 86_400_000).toISOString().slice(0, 10);
    const value = (next() * 5000).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/, ',');
    chunk += [`C${String(i).padStart(8, '0')}`, email, first, last, place.phone(i), place.country, pick(place.cities), day, value, next() < 0.6 ? 'yes' : 'no']
      .map(quote)
      .join(',') + '\n';
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return out.bytesWritten;
}

import type { ConsentStatus } from '../customers.types';

/** A cell as read from a file: CSV gives strings; XLSX also numbers, booleans and dates. */
export type CellValue = string | number | boolean | Date | null;

/**
 * Parsers of cell values for typed mapping targets. Each returns the parsed value, or `undefined` when
 * the cell cannot be read as that type (the row is then rejected with the column named).
 */

const MS_PER_DAY = 86_400_000;
/** Excel's day 0 in its 1900 date system is 1899-12-30 for every serial after 60 (the fictitious 1900-02-29). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const MAX_EXCEL_SERIAL = 2_958_465; // 9999-12-31

/** The text of a cell as stored in a string field: dates as ISO 8601, numbers in plain notation. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return isoFromUtc(value.getTime());
  return typeof value === 'string' ? value : String(value);
}

/** A spelling that means nothing: an empty cell. */
export const isBlank = (value: CellValue): boolean => value === null || (typeof value === 'string' && value.trim() === '');

const GROUP_SEPARATORS = /[\s\u00a0\u202f\u2009'’]/g;
const CURRENCY = /^[$€£¥₹]\s*|\s*[$€£¥₹]$/g;
/** An integer part written with one consistent thousands separator: `1,234,567`, `1.234`, `1 234`, `1'234`. */
const GROUPED = /^\d{1,3}(?:([,. '])\d{3})(?:\1\d{3})*$/;
const PLAIN = /^\d+$/;
const SCIENTIFIC = /^\d+(?:\.\d+)?e[+-]?\d+$/i;

/**
 * Numbers as people type them: `1234.5`, `1,234.56`, `1.234,56`, `1 234`, `1'234.5`, `-12,5`, `€ 9.99`, `1e6`.
 * When both `,` and `.` appear the last one is the decimal separator; a lone `.` is a decimal point; a lone
 * `,` is a thousands separator only in the form `d,ddd` (one to three digits, then exactly three), else a
 * decimal comma; repeated separators are thousands separators.
 */
export function parseNumber(value: CellValue): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  let text = value.trim().replace(CURRENCY, '');
  let sign = '';
  if (text.startsWith('-') || text.startsWith('+')) {
    sign = text[0] === '-' ? '-' : '';
    text = text.slice(1).trim();
  }
  if (SCIENTIFIC.test(text)) return Number(sign + text);
  text = text.replace(GROUP_SEPARATORS, ' ');
  const decimal = decimalSeparator(text);
  let integer = text;
  let fraction = '';
  if (decimal) {
    const at = text.lastIndexOf(decimal);
    integer = text.slice(0, at) || '0';
    fraction = text.slice(at + 1);
    if (!PLAIN.test(fraction)) return undefined;
  }
  if (!PLAIN.test(integer)) {
    const grouped = GROUPED.exec(integer);
    if (!grouped || grouped[1] === decimal) return undefined;
  }
  const number = Number(`${sign}${integer.replace(/\D/g, '')}${fraction ? `.${fraction}` : ''}`);
  return Number.isFinite(number) ? number : undefined;
}

function decimalSeparator(text: string): ',' | '.' | null {
  const commas = text.split(',').length - 1;
  const dots = text.split('.').length - 1;
  if (commas && dots) return text.lastIndexOf(',') > text.lastIndexOf('.') ? ',' : '.';
  if (dots === 1) return '.';
  if (commas === 1) return /^[1-9]\d{0,2},\d{3}$/.test(text) ? null : ',';
  return null;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 't', 'on', 'x', 'ja', 'j', 'oui', 'si', 'sí', 'wahr']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'f', 'off', 'nein', 'non', 'falsch']);

/** Booleans: yes/no, true/false, 1/0, y/n, on/off (and ja/nein, oui/non, sí), any case. */
export function parseBoolean(value: CellValue): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : undefined;
}

const OPT_IN = new Set(['opt-in', 'optin', 'opted-in', 'opted in', 'double opt-in', 'subscribed']);
const OPT_OUT = new Set(['opt-out', 'optout', 'opted-out', 'opted out', 'unsubscribed']);

/** A consent status: subscribed/unsubscribed/pending, opt-in/opt-out, or a boolean (yes → subscribed). */
export function parseConsentStatus(value: CellValue): ConsentStatus | undefined {
  const word = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (word === 'pending') return 'pending';
  if (OPT_IN.has(word)) return 'subscribed';
  if (OPT_OUT.has(word)) return 'unsubscribed';
  const flag = parseBoolean(value);
  return flag === undefined ? undefined : flag ? 'subscribed' : 'unsubscribed';
}

/** A list in one cell, split on `,`, `;` or `|`; blanks dropped. */
export function parseList(value: CellValue): string[] {
  return cellText(value)
    .split(/[,;|]/)
    .map((v) => v.trim())
    .filter(Boolean);
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  // German spellings that differ
  mär: 3, mrz: 3, mai: 5, okt: 10, dez: 12,
};
const TIME = String.raw`(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?`;
const ISO_DATE = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`);
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const YMD_SLASH = new RegExp(String.raw`^(\d{4})/(\d{1,2})/(\d{1,2})${TIME}$`);
const DMY_DOT = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})${TIME}$`);
const DMY_DASH = new RegExp(String.raw`^(\d{1,2})-(\d{1,2})-(\d{4})${TIME}$`);
const SLASHED = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})${TIME}$`);
const DAY_MONTH_NAME = /^(\d{1,2})[ .-]+([a-zä]{3})[a-zä]*\.?[ .-]+(\d{2}|\d{4})$/i;
const MONTH_NAME_DAY = /^([a-zä]{3})[a-zä]*\.? +(\d{1,2}),? +(\d{4})$/i;
const SERIAL = /^\d{1,7}(?:\.\d+)?$/;

/**
 * Dates, as an ISO 8601 date (`2024-03-05`) or, when a time is given, an ISO date-time in UTC. Accepts date
 * cells, Excel serial numbers (1900 date system), ISO 8601 (with or without time or zone), `2024/03/05`,
 * `05.03.2024`, `05-03-2024` (day first), `03/05/2024` (month first, unless the first number is over 12),
 * `5 Mar 2024`, `05-Mar-24` and `March 5, 2024`. Two-digit years below 70 are 20xx. Times without a zone are UTC.
 */
export function parseDate(value: CellValue): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : isoFromUtc(value.getTime());
  if (typeof value === 'number') return fromSerial(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (SERIAL.test(text)) return fromSerial(Number(text));
  if (ISO_WITH_ZONE.test(text)) {
    const time = Date.parse(text);
    return Number.isNaN(time) ? undefined : new Date(time).toISOString();
  }
  let m = ISO_DATE.exec(text) ?? YMD_SLASH.exec(text);
  if (m) return build(m[1], m[2], m[3], m.slice(4));
  if ((m = DMY_DOT.exec(text) ?? DMY_DASH.exec(text))) return build(m[3], m[2], m[1], m.slice(4));
  if ((m = SLASHED.exec(text))) {
    const dayFirst = Number(m[1]) > 12;
    return build(m[3], dayFirst ? m[2] : m[1], dayFirst ? m[1] : m[2], m.slice(4));
  }
  if ((m = DAY_MONTH_NAME.exec(text))) return build(m[3], MONTHS[m[2].toLowerCase()], m[1], []);
  if ((m = MONTH_NAME_DAY.exec(text))) return build(m[3], MONTHS[m[1].toLowerCase()], m[2], []);
  return undefined;
}

function fromSerial(serial: number): string | undefined {
  if (!(serial >= 1 && serial <= MAX_EXCEL_SERIAL) || serial === 60) return undefined;
  const days = serial < 60 ? serial + 1 : serial; // serials before the fictitious 1900-02-29 are one day off
  return isoFromUtc(EXCEL_EPOCH + Math.round(days * MS_PER_DAY));
}

function build(year: string, month: string | number | undefined, day: string, time: (string | undefined)[]): string | undefined {
  let y = Number(year);
  if (year.length === 2) y += y < 70 ? 2000 : 1900;
  const mo = Number(month);
  const d = Number(day);
  const [h = '0', mi = '0', s = '0', ms = '0'] = time.map((t) => t ?? '0');
  if (!(mo >= 1 && mo <= 12 && d >= 1 && Number(h) < 24 && Number(mi) < 60 && Number(s) < 60)) return undefined;
  const utc = Date.UTC(y, mo - 1, d, Number(h), Number(mi), Number(s), Number(ms.padEnd(3, '0')));
  if (new Date(utc).getUTCDate() !== d) return undefined; // 31 April, 29 February of a common year
  return isoFromUtc(utc);
}

/** `YYYY-MM-DD` at midnight UTC, else the full ISO date-time. */
function isoFromUtc(ms: number): string {
  const iso = new Date(ms).toISOString();
  return ms % MS_PER_DAY === 0 ? iso.slice(0, 10) : iso;
}

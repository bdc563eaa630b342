import { invalidTemplateData } from '../email.errors';

/**
 * Helpers for templates' `view` functions: they turn the loosely typed data other modules pass
 * into exactly the strings a template shows, and fail loudly on a caller's mistake.
 */
export class TemplateData {
  constructor(
    private readonly template: string,
    private readonly data: Record<string, unknown>,
  ) {}

  required(key: string): string {
    const value = this.optional(key);
    if (!value) throw invalidTemplateData(this.template, `"${key}" is required`);
    return value;
  }

  optional(key: string): string | undefined {
    const value = this.data[key];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw invalidTemplateData(this.template, `"${key}" must be a string`);
    }
    return String(value).trim() || undefined;
  }

  /** `link`: the absolute http(s) address the email points to (the caller knows its console routes). */
  link(): string {
    const link = this.required('link');
    if (!/^https?:\/\//i.test(link)) throw invalidTemplateData(this.template, '"link" must be an http(s) address');
    return link;
  }

  /** `expiresInMinutes` as e.g. "60 minutes" or "2 hours". */
  expiresIn(): string | undefined {
    const raw = this.data['expiresInMinutes'];
    if (raw === undefined || raw === null || raw === '') return undefined;
    const minutes = Number(raw);
    if (!Number.isFinite(minutes) || minutes <= 0) throw invalidTemplateData(this.template, '"expiresInMinutes" must be a positive number');
    if (minutes % 60 === 0 && minutes > 60) return `${minutes / 60} hours`;
    return minutes === 1 ? '1 minute' : `${Math.round(minutes)} minutes`;
  }

  /** `expiresAt` (Date, ISO string or epoch ms) as e.g. "21 May 2026, 14:00 UTC". */
  expiry(): string | undefined {
    const raw = this.data['expiresAt'];
    if (raw === undefined || raw === null || raw === '') return undefined;
    const date = raw instanceof Date ? raw : new Date(raw as string | number);
    if (Number.isNaN(date.getTime())) throw invalidTemplateData(this.template, '"expiresAt" is not a date');
    const time = date.toISOString().slice(11, 16);
    return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${time} UTC`;
  }
}

// Spelled out rather than Intl, whose wording changes between ICU versions.
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

import type { ChannelConsent, CustomerConsent } from './customer-api';
import {
  CHANNEL_LABELS,
  CONSENT_CHANNELS,
  ConsentChannel,
  Tone,
} from './traits';

export interface ConsentRow {
  channel: ConsentChannel;
  label: string;
  /** Null when nothing was ever recorded for the channel. */
  consent: ChannelConsent | null;
  tone: Tone;
}

/** One row per channel, in a fixed order, recorded or not. */
export function consentRows(consent: CustomerConsent): ConsentRow[] {
  return CONSENT_CHANNELS.map((channel) => {
    const c = consent[channel] ?? null;
    const tone: Tone =
      c?.status === 'subscribed'
        ? 'good'
        : c?.status === 'unsubscribed'
          ? 'bad'
          : 'neutral';
    return { channel, label: CHANNEL_LABELS[channel], consent: c, tone };
  });
}

export interface AttributeRow {
  key: string;
  value: string;
}

function attributeText(value: unknown): string {
  if (Array.isArray(value)) return value.map(attributeText).join(', ');
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Custom attributes as text, sorted by key (lists joined with commas). */
export function attributeRows(
  attributes: Record<string, unknown>,
): AttributeRow[] {
  return Object.keys(attributes)
    .sort()
    .map((key) => ({ key, value: attributeText(attributes[key]) }));
}

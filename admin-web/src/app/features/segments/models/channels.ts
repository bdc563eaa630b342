import { CHANNEL_LABELS } from '../../customers/models/traits';

const ICONS: Record<string, string> = { email: 'mail', sms: 'sms', push: 'notifications' };

/** The icon of a messaging channel (a generic link for channels the console has no icon for, e.g. webhook). */
export const channelIcon = (channel: string) => ICONS[channel] ?? 'link';

/** `email` → `Email`, `sms` → `SMS`; other channels by their key. */
export const channelName = (channel: string) => (CHANNEL_LABELS as Record<string, string>)[channel] ?? channel;

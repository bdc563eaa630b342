import { awaitingMembers, relativeTime } from './segment-status';

describe('segment status', () => {
  const now = new Date('2026-11-28T12:00:00Z');

  it('says how long ago a refresh was, in the largest whole unit', () => {
    expect(relativeTime('2026-11-28T11:59:40Z', now)).toBe('just now');
    expect(relativeTime('2026-11-28T11:55:00Z', now)).toBe('5 minutes ago');
    expect(relativeTime('2026-11-28T09:00:00Z', now)).toBe('3 hours ago');
    expect(relativeTime('2026-11-27T10:00:00Z', now)).toBe('yesterday');
    expect(relativeTime('2026-11-10T12:00:00Z', now)).toBe('3 weeks ago');
    expect(relativeTime('2025-10-01T12:00:00Z', now)).toBe('last year');
    expect(relativeTime(null, now)).toBe('never');
  });

  it('follows segments whose membership is still being computed', () => {
    expect(awaitingMembers({ status: 'pending' })).toBe(true);
    expect(awaitingMembers({ status: 'refreshing' })).toBe(true);
    expect(awaitingMembers({ status: 'ready' })).toBe(false);
    expect(awaitingMembers({ status: 'failed' })).toBe(false);
  });
});

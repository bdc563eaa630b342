import { Provider } from '@angular/core';
import { SEGMENT_POLL_MS } from '../data/segment-polling';

/** A short poll interval for specs, so following a refresh takes milliseconds. */
export const TEST_POLL_MS = 20;

export function provideTestPolling(): Provider {
  return { provide: SEGMENT_POLL_MS, useValue: TEST_POLL_MS };
}

/** Waits long enough for `polls` checks to have been sent. */
export function afterPolls(polls = 2): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, TEST_POLL_MS * polls));
}

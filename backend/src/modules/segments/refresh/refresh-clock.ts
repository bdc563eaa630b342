import { Injectable } from '@nestjs/common';

/** The time refreshes evaluate relative windows at and the scheduler decides by; tests move it. */
@Injectable()
export class RefreshClock {
  now(): Date {
    return new Date();
  }
}

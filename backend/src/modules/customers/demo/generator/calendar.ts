import type { SimpleFaker } from '@faker-js/faker';

const DAY_MS = 86_400_000;

/** Relative order volume by month (1–12): quiet after the holidays, busy in the autumn. */
const MONTHS = [0, 0.75, 0.8, 0.95, 1, 1, 0.95, 0.9, 0.9, 1, 1.05, 1.25, 1];
/** Relative order volume by weekday (Sunday first): weekends are busiest. */
const WEEKDAYS = [1.15, 0.9, 0.92, 0.95, 1, 1.05, 1.2];

/** Black Friday: the day after the fourth Thursday of November (UTC date). */
export function blackFriday(year: number): Date {
  const first = new Date(Date.UTC(year, 10, 1)).getUTCDay();
  const firstThursday = 1 + ((4 - first + 7) % 7);
  return new Date(Date.UTC(year, 10, firstThursday + 21 + 1));
}

/**
 * How busy a day is: month and weekday rhythm, a week of Black Friday teasers, Black Friday to Cyber
 * Monday at three and a half times the usual, the December gift rush and a quiet Christmas Day.
 */
export function dayWeight(date: Date): number {
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  let weight = MONTHS[month] * WEEKDAYS[date.getUTCDay()];
  const bf = blackFriday(date.getUTCFullYear()).getTime();
  const t = date.getTime();
  if (t >= bf && t <= bf + 3 * DAY_MS) weight *= 3.5;
  else if (t >= bf - 7 * DAY_MS && t < bf) weight *= 1.4;
  if (month === 12) weight *= day <= 21 ? 1.9 : day <= 24 ? 1.3 : day === 25 ? 0.3 : 1.1;
  return weight;
}

/**
 * The days of the demo period, counted back from `now` (day 0 is the UTC day of `now`), with the
 * seasonal weights and their running sum for sampling a day in a range.
 */
export class DemoCalendar {
  private readonly starts: number[] = [];
  /** cumulative[d] = Σ weights of days d+1 … 0, walking back in time (cumulative[-1] is 0). */
  private readonly cumulative: number[] = [];
  /** Per zone: UTC offset in minutes by day (NaN until looked up). */
  private readonly offsets = new Map<string, { formatter: Intl.DateTimeFormat; minutes: Float64Array }>();

  constructor(
    readonly now: Date,
    readonly days: number,
  ) {
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    let sum = 0;
    for (let d = 0; d <= days; d++) {
      const start = today - d * DAY_MS;
      this.starts.push(start);
      sum += dayWeight(new Date(start));
      this.cumulative.push(sum);
    }
  }

  /** A day between `newest` and `oldest` days ago (inclusive), busy days more likely. */
  sampleDay(random: SimpleFaker, newest: number, oldest: number): number {
    const lo = Math.max(0, Math.min(newest, oldest, this.days));
    const hi = Math.min(this.days, Math.max(newest, oldest));
    const below = lo === 0 ? 0 : this.cumulative[lo - 1];
    const target = below + random.number.float({ min: 0, max: 1 }) * (this.cumulative[hi] - below);
    let a = lo;
    let b = hi;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (this.cumulative[mid] < target) a = mid + 1;
      else b = mid;
    }
    return a;
  }

  /** The instant of `hour:minute` local time in `timezone` on the day `daysAgo` (days earlier if that is after `now`). */
  localTime(timezone: string, daysAgo: number, hour: number, minute: number): Date {
    const day = Math.min(daysAgo, this.days);
    let instant = this.starts[day] + (hour * 60 + minute) * 60_000 - this.offsetMinutes(timezone, day) * 60_000;
    while (instant > this.now.getTime()) instant -= DAY_MS;
    return new Date(instant);
  }

  /** The UTC day `daysAgo` at `hour`:`minute` UTC. */
  utcTime(daysAgo: number, hour: number, minute = 0): Date {
    return new Date(this.starts[Math.min(daysAgo, this.days)] + (hour * 60 + minute) * 60_000);
  }

  dateOf(daysAgo: number): Date {
    return new Date(this.starts[Math.min(daysAgo, this.days)]);
  }

  /** UTC offset of a zone at noon of a day, in minutes (cached). */
  private offsetMinutes(timezone: string, daysAgo: number): number {
    let zone = this.offsets.get(timezone);
    if (!zone) {
      zone = {
        formatter: new Intl.DateTimeFormat('en-US', { timeZone: timezone, timeZoneName: 'longOffset' }),
        minutes: new Float64Array(this.days + 1).fill(Number.NaN),
      };
      this.offsets.set(timezone, zone);
    }
    if (Number.isNaN(zone.minutes[daysAgo])) {
      const name = zone.formatter.formatToParts(new Date(this.starts[daysAgo] + 12 * 3_600_000)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
      const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
      zone.minutes[daysAgo] = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
    }
    return zone.minutes[daysAgo];
  }
}

/** Relative likelihood of each local hour for ordinary shoppers: lunch and evening peaks. */
export const DAY_HOURS = [0.25, 0.12, 0.06, 0.04, 0.04, 0.08, 0.3, 0.6, 0.9, 1.1, 1.25, 1.35, 1.6, 1.5, 1.3, 1.2, 1.25, 1.45, 1.75, 2.05, 2.25, 2, 1.4, 0.7];
/** Night owls: most of their orders between 22:00 and 05:59. */
export const NIGHT_HOURS = [2, 1.8, 1.4, 1, 0.6, 0.3, 0.1, 0.1, 0.1, 0.15, 0.15, 0.2, 0.25, 0.2, 0.2, 0.2, 0.2, 0.25, 0.3, 0.35, 0.5, 0.8, 1.6, 2];
/** Stores are open 09:00–20:59, busiest late afternoon. */
export const STORE_HOURS = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0.6, 0.9, 1.1, 1.3, 1.2, 1.1, 1.2, 1.4, 1.6, 1.5, 1.1, 0.7, 0, 0, 0];

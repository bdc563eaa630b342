import { HttpErrorResponse } from '@angular/common/http';
import { Subject } from 'rxjs';
import { LoadStatus } from './load-status';

describe('LoadStatus', () => {
  it('is loading while the request runs, then loaded with the answer applied', () => {
    const status = new LoadStatus();
    const request = new Subject<string>();
    const applied: string[] = [];

    status.run(request, (value) => applied.push(value));
    expect(status.loading()).toBe(true);
    expect(status.loaded()).toBe(false);

    request.next('answer');
    expect(applied).toEqual(['answer']);
    expect(status.loading()).toBe(false);
    expect(status.loaded()).toBe(true);
    expect(status.error()).toBeNull();
  });

  it('turns a failure into a problem, and clears it on the next run', () => {
    const status = new LoadStatus();
    const failing = new Subject<string>();
    status.run(failing, () => undefined);
    failing.error(
      new HttpErrorResponse({
        status: 503,
        error: { title: 'Unavailable', detail: 'Try later' },
      }),
    );
    expect(status.error()?.detail).toBe('Try later');
    expect(status.loading()).toBe(false);
    expect(status.loaded()).toBe(true);

    status.run(new Subject<string>(), () => undefined);
    expect(status.error()).toBeNull();
    expect(status.loading()).toBe(true);
  });

  it('cancels the running request when a newer one starts, so a late answer is ignored', () => {
    const status = new LoadStatus();
    const older = new Subject<string>();
    const newer = new Subject<string>();
    const applied: string[] = [];

    status.run(older, (value) => applied.push(value));
    status.run(newer, (value) => applied.push(value));
    older.next('old');
    newer.next('new');

    expect(applied).toEqual(['new']);
    expect(older.observed).toBe(false);
  });

  it('forgets it was loaded on reset, and stops listening on cancel', () => {
    const status = new LoadStatus();
    const request = new Subject<string>();
    status.run(request, () => undefined);
    request.next('x');
    status.reset();
    expect(status.loaded()).toBe(false);

    const pending = new Subject<string>();
    status.run(pending, () => undefined);
    status.cancel();
    expect(pending.observed).toBe(false);
    expect(status.loading()).toBe(false);
  });
});

import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true,
});

/** jsdom has no ResizeObserver; ngx-echarts needs one to watch its chart's size. */
class NoopResizeObserver {
  observe(): void {
    /* jsdom does no layout */
  }
  unobserve(): void {
    /* nothing observed */
  }
  disconnect(): void {
    /* nothing observed */
  }
}
globalThis.ResizeObserver ??= NoopResizeObserver;

import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { sparkline } from '../../charts/sparkline';
import type { SegmentSizePoint } from '../../models/segment-api';

/**
 * A segment's recent sizes as a tiny line. An inline SVG rather than an ECharts instance: a list
 * shows dozens of them, and one canvas, chart instance and resize observer per row (plus loading
 * ECharts for the list at all) would cost far more than a polyline needs.
 */
@Component({
  selector: 'app-segment-sparkline',
  template: `
    @if (line().points) {
      <svg
        [attr.viewBox]="'0 0 ' + width + ' ' + height"
        [attr.width]="width"
        [attr.height]="height"
        role="img"
        [attr.aria-label]="line().label"
      >
        <title>{{ line().label }}</title>
        <polyline [attr.points]="line().points" />
        @if (line().last; as last) {
          <circle [attr.cx]="last.x" [attr.cy]="last.y" r="2" />
        }
      </svg>
    } @else {
      <span class="muted">—</span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
    }
    svg {
      overflow: visible;
    }
    polyline {
      fill: none;
      stroke: var(--mat-sys-primary);
      stroke-width: 1.5;
      stroke-linejoin: round;
      stroke-linecap: round;
    }
    circle {
      fill: var(--mat-sys-primary);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SegmentSparkline {
  readonly trend = input.required<readonly SegmentSizePoint[]>();

  protected readonly width = 96;
  protected readonly height = 24;
  protected readonly line = computed(() => sparkline(this.trend(), this.width, this.height));
}

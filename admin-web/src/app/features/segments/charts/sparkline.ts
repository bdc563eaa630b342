import { formatAmount } from '../../customers/models/format';
import type { SegmentSizePoint } from '../models/segment-api';

/** Geometry of a sparkline drawn as an inline SVG polyline in a `width` × `height` box. */
export interface Sparkline {
  /** `points` attribute of the polyline; '' when there is nothing to draw. */
  points: string;
  /** The last point, marked with a dot. */
  last: { x: number; y: number } | null;
  /** "Size from 120 to 164 over 12 refreshes", for screen readers and the tooltip. */
  label: string;
}

/**
 * A segment's size history as a sparkline: oldest point on the left, evenly spaced (refreshes are
 * points, not a time axis), scaled between the smallest and largest size with `pad` pixels kept free
 * at the top and bottom; a flat history is drawn as a line across the middle.
 */
export function sparkline(trend: readonly SegmentSizePoint[], width: number, height: number, pad = 2): Sparkline {
  if (!trend.length) return { points: '', last: null, label: 'No size history yet' };
  const sizes = trend.map((p) => p.size);
  const min = Math.min(...sizes);
  const max = Math.max(...sizes);
  const step = trend.length > 1 ? width / (trend.length - 1) : 0;
  const y = (size: number) => (max === min ? height / 2 : pad + ((max - size) / (max - min)) * (height - 2 * pad));
  const coords = sizes.map((size, i) => ({ x: round(trend.length > 1 ? i * step : width / 2), y: round(y(size)) }));
  const first = sizes[0];
  const lastSize = sizes[sizes.length - 1];
  const count = `${trend.length} refresh${trend.length === 1 ? '' : 'es'}`;
  return {
    points: coords.map((c) => `${c.x},${c.y}`).join(' '),
    last: coords[coords.length - 1],
    label:
      first === lastSize && min === max
        ? `Size ${formatAmount(lastSize)} over ${count}`
        : `Size from ${formatAmount(first)} to ${formatAmount(lastSize)} over ${count}`,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

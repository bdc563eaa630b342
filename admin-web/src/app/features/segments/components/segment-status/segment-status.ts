import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatTooltipModule } from '@angular/material/tooltip';
import { ToneChip } from '../../../customers/components/tone-chip/tone-chip';
import type { SegmentStatus } from '../../models/segment-api';
import { STATUS_TEXT } from '../../models/segment-status';

/** Where a segment's membership stands (pending, refreshing, ready, failed), with what that means on hover. */
@Component({
  selector: 'app-segment-status',
  imports: [ToneChip, MatTooltipModule],
  template: `<app-tone-chip [tone]="text().tone" [matTooltip]="text().help" [attr.data-status]="status()">{{
    text().label
  }}</app-tone-chip>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SegmentStatusChip {
  readonly status = input.required<SegmentStatus>();
  protected readonly text = computed(() => STATUS_TEXT[this.status()]);
}

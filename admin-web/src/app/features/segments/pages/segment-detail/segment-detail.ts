import { ChangeDetectionStrategy, Component } from '@angular/core';
import { PageHeader } from '../../../../shared/page-header/page-header';

@Component({
  selector: 'app-segment-detail-page',
  imports: [PageHeader],
  template: `<app-page-header heading="Segment" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SegmentDetailPage {}

import { ChangeDetectionStrategy, Component } from '@angular/core';
import { PageHeader } from '../../../../shared/page-header/page-header';

@Component({
  selector: 'app-segment-list-page',
  imports: [PageHeader],
  template: `<app-page-header heading="Segments" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SegmentListPage {}

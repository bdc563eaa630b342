import { ChangeDetectionStrategy, Component } from '@angular/core';
import { PageHeader } from '../../../../shared/page-header/page-header';

@Component({
  selector: 'app-playbook-gallery-page',
  imports: [PageHeader],
  template: `<app-page-header heading="Segment playbooks" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlaybookGalleryPage {}

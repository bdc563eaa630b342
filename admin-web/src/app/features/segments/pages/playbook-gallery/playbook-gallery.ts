import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { hasPermission } from '../../../../core/auth/has-permission';
import { NotificationService } from '../../../../core/errors/notification.service';
import { problemMessage } from '../../../../core/errors/problem';
import { PageHeader } from '../../../../shared/page-header/page-header';
import { PlaybooksStore } from '../../data/playbooks.store';
import type { SegmentPlaybook } from '../../models/segment-api';
import { channelIcon, channelName } from '../../models/channels';

/** `/segments/playbooks`: ready-made segments with what to offer them and where, created in one click or customized in the builder. */
@Component({
  selector: 'app-playbook-gallery-page',
  imports: [DecimalPipe, RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, MatTooltipModule, PageHeader],
  templateUrl: './playbook-gallery.html',
  styleUrl: './playbook-gallery.scss',
  providers: [PlaybooksStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlaybookGalleryPage implements OnInit {
  protected readonly store = inject(PlaybooksStore);
  private readonly router = inject(Router);
  private readonly notify = inject(NotificationService);

  protected readonly canWrite = hasPermission('segments:write');
  /** The playbook whose segment is being created. */
  protected readonly creating = signal<string | null>(null);
  protected readonly problemMessage = problemMessage;
  protected readonly channelIcon = channelIcon;
  protected readonly channelName = channelName;

  ngOnInit(): void {
    this.store.load();
  }

  protected create(playbook: SegmentPlaybook): void {
    this.creating.set(playbook.key);
    this.store.create(playbook).subscribe({
      next: ({ segmentId, created }) => {
        this.creating.set(null);
        if (created) {
          this.notify.success(`${playbook.name} is created; its members are being computed.`);
          void this.router.navigate(['/segments', segmentId]);
        } else {
          this.notify.info(`A segment named ${playbook.name} already exists: open it from this card.`);
        }
      },
      error: (err: unknown) => {
        this.creating.set(null);
        this.notify.error(err, `Could not create ${playbook.name}.`);
      },
    });
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatStepperModule } from '@angular/material/stepper';
import { Router } from '@angular/router';
import type { CustomerImportDetail } from '../../models/import-api';
import { problemMessage, toProblem } from '../../../../core/errors/problem';
import { CustomerImportsStore } from '../../data/customer-imports.store';
import {
  ACCEPT_ATTRIBUTE,
  fileProblem,
  fileSize,
} from '../../models/import-file';
import { FileDropZone } from '../file-drop-zone/file-drop-zone';
import { RecentImports } from '../recent-imports/recent-imports';

/** Step 1: pick or drop a file and send it; the import's own page (`/customers/import/:id`) follows. */
@Component({
  selector: 'app-upload-step',
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    MatStepperModule,
    FileDropZone,
    RecentImports,
  ],
  templateUrl: './upload-step.html',
  styleUrl: './upload-step.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UploadStep {
  /** The file already uploaded, when the user came back to this step. */
  readonly uploaded = input<CustomerImportDetail | null>(null);

  private readonly store = inject(CustomerImportsStore);
  private readonly router = inject(Router);

  protected readonly accept = ACCEPT_ATTRIBUTE;
  protected readonly fileSize = fileSize;
  /** The file being sent. */
  protected readonly sending = signal<File | null>(null);
  protected readonly error = signal<string | null>(null);

  protected send(file: File): void {
    // The size limit is the server's (IMPORT_MAX_MB) and not published: a larger file gets its 413.
    const problem = fileProblem(file, null);
    this.error.set(problem);
    if (problem || this.sending()) return;
    this.sending.set(file);
    this.store.upload(file).subscribe({
      next: (detail) =>
        void this.router.navigate(['/customers/import', detail.id]),
      error: (err: unknown) => {
        this.sending.set(null);
        this.error.set(
          problemMessage(toProblem(err), `Could not upload ${file.name}.`),
        );
      },
    });
  }
}

import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  untracked,
} from '@angular/core';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { hasPermission } from '../../../../core/auth/has-permission';
import { NotificationService } from '../../../../core/errors/notification.service';
import { controlErrorMessage } from '../../../../core/errors/problem';
import { FormSubmission } from '../../../../shared/forms/form-submission';
import { ListStatus } from '../../../../shared/list-status/list-status';
import { PageHeader } from '../../../../shared/page-header/page-header';
import { WorkspaceStore } from '../../data/workspace.store';
import {
  MAX_WORKSPACE_NAME_LENGTH,
  WorkspaceNameForm,
} from '../../models/workspace-form';

/** `/settings`: the current workspace, and renaming it (owners: `workspace:manage`). */
@Component({
  selector: 'app-workspace-settings-page',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    PageHeader,
    ListStatus,
  ],
  templateUrl: './workspace-settings.html',
  styleUrl: './workspace-settings.scss',
  providers: [WorkspaceStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkspaceSettingsPage {
  protected readonly store = inject(WorkspaceStore);
  private readonly notify = inject(NotificationService);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly canManage = hasPermission('workspace:manage');
  protected readonly errorText = controlErrorMessage;
  protected readonly maxLength = MAX_WORKSPACE_NAME_LENGTH;

  protected readonly form: WorkspaceNameForm = this.fb.group({
    name: [
      '',
      [Validators.required, Validators.maxLength(MAX_WORKSPACE_NAME_LENGTH)],
    ],
  });
  protected readonly submission = new FormSubmission(
    this.form,
    'Could not rename the workspace.',
  );

  constructor() {
    this.store.load();
    // Fill the name from the loaded workspace (and again after a rename).
    effect(() => {
      const name = this.store.workspace()?.name ?? '';
      untracked(() => this.form.reset({ name }));
    });
  }

  protected rename(): void {
    const name = this.form.getRawValue().name.trim();
    this.submission.submit(() => this.store.rename(name), {
      done: (workspace) =>
        this.notify.success(`Workspace renamed to ${workspace.name}.`),
    });
  }
}

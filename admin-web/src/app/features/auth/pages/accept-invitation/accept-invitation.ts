import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
  OnInit,
  signal,
} from '@angular/core';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { InvitationPreview } from '../../../../core/api/models';
import { NotificationService } from '../../../../core/errors/notification.service';
import {
  controlErrorMessage,
  problemMessage,
  toProblem,
} from '../../../../core/errors/problem';
import { firstAllowedPath } from '../../../../core/shell/navigation';
import { SessionStore } from '../../../../core/auth/session.store';
import { FormSubmission } from '../../../../shared/forms/form-submission';
import { AccountStore } from '../../data/account.store';
import { MIN_PASSWORD_LENGTH } from '../../models/password-forms';

/** `/accept-invitation?token=…`: shows who invited you to what, then name + password and you are in. */
@Component({
  selector: 'app-accept-invitation-page',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatProgressBarModule,
  ],
  templateUrl: './accept-invitation.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AcceptInvitationPage implements OnInit {
  readonly token = input<string>();

  private readonly account = inject(AccountStore);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly notify = inject(NotificationService);

  protected readonly minLength = MIN_PASSWORD_LENGTH;
  protected readonly preview = signal<InvitationPreview | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly errorText = controlErrorMessage;

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    password: [
      '',
      [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)],
    ],
  });
  protected readonly submission = new FormSubmission(
    this.form,
    'Could not accept the invitation.',
  );

  ngOnInit(): void {
    const token = this.token();
    if (!token) {
      this.loadError.set(
        'This page needs the link from your invitation email.',
      );
      return;
    }
    this.loading.set(true);
    this.account.previewInvitation(token).subscribe({
      next: (preview) => {
        this.preview.set(preview);
        this.loading.set(false);
        if (preview.existingUser) {
          // Existing accounts keep their password; the API checks it instead of setting it.
          this.form.controls.password.setValidators(Validators.required);
          this.form.controls.password.updateValueAndValidity();
        }
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.loadError.set(
          problemMessage(
            toProblem(err),
            'This invitation is invalid, used or expired.',
          ),
        );
      },
    });
  }

  protected submit(): void {
    const token = this.token();
    if (!token) return; // the form is shown only for a previewed invitation
    const { name, password } = this.form.getRawValue();
    this.submission.submit(
      () => this.account.acceptInvitation(token, name.trim(), password),
      {
        leaves: true,
        done: (me) => {
          this.notify.success(`Welcome to ${me.workspace.name}.`);
          void this.router.navigateByUrl(firstAllowedPath(this.session));
        },
      },
    );
  }
}

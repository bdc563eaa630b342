import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
} from '@angular/core';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { NotificationService } from '../../../../core/errors/notification.service';
import { controlErrorMessage } from '../../../../core/errors/problem';
import { FormSubmission } from '../../../../shared/forms/form-submission';
import { AccountStore } from '../../data/account.store';
import {
  MIN_PASSWORD_LENGTH,
  passwordsMatch,
} from '../../models/password-forms';

const INVALID_LINK = 'This link is invalid or has expired. Ask for a new one.';

/** `/reset-password?token=…` from the emailed link. */
@Component({
  selector: 'app-reset-password-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
  ],
  templateUrl: './reset-password.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResetPasswordPage {
  readonly token = input<string>();

  private readonly account = inject(AccountStore);
  private readonly router = inject(Router);
  private readonly notify = inject(NotificationService);

  protected readonly minLength = MIN_PASSWORD_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      password: [
        '',
        [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)],
      ],
      confirm: ['', Validators.required],
    },
    { validators: passwordsMatch() },
  );
  protected readonly submission = new FormSubmission(this.form, INVALID_LINK);
  protected readonly errorText = controlErrorMessage;

  protected submit(): void {
    const token = this.token();
    if (!token) return; // the form is shown only with a token
    const { password } = this.form.getRawValue();
    this.submission.submit(
      () => this.account.confirmPasswordReset(token, password),
      {
        leaves: true,
        done: () => {
          this.notify.success(
            'Your password is changed. Sign in with the new one.',
          );
          void this.router.navigate(['/login']);
        },
        // A cut-off link fails validation on `token` ("Invalid request: token"): say what it means.
        failed: (problem, usual) =>
          problem.errors.some((e) => e.field === 'token')
            ? INVALID_LINK
            : usual(),
      },
    );
  }
}

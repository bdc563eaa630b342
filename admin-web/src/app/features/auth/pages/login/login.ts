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
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { SessionStore } from '../../../../core/auth/session.store';
import { controlErrorMessage } from '../../../../core/errors/problem';
import { firstAllowedPath } from '../../../../core/shell/navigation';
import { FormSubmission } from '../../../../shared/forms/form-submission';

/** `/login` */
@Component({
  selector: 'app-login-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatProgressBarModule,
  ],
  templateUrl: './login.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  /** Where to go after signing in (set by the signed-in guard). */
  readonly returnUrl = input<string>();
  /** Set when a session could not be refreshed. */
  readonly expired = input<string>();

  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly submission = new FormSubmission(
    this.form,
    'Could not sign in.',
  );
  protected readonly errorText = controlErrorMessage;

  protected submit(): void {
    const { email, password } = this.form.getRawValue();
    this.submission.submit(() => this.session.signIn(email.trim(), password), {
      leaves: true,
      done: () => {
        const target = this.safeReturnUrl() ?? firstAllowedPath(this.session);
        void this.router.navigateByUrl(target);
      },
      failed: (problem, usual) =>
        problem.status === 401
          ? (problem.detail ?? 'The email or password is not right.')
          : usual(),
    });
  }

  /** Only same-app paths, never another origin. */
  private safeReturnUrl(): string | null {
    const url = this.returnUrl();
    return url &&
      url.startsWith('/') &&
      !url.startsWith('//') &&
      !url.startsWith('/login')
      ? url
      : null;
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  inject,
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
import { RouterLink } from '@angular/router';
import { controlErrorMessage } from '../../../../core/errors/problem';
import { FormSubmission } from '../../../../shared/forms/form-submission';
import { AccountStore } from '../../data/account.store';

/** `/forgot-password`: asks for a reset link. The API answers the same whether or not the email exists. */
@Component({
  selector: 'app-forgot-password-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
  ],
  templateUrl: './forgot-password.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForgotPasswordPage {
  private readonly account = inject(AccountStore);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
  });
  protected readonly submission = new FormSubmission(
    this.form,
    'Could not send the link.',
  );
  protected readonly sentTo = signal<string | null>(null);
  protected readonly errorText = controlErrorMessage;

  protected submit(): void {
    const email = this.form.getRawValue().email.trim();
    this.submission.submit(() => this.account.requestPasswordReset(email), {
      done: () => this.sentTo.set(email),
    });
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  untracked,
} from '@angular/core';
import {
  FormGroupDirective,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { SessionStore } from '../../../../core/auth/session.store';
import { NotificationService } from '../../../../core/errors/notification.service';
import { controlErrorMessage } from '../../../../core/errors/problem';
import { FormSubmission } from '../../../../shared/forms/form-submission';
import { PageHeader } from '../../../../shared/page-header/page-header';
import { ProfileStore } from '../../data/profile.store';
import {
  ChangePasswordForm,
  differentFromCurrent,
  MIN_PASSWORD_LENGTH,
  NameForm,
  passwordsMatch,
} from '../../models/profile-forms';

/** `/profile`: your name, your password, and what your role lets you do. */
@Component({
  selector: 'app-profile-page',
  imports: [
    ReactiveFormsModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    PageHeader,
  ],
  templateUrl: './profile.html',
  styleUrl: './profile.scss',
  providers: [ProfileStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfilePage {
  protected readonly session = inject(SessionStore);
  private readonly store = inject(ProfileStore);
  private readonly notify = inject(NotificationService);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly minLength = MIN_PASSWORD_LENGTH;
  protected readonly errorText = controlErrorMessage;
  protected readonly permissions = computed(() =>
    [...this.session.permissions()].sort(),
  );

  protected readonly nameForm: NameForm = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
  });
  protected readonly nameSubmission = new FormSubmission(
    this.nameForm,
    'Could not save your name.',
  );

  protected readonly passwordForm: ChangePasswordForm = this.fb.group(
    {
      currentPassword: ['', Validators.required],
      newPassword: [
        '',
        [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)],
      ],
      confirm: ['', Validators.required],
    },
    {
      validators: [
        passwordsMatch('newPassword', 'confirm'),
        differentFromCurrent,
      ],
    },
  );
  protected readonly passwordSubmission = new FormSubmission(
    this.passwordForm,
    'Could not change your password.',
  );

  constructor() {
    // Fill the name from the session (and again if the session changes it).
    effect(() => {
      const name = this.session.user()?.name ?? '';
      untracked(() => this.nameForm.reset({ name }));
    });
  }

  protected saveName(): void {
    const name = this.nameForm.getRawValue().name.trim();
    this.nameSubmission.submit(() => this.store.updateName(name), {
      done: () => this.notify.success('Name saved.'),
    });
  }

  protected changePassword(directive: FormGroupDirective): void {
    const { currentPassword, newPassword } = this.passwordForm.getRawValue();
    this.passwordSubmission.submit(
      () => this.store.changePassword(currentPassword, newPassword),
      {
        done: () => {
          directive.resetForm({
            currentPassword: '',
            newPassword: '',
            confirm: '',
          });
          this.notify.success('Password changed.');
        },
        failed: (problem, usual) => {
          if (
            (problem.status === 400 ||
              problem.status === 401 ||
              problem.status === 403) &&
            !problem.errors.length
          ) {
            // A wrong current password comes back without a field; put it where the user looks.
            this.passwordForm.controls.currentPassword.setErrors({
              server: problem.detail ?? 'The current password is not right.',
            });
            return null;
          }
          return usual();
        },
      },
    );
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
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
import {
  applyProblemToForm,
  controlErrorMessage,
  toProblem,
} from '../../../../core/errors/problem';
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
  protected readonly savingName = signal(false);
  protected readonly nameError = signal<string | null>(null);

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
  protected readonly savingPassword = signal(false);
  protected readonly passwordError = signal<string | null>(null);

  constructor() {
    // Fill the name from the session (and again if the session changes it).
    effect(() => {
      const name = this.session.user()?.name ?? '';
      untracked(() => this.nameForm.reset({ name }));
    });
  }

  protected saveName(): void {
    if (this.nameForm.invalid || this.savingName()) {
      this.nameForm.markAllAsTouched();
      return;
    }
    this.savingName.set(true);
    this.nameError.set(null);
    this.store.updateName(this.nameForm.getRawValue().name.trim()).subscribe({
      next: () => {
        this.savingName.set(false);
        this.notify.success('Name saved.');
      },
      error: (err: unknown) => {
        this.savingName.set(false);
        this.nameError.set(
          applyProblemToForm(
            this.nameForm,
            toProblem(err),
            'Could not save your name.',
          ),
        );
      },
    });
  }

  protected changePassword(directive: FormGroupDirective): void {
    if (this.passwordForm.invalid || this.savingPassword()) {
      this.passwordForm.markAllAsTouched();
      return;
    }
    const { currentPassword, newPassword } = this.passwordForm.getRawValue();
    this.savingPassword.set(true);
    this.passwordError.set(null);
    this.store.changePassword(currentPassword, newPassword).subscribe({
      next: () => {
        this.savingPassword.set(false);
        directive.resetForm({
          currentPassword: '',
          newPassword: '',
          confirm: '',
        });
        this.notify.success('Password changed.');
      },
      error: (err: unknown) => {
        this.savingPassword.set(false);
        const problem = toProblem(err);
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
          return;
        }
        this.passwordError.set(
          applyProblemToForm(
            this.passwordForm,
            problem,
            'Could not change your password.',
          ),
        );
      },
    });
  }
}

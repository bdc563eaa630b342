import { inject, Injectable } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { problemMessage, toProblem } from './problem';

/** Snackbar messages: confirmations and errors (problem+json `detail` when there is one). */
@Injectable({ providedIn: 'root' })
export class NotificationService {
  private readonly snackBar = inject(MatSnackBar);

  success(message: string): void {
    this.snackBar.open(message, 'Dismiss', { duration: 4000 });
  }

  info(message: string): void {
    this.snackBar.open(message, 'Dismiss', { duration: 5000 });
  }

  error(err: unknown, fallback = 'Something went wrong.'): void {
    const problem = toProblem(err);
    const suffix = problem.requestId ? ` (request ${problem.requestId})` : '';
    this.snackBar.open(problemMessage(problem, fallback) + suffix, 'Dismiss', {
      duration: 8000,
      politeness: 'assertive',
    });
  }
}

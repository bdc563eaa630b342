import { MatDialog } from '@angular/material/dialog';
import { of, Subject } from 'rxjs';
import { confirmThen } from './confirm-dialog';

function dialogAnswering(result: unknown): MatDialog {
  return {
    open: () => ({ afterClosed: () => of(result) }),
  } as unknown as MatDialog;
}

const DATA = { title: 'Revoke?', message: 'Sure?', confirmLabel: 'Revoke' };

describe('confirmThen', () => {
  it('runs the action once the user confirms, and emits its result', () => {
    const action = jest.fn(() => of('revoked'));
    const emitted: string[] = [];
    confirmThen(dialogAnswering(true), DATA, action).subscribe((v) =>
      emitted.push(v),
    );
    expect(action).toHaveBeenCalledTimes(1);
    expect(emitted).toEqual(['revoked']);
  });

  it('does nothing when the dialog is cancelled or dismissed', () => {
    for (const result of [false, undefined]) {
      const action = jest.fn(() => new Subject<string>());
      const next = jest.fn();
      const complete = jest.fn();
      confirmThen(dialogAnswering(result), DATA, action).subscribe({
        next,
        complete,
      });
      expect(action).not.toHaveBeenCalled();
      expect(next).not.toHaveBeenCalled();
      expect(complete).toHaveBeenCalled();
    }
  });
});

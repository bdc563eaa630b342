import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialogRef } from '@angular/material/dialog';
import { DialogActions } from './dialog-actions';

@Component({
  imports: [DialogActions],
  template: `
    <form (submit)="$event.preventDefault(); submitted = submitted + 1">
      <app-dialog-actions [pending]="pending()"
        >Send invitation</app-dialog-actions
      >
    </form>
  `,
})
class Host {
  readonly pending = signal(false);
  submitted = 0;
}

describe('DialogActions', () => {
  function render() {
    const close = jest.fn();
    TestBed.configureTestingModule({
      providers: [{ provide: MatDialogRef, useValue: { close } }],
    });
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const buttons = Array.from(el.querySelectorAll('button'));
    return { fixture, close, cancel: buttons[0], submit: buttons[1] };
  }

  it('submits the form with the labelled button, and Cancel closes the dialog', () => {
    const { fixture, close, cancel, submit } = render();
    expect(cancel.textContent?.trim()).toBe('Cancel');
    expect(submit.textContent?.trim()).toBe('Send invitation');
    submit.click();
    expect(fixture.componentInstance.submitted).toBe(1);
    cancel.click();
    expect(close).toHaveBeenCalled();
  });

  it('disables the submit button while the form is being sent', () => {
    const { fixture, submit } = render();
    fixture.componentInstance.pending.set(true);
    fixture.detectChanges();
    expect(submit.disabled).toBe(true);
  });
});

import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  buttonsWithText,
  provideTestApp,
  query,
  settle,
} from '../../../../../testing/test-helpers';
import { FileDropZone } from './file-drop-zone';

@Component({
  imports: [FileDropZone],
  template: `<app-file-drop-zone
    accept=".csv,.xlsx"
    [disabled]="disabled()"
    (picked)="picked.push($event)"
    >Hint</app-file-drop-zone
  >`,
})
class Host {
  readonly disabled = signal(false);
  readonly picked: File[] = [];
}

/** A drag event carrying files, as jsdom has no DataTransfer. */
function dragEvent(type: string, files: File[]): Event {
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', {
    value: { types: ['Files'], files, dropEffect: 'none' },
  });
  return event;
}

describe('FileDropZone', () => {
  beforeEach(() =>
    TestBed.configureTestingModule({ providers: provideTestApp() }),
  );

  async function render() {
    const fixture = TestBed.createComponent(Host);
    await settle(fixture);
    const zone = query(fixture, 'app-file-drop-zone') as HTMLElement;
    return { fixture, zone };
  }

  it('accepts a dragged file, shows where it can go, and emits it when dropped', async () => {
    const { fixture, zone } = await render();
    const file = new File(['a;b'], 'list.csv');

    const over = dragEvent('dragover', [file]);
    zone.dispatchEvent(over);
    await settle(fixture);
    expect(over.defaultPrevented).toBe(true);
    expect(zone.classList).toContain('over');

    zone.dispatchEvent(dragEvent('drop', [file]));
    await settle(fixture);
    expect(fixture.componentInstance.picked).toEqual([file]);
    expect(zone.classList).not.toContain('over');
  });

  it('lets dragged text pass, and ignores drops while disabled', async () => {
    const { fixture, zone } = await render();
    const text = new Event('dragover', { cancelable: true });
    Object.defineProperty(text, 'dataTransfer', {
      value: { types: ['text/plain'], files: [] },
    });
    zone.dispatchEvent(text);
    expect(text.defaultPrevented).toBe(false);

    fixture.componentInstance.disabled.set(true);
    await settle(fixture);
    zone.dispatchEvent(dragEvent('drop', [new File(['x'], 'x.csv')]));
    expect(fixture.componentInstance.picked).toEqual([]);
    expect(buttonsWithText(fixture, 'Choose a file')[0].disabled).toBe(true);
  });

  it('opens the file picker from the button and emits the chosen file', async () => {
    const { fixture } = await render();
    const input = query<HTMLInputElement>(fixture, 'input[type="file"]');
    expect(input?.accept).toBe('.csv,.xlsx');
    const click = jest.spyOn(input as HTMLInputElement, 'click');
    buttonsWithText(fixture, 'Choose a file')[0].click();
    expect(click).toHaveBeenCalled();

    const file = new File(['x'], 'x.xlsx');
    Object.defineProperty(input, 'files', { value: [file] });
    input?.dispatchEvent(new Event('change'));
    expect(fixture.componentInstance.picked).toEqual([file]);
  });
});

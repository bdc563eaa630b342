import {
  booleanAttribute,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';

/**
 * A place to drop one file, with a "Choose a file" button for the keyboard and the file picker.
 * Emits the file as given; what it may be is for the parent to say (put the hint in the content).
 */
@Component({
  selector: 'app-file-drop-zone',
  imports: [MatButtonModule, MatIconModule],
  templateUrl: './file-drop-zone.html',
  styleUrl: './file-drop-zone.scss',
  host: {
    '[class.over]': 'over()',
    '[class.disabled]': 'disabled()',
    '(dragenter)': 'dragging($event)',
    '(dragover)': 'dragging($event)',
    '(dragleave)': 'left($event)',
    '(drop)': 'dropped($event)',
  },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FileDropZone {
  /** File types for the picker, e.g. `.csv,.xlsx`. */
  readonly accept = input.required<string>();
  readonly disabled = input(false, { transform: booleanAttribute });
  readonly picked = output<File>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly over = signal(false);

  protected dragging(event: DragEvent): void {
    if (!event.dataTransfer?.types.includes('Files')) return;
    // Accepting the drag (preventDefault) is what lets the browser drop here instead of opening the file.
    event.preventDefault();
    event.dataTransfer.dropEffect = this.disabled() ? 'none' : 'copy';
    this.over.set(!this.disabled());
  }

  protected left(event: DragEvent): void {
    const to = event.relatedTarget as Node | null;
    if (!to || !this.host.nativeElement.contains(to)) this.over.set(false);
  }

  protected dropped(event: DragEvent): void {
    event.preventDefault();
    this.over.set(false);
    const file = event.dataTransfer?.files[0];
    if (file && !this.disabled()) this.picked.emit(file);
  }

  protected chosen(input: HTMLInputElement): void {
    const file = input.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) is a change too.
    input.value = '';
    if (file) this.picked.emit(file);
  }
}

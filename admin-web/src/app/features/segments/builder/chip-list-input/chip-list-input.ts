import { ChangeDetectionStrategy, Component, computed, input, output, signal, viewChild } from '@angular/core';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatChipInputEvent, MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';

/** A list of texts as chips: type and press Enter or comma, or pick one of the suggestions. */
@Component({
  selector: 'app-chip-list-input',
  imports: [MatFormFieldModule, MatChipsModule, MatAutocompleteModule, MatIconModule],
  template: `
    <mat-form-field class="chips">
      <mat-label>{{ label() }}</mat-label>
      <mat-chip-grid #grid [attr.aria-label]="label()">
        @for (value of values(); track value) {
          <mat-chip-row (removed)="remove(value)">
            {{ display()(value) }}
            <button matChipRemove type="button" [attr.aria-label]="'Remove ' + display()(value)">
              <mat-icon svgIcon="close" />
            </button>
          </mat-chip-row>
        }
        <input
          [value]="typed()"
          (input)="typed.set($any($event.target).value)"
          [matChipInputFor]="grid"
          [matAutocomplete]="auto"
          (matChipInputTokenEnd)="add($event)"
        />
      </mat-chip-grid>
      <mat-autocomplete #auto="matAutocomplete" (optionSelected)="picked($event)">
        @for (option of matching(); track option) {
          <mat-option [value]="option">{{ display()(option) }}</mat-option>
        }
      </mat-autocomplete>
    </mat-form-field>
  `,
  styles: `
    .chips {
      min-width: 220px;
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChipListInput {
  readonly label = input.required<string>();
  readonly values = input<readonly string[]>([]);
  readonly suggestions = input<readonly string[]>([]);
  /** How a value reads (a country code as its name). */
  readonly display = input<(value: string) => string>((value) => value);
  readonly valuesChange = output<string[]>();

  protected readonly typed = signal('');
  /** Suggestions not chosen yet that contain what is typed. */
  protected readonly matching = computed(() => {
    const typed = this.typed().trim().toLowerCase();
    const chosen = new Set(this.values());
    return this.suggestions()
      .filter((s) => !chosen.has(s) && (s.toLowerCase().includes(typed) || this.display()(s).toLowerCase().includes(typed)))
      .slice(0, 50);
  });

  private readonly trigger = viewChild(MatAutocompleteTrigger);

  protected add(event: MatChipInputEvent): void {
    // Enter on a highlighted suggestion: `picked` adds the suggestion, not the text typed so far.
    if (!this.trigger()?.activeOption) this.push(event.value);
    event.chipInput.clear();
  }

  protected picked(event: MatAutocompleteSelectedEvent): void {
    this.push(String(event.option.value));
  }

  protected remove(value: string): void {
    this.valuesChange.emit(this.values().filter((v) => v !== value));
  }

  private push(raw: string): void {
    const value = raw.trim();
    this.typed.set('');
    if (value && !this.values().includes(value)) this.valuesChange.emit([...this.values(), value]);
  }
}

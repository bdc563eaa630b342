import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  OnInit,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatStepperModule } from '@angular/material/stepper';
import { map, startWith } from 'rxjs';
import type {
  CustomerImportDetail,
  SavedImportMapping,
} from '../../models/import-api';
import {
  applyProblemToForm,
  controlErrorMessage,
} from '../../../../core/errors/problem';
import { FormSubmission } from '../../../../shared/forms/form-submission';
import { CustomerImportsStore } from '../../data/customer-imports.store';
import {
  ATTRIBUTE_TYPES,
  CONSENT_TARGETS,
  mappingProblems,
  PROFILE_FIELDS,
  rowsFromMapping,
  toImportMapping,
  unmappedColumns,
} from '../../models/import-mapping';
import {
  MAPPING_NAME_MAX,
  mappingForm,
  placeColumnProblems,
  setRows,
} from '../../models/mapping-form';

/** Preview values shown beside each column to tell what it holds. */
const SAMPLES_PER_COLUMN = 3;
/** Attribute names offered while typing one. */
const ATTRIBUTE_SUGGESTIONS = 8;

/**
 * Where each column of the file goes, pre-filled with the API's suggestion (or the saved mapping
 * that fits); checked as it is edited; starts the import, optionally saving the mapping by name.
 */
@Component({
  selector: 'app-mapping-editor',
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatStepperModule,
  ],
  templateUrl: './mapping-editor.html',
  styleUrl: './mapping-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MappingEditor implements OnInit {
  readonly detail = input.required<CustomerImportDetail>();

  protected readonly store = inject(CustomerImportsStore);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly fields = PROFILE_FIELDS;
  protected readonly consents = CONSENT_TARGETS;
  protected readonly attributeTypes = ATTRIBUTE_TYPES;
  protected readonly nameMax = MAPPING_NAME_MAX;
  protected readonly errorText = controlErrorMessage;

  protected readonly form = mappingForm(this.fb, []);
  protected readonly submission = new FormSubmission(
    this.form,
    'Could not start the import.',
  );
  /** The saved mapping the rows came from, if any. */
  protected readonly appliedMapping = signal<SavedImportMapping | null>(null);
  /** Columns of the file that the applied saved mapping leaves out (skipped). */
  protected readonly unmapped = signal<string[]>([]);

  protected readonly rows = toSignal(
    this.form.controls.rows.valueChanges.pipe(
      startWith(null),
      map(() => this.form.controls.rows.getRawValue()),
    ),
    { requireSync: true },
  );
  protected readonly problems = computed(() => mappingProblems(this.rows()));
  protected readonly mappedCount = computed(
    () => this.rows().filter((r) => r.choice !== 'skip').length,
  );
  protected readonly samples = computed(() => {
    const { headers, previewRows } = this.detail();
    return headers.map((_h, i) =>
      previewRows
        .map((row) => (row[i] ?? '').trim())
        .filter((v) => v !== '')
        .slice(0, SAMPLES_PER_COLUMN),
    );
  });

  ngOnInit(): void {
    const detail = this.detail();
    setRows(
      this.fb,
      this.form,
      rowsFromMapping(
        detail.headers,
        detail.mapping ?? detail.suggestedMapping,
      ),
    );
    this.form.markAsPristine();
    this.appliedMapping.set(detail.savedMapping);
    this.store.loadSavedMappings();
    this.store.loadKnownAttributes();
  }

  protected applySaved(id: string): void {
    const saved = this.store.savedMappings().find((m) => m.id === id);
    if (!saved) return;
    const headers = this.detail().headers;
    setRows(this.fb, this.form, rowsFromMapping(headers, saved.mapping));
    this.appliedMapping.set(saved);
    this.unmapped.set(unmappedColumns(headers, saved.mapping));
  }

  protected attributeOptions(typed: string): string[] {
    const text = typed.trim().toLowerCase();
    return this.store
      .knownAttributes()
      .filter((name) => name.toLowerCase().includes(text))
      .slice(0, ATTRIBUTE_SUGGESTIONS);
  }

  protected start(): void {
    const { rows, saveMappingAs } = this.form.getRawValue();
    const name = saveMappingAs.trim();
    this.submission.submit(
      () => this.store.start(toImportMapping(rows), name || undefined),
      {
        failed: (problem) => {
          const rest = placeColumnProblems(this.form, problem);
          if (problem.errors.length && !rest.errors.length) return null;
          return applyProblemToForm(
            this.form,
            rest,
            'Could not start the import.',
          );
        },
      },
    );
  }
}

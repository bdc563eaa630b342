import { BreakpointObserver } from '@angular/cdk/layout';
import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatStepper, MatStepperModule } from '@angular/material/stepper';
import { RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { problemMessage } from '../../../../core/errors/problem';
import { PageHeader } from '../../../../shared/page-header/page-header';
import { ImportPreview } from '../../components/import-preview/import-preview';
import { ImportProgress } from '../../components/import-progress/import-progress';
import { ImportResult } from '../../components/import-result/import-result';
import { MappingEditor } from '../../components/mapping-editor/mapping-editor';
import { UploadStep } from '../../components/upload-step/upload-step';
import { CustomerImportsStore } from '../../data/customer-imports.store';
import { ImportPhase, phaseOf } from '../../models/import-status';

/** The step each phase of an import opens on (upload, preview, map, run, result). */
const STEP_OF_PHASE: Record<ImportPhase, number> = {
  upload: 0,
  map: 1,
  run: 3,
  done: 4,
};

/**
 * `/customers/import` and `/customers/import/:id`: upload a file, preview it, map its columns, run
 * the import and read the result. A reopened import opens on the step its status calls for.
 */
@Component({
  selector: 'app-import-wizard-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatStepperModule,
    PageHeader,
    UploadStep,
    ImportPreview,
    MappingEditor,
    ImportProgress,
    ImportResult,
  ],
  templateUrl: './import-wizard.html',
  styleUrl: './import-wizard.scss',
  providers: [CustomerImportsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportWizardPage {
  /** The import to reopen (route parameter); none on a fresh wizard. */
  readonly id = input<string>();

  protected readonly store = inject(CustomerImportsStore);
  protected readonly problemMessage = problemMessage;
  private readonly stepper = viewChild(MatStepper);

  protected readonly phase = computed(() =>
    phaseOf(this.store.current()?.status),
  );
  /** The step the current phase opens on. */
  protected readonly step = computed(() => STEP_OF_PHASE[this.phase()]);
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 719.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  constructor() {
    effect(() => {
      const id = this.id();
      if (id) untracked(() => this.store.open(id));
    });
    // When the phase changes, go to its step. After render, so that the steps' `completed` and
    // `editable` flags already let the linear stepper go there (the `[selectedIndex]` binding only
    // picks the step the stepper opens on).
    afterRenderEffect(() => {
      const stepper = this.stepper();
      const step = this.step();
      if (stepper) untracked(() => (stepper.selectedIndex = step));
    });
  }

  protected retry(): void {
    const id = this.id();
    if (id) this.store.open(id);
  }
}

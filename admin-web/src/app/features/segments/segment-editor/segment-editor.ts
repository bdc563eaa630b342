import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { applyProblemToForm, controlErrorMessage, FieldError, problemMessage } from '../../../core/errors/problem';
import { FormSubmission } from '../../../shared/forms/form-submission';
import { PageHeader } from '../../../shared/page-header/page-header';
import { RuleBuilder } from '../builder/rule-builder/rule-builder';
import { emptyRules } from '../builder/rule-tree';
import type { SegmentRules } from '../builder/rule-types';
import { LiveCount } from './live-count/live-count';
import { SegmentEditorStore } from './segment-editor.store';
import { DESCRIPTION_MAX, NAME_MAX, segmentForm } from './segment-form';

/** An error about the rule tree (`rules`, `rules.root.children[0].value`…), shown in the builder. */
const isRulesError = (e: FieldError) => /^(body\.)?rules($|[.[])/.test(e.field);

/**
 * `/segments/new` (optionally `?playbook=<key>` to start from a playbook's rules) and `/segments/:id/edit`:
 * name, description and the rule builder, with a live count of the matching customers as the rules change.
 * Saving goes to the segment's page.
 */
@Component({
  selector: 'app-segment-editor-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    PageHeader,
    RuleBuilder,
    LiveCount,
  ],
  templateUrl: './segment-editor.html',
  styleUrl: './segment-editor.scss',
  providers: [SegmentEditorStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SegmentEditorPage {
  /** The segment to edit (route parameter); none for a new one. */
  readonly id = input<string>();
  /** The playbook whose rules a new segment starts from (query parameter). */
  readonly playbook = input<string>();

  protected readonly store = inject(SegmentEditorStore);
  private readonly router = inject(Router);
  protected readonly form = segmentForm(inject(NonNullableFormBuilder));
  protected readonly submission = new FormSubmission(this.form, 'Could not save the segment.');
  protected readonly nameMax = NAME_MAX;
  protected readonly descriptionMax = DESCRIPTION_MAX;
  protected readonly problemMessage = problemMessage;
  protected readonly controlErrorMessage = controlErrorMessage;

  protected readonly rules = signal<SegmentRules>(emptyRules());
  /** The rule errors of a failed save, until the next edit. */
  private readonly saveErrors = signal<readonly FieldError[] | null>(null);
  /** Shown on the builder's nodes: the last save's, else the live count's. */
  protected readonly ruleErrors = computed(() => this.saveErrors() ?? this.store.preview().problem?.errors ?? []);
  protected readonly backLink = computed(() => (this.id() ? ['/segments', this.id()] : ['/segments']));

  constructor() {
    effect(() => {
      const id = this.id();
      const playbook = this.playbook();
      untracked(() => this.store.open(id, playbook));
    });
    effect(() => {
      const draft = this.store.draft();
      if (!draft) return;
      untracked(() => {
        this.form.reset({ name: draft.name, description: draft.description });
        this.edit(draft.rules);
      });
    });
  }

  protected edit(rules: SegmentRules): void {
    this.rules.set(rules);
    this.saveErrors.set(null);
    this.store.count(rules, this.id());
  }

  protected retry(): void {
    this.store.open(this.id(), this.playbook());
  }

  protected save(): void {
    const { name, description } = this.form.getRawValue();
    this.submission.submit(() => this.store.save({ name: name.trim(), description: description.trim(), rules: this.rules() }, this.id()), {
      leaves: true,
      done: (segment) => void this.router.navigate(['/segments', segment.id]),
      failed: (problem) => {
        const ruleErrors = problem.errors.filter(isRulesError);
        this.saveErrors.set(ruleErrors);
        const others = problem.errors.filter((e) => !isRulesError(e));
        if (ruleErrors.length && !others.length) return 'Some conditions need attention: see the messages on them.';
        return applyProblemToForm(this.form, { ...problem, errors: others }, 'Could not save the segment.');
      },
    });
  }
}

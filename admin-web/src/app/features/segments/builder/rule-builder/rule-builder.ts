import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { FieldError } from '../../../../core/errors/problem';
import { NodeErrors } from '../node-errors/node-errors';
import { RuleBuilderContext, SegmentOption } from '../rule-builder-context';
import { placeErrors } from '../rule-errors';
import { RuleGroupEditor } from '../rule-group/rule-group';
import type { SegmentFields, SegmentRules } from '../rule-types';

/**
 * A visual editor for a segment's rule tree: groups (All of / Any of / None of) nested to any depth,
 * conditions with typed inputs, drag to reorder or move between groups. Every change emits a new tree
 * (`rulesChange`); the API's validation errors (`errors`, JSON paths) show on their nodes.
 */
@Component({
  selector: 'app-rule-builder',
  imports: [RuleGroupEditor, NodeErrors],
  template: `
    <app-node-errors [errors]="rootErrors()" />
    <app-rule-group [group]="rules().root" [depth]="0" />
  `,
  providers: [RuleBuilderContext],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RuleBuilder {
  /** Every node needs an `id` (see `withIds`). */
  readonly rules = input.required<SegmentRules>();
  /** The fields and the options the data offers (`GET /api/segments/fields`); null while loading. */
  readonly fields = input<SegmentFields | null>(null);
  /** The segments a condition may refer to (not the one being edited). */
  readonly segments = input<readonly SegmentOption[]>([]);
  /** Validation errors of the last API answer. */
  readonly errors = input<readonly FieldError[]>([]);
  readonly rulesChange = output<SegmentRules>();

  private readonly context = inject(RuleBuilderContext);
  private readonly placed = computed(() => placeErrors(this.rules(), this.errors()).byNode);
  protected readonly rootErrors = computed(() => this.placed().get(this.rules().root.id ?? '') ?? []);

  constructor() {
    this.context.connect({
      rules: this.rules,
      catalogue: this.fields,
      segments: this.segments,
      errors: this.placed,
      emit: (rules) => this.rulesChange.emit(rules),
    });
  }
}

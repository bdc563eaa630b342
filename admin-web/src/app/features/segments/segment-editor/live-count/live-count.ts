import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { problemMessage } from '../../../../core/errors/problem';
import { countryName, customerName, formatAmount } from '../../../customers/models/format';
import type { SegmentCustomer } from '../../builder/rule-types';
import type { LivePreview } from '../segment-editor.store';

/** The live count beside the builder: how many customers match now, a sample of them, and any problem. */
@Component({
  selector: 'app-live-count',
  imports: [DatePipe, RouterLink, MatProgressBarModule],
  templateUrl: './live-count.html',
  styleUrl: './live-count.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LiveCount {
  readonly preview = input.required<LivePreview>();

  protected readonly result = computed(() => this.preview().result);
  protected readonly message = computed(() => {
    const problem = this.preview().problem;
    if (!problem) return null;
    // The errors are on their nodes in the builder; the detail would repeat them with JSON paths.
    if (problem.errors.length) return 'Some conditions need attention: see the messages on them.';
    return problemMessage(problem, 'Could not count the customers.');
  });
  protected readonly formatAmount = formatAmount;
  protected readonly countryName = countryName;
  protected readonly name = (c: SegmentCustomer) => customerName({ ...c, externalId: null, erasedAt: null });
}

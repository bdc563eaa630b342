import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import type { CustomerTraits } from '../../models/customer-api';
import {
  RFM_TIER_MEANING,
  tierTone,
  TRAIT_HELP,
  traitCards,
} from '../../models/traits';
import { ToneChip } from '../tone-chip/tone-chip';

/** The computed traits of one customer: RFM tier and scores, then a card per trait with what it means. */
@Component({
  selector: 'app-traits-panel',
  imports: [ToneChip],
  templateUrl: './traits-panel.html',
  styleUrl: './traits-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TraitsPanel {
  readonly traits = input.required<CustomerTraits>();

  protected readonly help = TRAIT_HELP;
  protected readonly cards = computed(() => traitCards(this.traits()));
  protected readonly tierTone = computed(() => tierTone(this.traits().rfmTier));
  protected readonly tierMeaning = computed(() => {
    const tier = this.traits().rfmTier;
    return tier ? RFM_TIER_MEANING[tier] : '';
  });
  protected readonly scores = computed(() => {
    const t = this.traits();
    return [
      { letter: 'R', name: 'Recency', value: t.recencyScore },
      { letter: 'F', name: 'Frequency', value: t.frequencyScore },
      { letter: 'M', name: 'Monetary', value: t.monetaryScore },
    ];
  });
  protected readonly scored = computed(() =>
    this.scores().every((s) => s.value !== null),
  );
  protected readonly segments = [1, 2, 3, 4, 5];
}

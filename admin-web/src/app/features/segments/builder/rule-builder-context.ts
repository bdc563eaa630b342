import { CdkDrag, CdkDropList } from '@angular/cdk/drag-drop';
import { computed, Injectable, Signal } from '@angular/core';
import type { NodeError } from './rule-errors';
import { findNode, groupIds } from './rule-tree';
import type { SegmentFields, SegmentRules } from './rule-types';

/** Another segment a condition can refer to. */
export interface SegmentOption {
  id: string;
  name: string;
}

/** What the builder shares with the groups and conditions below it. */
export interface RuleBuilderSource {
  rules: Signal<SegmentRules>;
  catalogue: Signal<SegmentFields | null>;
  segments: Signal<readonly SegmentOption[]>;
  errors: Signal<ReadonlyMap<string, readonly NodeError[]>>;
  emit(rules: SegmentRules): void;
}

const NO_ERRORS: readonly NodeError[] = [];

/**
 * The tree being edited, the data its pickers offer and its errors, for every group and condition of one
 * builder (provided by the builder). Nodes change the tree through `update`, by id.
 */
@Injectable()
export class RuleBuilderContext {
  private source!: RuleBuilderSource;
  private pointer = { x: -1, y: -1 };

  readonly rules = computed(() => this.source.rules());
  readonly catalogue = computed(() => this.source.catalogue());
  readonly segments = computed(() => this.source.segments());
  /**
   * Every group's drop list, innermost first: CDK hands a dragged node to the first connected list under
   * the pointer that lets it in (see `canEnter`).
   */
  readonly dropListIds = computed(() => groupIds(this.rules()).reverse());

  connect(source: RuleBuilderSource): void {
    this.source = source;
  }

  update(change: (rules: SegmentRules) => SegmentRules): void {
    const rules = this.rules();
    const next = change(rules);
    if (next !== rules) this.source.emit(next);
  }

  errorsOf(id: string | undefined): readonly NodeError[] {
    return (id && this.source.errors().get(id)) || NO_ERRORS;
  }

  /** The pointer while dragging (from `cdkDragMoved`), for `canEnter`. */
  trackPointer(position: { x: number; y: number }): void {
    this.pointer = position;
  }

  /**
   * Lets a dragged node into a group's list only when that list is the innermost one under the pointer
   * (nested lists all contain the pointer), and never a group into itself or a group below it.
   */
  readonly canEnter = (drag: CdkDrag<string>, drop: CdkDropList<string>): boolean => {
    const dragged = findNode(this.rules().root, drag.data);
    if (!dragged || findNode(dragged, drop.data)) return false;
    const under = document.elementFromPoint(this.pointer.x, this.pointer.y)?.closest('.cdk-drop-list');
    return under === drop.element.nativeElement;
  };
}

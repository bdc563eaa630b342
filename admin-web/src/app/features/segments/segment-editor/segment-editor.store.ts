import { DestroyRef, inject, Injectable, InjectionToken, signal } from '@angular/core';
import { SegmentsService } from '@lodestar/contracts';
import { catchError, debounceTime, EMPTY, map, Observable, of, Subject, switchMap } from 'rxjs';
import { call } from '../../../core/api/call';
import { Problem, toProblem } from '../../../core/errors/problem';
import { LoadStatus } from '../../../shared/data/load-status';
import type { SegmentOption } from '../builder/rule-builder-context';
import { hasBlankConditions } from '../builder/rule-fields';
import { emptyRules, withIds } from '../builder/rule-tree';
import type { SegmentFields, SegmentPreview, SegmentRules } from '../builder/rule-types';

/** How long the live count waits for the editing to pause before it asks the API. */
export const PREVIEW_DEBOUNCE_MS = new InjectionToken<number>('PREVIEW_DEBOUNCE_MS', { factory: () => 400 });

/** Segments offered to segment conditions (the API's largest page). */
export const SEGMENT_CHOICES = 200;

/** What the editor starts from: a saved segment, a playbook, or nothing. */
export interface SegmentDraft {
  name: string;
  description: string;
  rules: SegmentRules;
}

/** The live count: the last answer, or why there is none; `pending` while an edit is not counted yet. */
export interface LivePreview {
  result: SegmentPreview | null;
  problem: Problem | null;
  /** Some condition has no field yet: nothing to count. */
  incomplete: boolean;
  pending: boolean;
}

interface PreviewRequest {
  rules: SegmentRules;
  segmentId?: string;
}

/**
 * The segment editor's data: the field catalogue and the other segments for the builder's pickers, the
 * segment or playbook to start from, the live count (debounced, the latest edit wins), and saving.
 */
@Injectable()
export class SegmentEditorStore {
  private readonly api = inject(SegmentsService);
  private readonly debounceMs = inject(PREVIEW_DEBOUNCE_MS);

  private readonly _fields = signal<SegmentFields | null>(null);
  private readonly _segments = signal<SegmentOption[]>([]);
  private readonly _draft = signal<SegmentDraft | null>(null);
  private readonly status = new LoadStatus();
  private readonly _preview = signal<LivePreview>({ result: null, problem: null, incomplete: false, pending: false });
  /** The last edit to count; null when it cannot be counted (a condition without a field). */
  private latest: PreviewRequest | null = null;
  private readonly edits = new Subject<PreviewRequest | null>();

  readonly fields = this._fields.asReadonly();
  readonly segments = this._segments.asReadonly();
  /** What the form and the builder start from; null while loading. */
  readonly draft = this._draft.asReadonly();
  readonly loading = this.status.loading;
  readonly error = this.status.error;
  readonly preview = this._preview.asReadonly();

  constructor() {
    const subscription = this.edits
      .pipe(
        debounceTime(this.debounceMs),
        switchMap((request) => (request ? this.previewOf(request) : EMPTY)),
      )
      .subscribe(({ request, result, problem }) =>
        this._preview.set({
          result: result ?? this._preview().result,
          problem,
          incomplete: this.latest === null,
          // An answer for an older tree (landing while the newest waits for the pause) is shown, still pending.
          pending: request !== this.latest,
        }),
      );
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  /** Loads the pickers' data and what to start from: segment `id`, else playbook `playbookKey`, else an empty tree. */
  open(id?: string, playbookKey?: string): void {
    call(() => this.api.getSegmentFields()).subscribe({
      next: (fields) => this._fields.set(fields),
      // The builder still offers orders and segment conditions; the live count names any field problem.
      error: () => undefined,
    });
    call(() => this.api.listSegments({ limit: SEGMENT_CHOICES })).subscribe({
      next: (page) => this._segments.set(page.items.filter((s) => s.id !== id).map((s) => ({ id: s.id, name: s.name }))),
      error: () => undefined,
    });
    this._draft.set(null);
    this.status.run(this.startingPoint(id, playbookKey), (draft) => this._draft.set({ ...draft, rules: withIds(draft.rules) }));
  }

  /** Counts `rules` once the editing pauses; a newer edit cancels an older count still running. */
  count(rules: SegmentRules, segmentId?: string): void {
    this.latest = hasBlankConditions(rules) ? null : { rules, segmentId };
    this._preview.update((p) => ({ ...p, incomplete: this.latest === null, pending: this.latest !== null }));
    this.edits.next(this.latest);
  }

  /** Creates the segment, or updates segment `id`. */
  save(draft: SegmentDraft, id?: string): Observable<{ id: string }> {
    const body = { name: draft.name, description: draft.description || null, rules: draft.rules };
    return id ? call(() => this.api.updateSegment({ id, body })) : call(() => this.api.createSegment({ body }));
  }

  private previewOf(
    request: PreviewRequest,
  ): Observable<{ request: PreviewRequest; result: SegmentPreview | null; problem: Problem | null }> {
    return call(() => this.api.previewSegment({ body: request })).pipe(
      map((result) => ({ request, result, problem: null })),
      catchError((err: unknown) => of({ request, result: null, problem: toProblem(err) })),
    );
  }

  private startingPoint(id?: string, playbookKey?: string): Observable<SegmentDraft> {
    if (id) {
      return call(() => this.api.getSegment({ id })).pipe(map((s) => ({ name: s.name, description: s.description ?? '', rules: s.rules })));
    }
    if (playbookKey) {
      return call(() => this.api.listSegmentPlaybooks()).pipe(
        map((playbooks) => {
          const playbook = playbooks.find((p) => p.key === playbookKey);
          if (!playbook) throw new Error(`There is no playbook "${playbookKey}".`);
          return { name: playbook.name, description: playbook.description, rules: playbook.rules };
        }),
      );
    }
    return of({ name: '', description: '', rules: emptyRules() });
  }
}

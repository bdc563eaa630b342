import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { CustomerImportsService, CustomersService } from '@lodestar/contracts';
import {
  map,
  Observable,
  Subscription,
  switchMap,
  takeWhile,
  tap,
  timer,
} from 'rxjs';
import type {
  CustomerImport,
  CustomerImportDetail,
  CustomerImportError,
  ImportMapping,
  SavedImportMapping,
} from '../models/import-api';
import { call } from '../../../core/api/call';
import { SessionStore } from '../../../core/auth/session.store';
import { Problem, toProblem } from '../../../core/errors/problem';
import { injectCursorList } from '../../../shared/data/cursor-list';
import { LoadStatus } from '../../../shared/data/load-status';
import { isFinished } from '../models/import-status';

/** How often a running import is asked for its progress. */
export const POLL_INTERVAL_MS = 1000;
/** Recent imports shown on the upload step, per page. */
export const RECENT_PAGE_SIZE = 5;
/** Rejected rows shown on the result step, per page. */
export const ERRORS_PAGE_SIZE = 50;

/**
 * The import wizard's data: recent imports, the import being mapped or followed (polled while it
 * runs), its rejected rows and error report, and saved mappings. Provided by the wizard page, so
 * polling stops when the page is left.
 */
@Injectable()
export class CustomerImportsStore {
  private readonly api = inject(CustomerImportsService);
  private readonly customers = inject(CustomersService);
  private readonly session = inject(SessionStore);

  readonly recent = injectCursorList<CustomerImport, null>(
    (_filter, cursor) =>
      call(() =>
        this.api.listCustomerImports({ cursor, limit: RECENT_PAGE_SIZE }),
      ),
    null,
  );

  /** Rejected rows of the current import, in file order; the filter is the import id. */
  readonly errors = injectCursorList<CustomerImportError, string>(
    (id, cursor) =>
      call(() =>
        this.api.listCustomerImportErrors({
          id,
          cursor,
          limit: ERRORS_PAGE_SIZE,
        }),
      ),
    '',
  );

  private readonly _current = signal<CustomerImportDetail | null>(null);
  private readonly opening = new LoadStatus();
  private readonly _followError = signal<Problem | null>(null);
  private readonly _savedMappings = signal<SavedImportMapping[]>([]);
  private readonly _knownAttributes = signal<string[]>([]);
  private polling: Subscription | null = null;

  /** The import on screen: uploaded, running or finished. */
  readonly current = this._current.asReadonly();
  readonly loading = this.opening.loading;
  readonly error = this.opening.error;
  /** Why following a running import stopped (the run itself goes on). */
  readonly followError = this._followError.asReadonly();
  readonly savedMappings = this._savedMappings.asReadonly();
  /** Attribute names customers already have, offered when a column becomes an attribute. */
  readonly knownAttributes = this._knownAttributes.asReadonly();

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.stopFollowing();
      this.opening.cancel();
    });
  }

  /** Sends a file (multipart, through the generated client); the answer is the import to map. */
  upload(file: File): Observable<CustomerImportDetail> {
    return call(() => this.api.uploadCustomerImport({ body: { file } })).pipe(
      tap((detail) => this.show(detail)),
    );
  }

  /** Loads an import by id (a reopened link), then follows it if it runs or lists its rejections if done. */
  open(id: string): void {
    this.stopFollowing();
    this._current.set(null);
    this.opening.run(
      call(() => this.api.getCustomerImport({ id })),
      (detail) => this.show(detail),
    );
  }

  /** Starts the current import with a mapping (optionally saving it by name), then follows it. */
  start(
    mapping: ImportMapping,
    saveMappingAs?: string,
  ): Observable<CustomerImportDetail> {
    const id = this.requireCurrent().id;
    return call(() =>
      this.api.startCustomerImport({
        id,
        body: saveMappingAs ? { mapping, saveMappingAs } : { mapping },
      }),
    ).pipe(tap((detail) => this.show(detail)));
  }

  /** Polls the current import every second until it has completed or failed. */
  follow(): void {
    const id = this.requireCurrent().id;
    this.stopFollowing();
    this._followError.set(null);
    this.polling = timer(POLL_INTERVAL_MS, POLL_INTERVAL_MS)
      .pipe(
        switchMap(() => call(() => this.api.getCustomerImport({ id }))),
        takeWhile((detail) => !isFinished(detail.status), true),
      )
      .subscribe({
        next: (detail) => this.show(detail, false),
        error: (err: unknown) => this._followError.set(toProblem(err)),
      });
  }

  /** The rejected rows as the API's CSV report (row, column, value, reason). */
  errorReport(): Observable<Blob> {
    const id = this.requireCurrent().id;
    return call(() => this.api.downloadCustomerImportErrorReport({ id })).pipe(
      map((csv) => new Blob([csv], { type: 'text/csv;charset=utf-8' })),
    );
  }

  loadSavedMappings(): void {
    call(() => this.api.listImportMappings({ limit: 100 })).subscribe({
      next: (page) => this._savedMappings.set(page.items),
      error: () => this._savedMappings.set([]),
    });
  }

  /** Attribute keys in use, when the user may read customers; suggestions only, so failures are quiet. */
  loadKnownAttributes(): void {
    if (!this.session.can('customers:read')) return;
    call(() => this.customers.getCustomerFacets()).subscribe({
      next: (facets) =>
        this._knownAttributes.set(facets.attributes.map((a) => a.key).sort()),
      error: () => this._knownAttributes.set([]),
    });
  }

  private show(detail: CustomerImportDetail, follow = true): void {
    this._current.set(detail);
    if (!isFinished(detail.status)) {
      if (follow && detail.status !== 'uploaded') this.follow();
      return;
    }
    this.stopFollowing();
    if (detail.rejectedCount > 0 && this.errors.filter() !== detail.id) {
      this.errors.load(detail.id);
    }
  }

  private stopFollowing(): void {
    this.polling?.unsubscribe();
    this.polling = null;
  }

  private requireCurrent(): CustomerImportDetail {
    const current = this._current();
    if (!current) throw new Error('No import is open');
    return current;
  }
}

import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  OnInit,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatListModule } from '@angular/material/list';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { DomSanitizer, SafeHtml } from '@angular/platform-browser';
import { Router } from '@angular/router';
import { problemMessage } from '../../../../core/errors/problem';
import { reloadOnFilterChange } from '../../../../shared/data/reload-on-filter-change';
import { CopyButton } from '../../../../shared/copy-button/copy-button';
import { EmptyState } from '../../../../shared/empty-state/empty-state';
import { ListStatus } from '../../../../shared/list-status/list-status';
import { LoadMore } from '../../../../shared/load-more/load-more';
import { NoMatches } from '../../../../shared/no-matches/no-matches';
import { PageHeader } from '../../../../shared/page-header/page-header';
import {
  EMAIL_TEMPLATES,
  EmailStatusFilter,
  EmailStore,
  EmailTemplateFilter,
} from '../../data/email.store';
import { extractLinks, previewDocument } from '../../models/email-links';

/** `/email`: every platform email, and the sandbox inbox when no provider is configured. */
@Component({
  selector: 'app-email-log-page',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatListModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatIconModule,
    MatProgressBarModule,
    PageHeader,
    EmptyState,
    NoMatches,
    ListStatus,
    LoadMore,
    CopyButton,
  ],
  templateUrl: './email-log.html',
  styleUrl: './email-log.scss',
  providers: [EmailStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmailLogPage implements OnInit {
  /** `?id=` selects a message (deep link). */
  readonly id = input<string>();

  protected readonly store = inject(EmailStore);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly router = inject(Router);

  protected readonly problemMessage = problemMessage;
  protected readonly templates = EMAIL_TEMPLATES;
  protected readonly view = signal<'html' | 'text'>('html');
  protected readonly filters = inject(NonNullableFormBuilder).group({
    to: [''],
    template: ['' as EmailTemplateFilter],
    status: ['' as EmailStatusFilter],
  });

  /**
   * The email HTML for the iframe's srcdoc. Trusted on purpose: the iframe is sandboxed with no
   * scripts and an opaque origin, which is the isolation; Angular's sanitizer would strip the
   * inline styles emails depend on.
   */
  protected readonly srcdoc = computed<SafeHtml | null>(() => {
    const html = this.store.selected()?.html;
    return html
      ? this.sanitizer.bypassSecurityTrustHtml(previewDocument(html))
      : null;
  });
  protected readonly links = computed(() => {
    const html = this.store.selected()?.html;
    return html ? extractLinks(html) : [];
  });
  protected readonly filtered = computed(() => {
    const f = this.store.list.filter();
    return !!(f.to || f.template || f.status);
  });

  constructor() {
    reloadOnFilterChange(this.filters, this.store.list);
  }

  ngOnInit(): void {
    this.store.list.load(this.filters.getRawValue());
    const id = this.id();
    if (id) this.store.select(id);
  }

  protected open(id: string): void {
    this.store.select(id);
    this.view.set('html');
    void this.router.navigate([], { queryParams: { id }, replaceUrl: true });
  }

  protected close(): void {
    this.store.select(null);
    void this.router.navigate([], { queryParams: {}, replaceUrl: true });
  }

  protected clearFilters(): void {
    this.filters.setValue({ to: '', template: '', status: '' });
  }
}

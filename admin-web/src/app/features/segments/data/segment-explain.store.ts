import { inject, Injectable, signal } from '@angular/core';
import { CustomersService, SegmentsService } from '@lodestar/contracts';
import { map, Observable } from 'rxjs';
import { call } from '../../../core/api/call';
import { LoadStatus } from '../../../shared/data/load-status';
import type { Customer } from '../../customers/models/customer-api';
import type { SegmentExplanation } from '../models/segment-api';

/** How many customers the "Check a customer" search suggests. */
export const CUSTOMER_SUGGESTIONS = 8;

/** Why one customer is (or is not) in a segment, and finding the customer to ask about. */
@Injectable()
export class SegmentExplainStore {
  private readonly api = inject(SegmentsService);
  private readonly customers = inject(CustomersService);

  private readonly _explanation = signal<SegmentExplanation | null>(null);
  private readonly status = new LoadStatus();
  readonly explanation = this._explanation.asReadonly();
  readonly loading = this.status.loading;
  readonly error = this.status.error;

  explain(segmentId: string, customerId: string): void {
    this._explanation.set(null);
    this.status.run(
      call(() => this.api.explainSegmentMembership({ id: segmentId, customerId })),
      (e) => this._explanation.set(e),
    );
  }

  close(): void {
    this.status.cancel();
    this._explanation.set(null);
  }

  /** Customers whose name, email, phone or external id contains `q`. */
  searchCustomers(q: string): Observable<Customer[]> {
    return call(() => this.customers.listCustomers({ q, limit: CUSTOMER_SUGGESTIONS })).pipe(map((page) => page.items));
  }
}

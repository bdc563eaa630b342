import { Injectable, signal } from '@angular/core';
import type { Params } from '@angular/router';

/**
 * The query params of the customer list last shown, so "← Customers" on the 360 and exports pages
 * goes back to the same search, filters and sort.
 */
@Injectable({ providedIn: 'root' })
export class CustomerListMemory {
  private readonly _params = signal<Params>({});
  readonly params = this._params.asReadonly();

  remember(params: Params): void {
    this._params.set(params);
  }
}

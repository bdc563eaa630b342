import { DOCUMENT, inject, Injectable, signal } from '@angular/core';
import {
  CustomerColumn,
  DEFAULT_COLUMNS,
  parseColumns,
  toggleColumn,
} from '../models/customer-columns';

export const COLUMNS_STORAGE_KEY = 'lodestar.customers.columns';

/** The columns a user chose for the customer list, kept in this browser's localStorage. */
@Injectable({ providedIn: 'root' })
export class CustomerColumnsPreference {
  private readonly storage = storageOf(inject(DOCUMENT));
  private readonly _columns = signal(parseColumns(this.read()));
  readonly columns = this._columns.asReadonly();

  toggle(key: CustomerColumn): void {
    this.save(toggleColumn(this._columns(), key));
  }

  reset(): void {
    this.save([...DEFAULT_COLUMNS]);
  }

  private save(columns: CustomerColumn[]): void {
    this._columns.set(columns);
    try {
      this.storage?.setItem(COLUMNS_STORAGE_KEY, JSON.stringify(columns));
    } catch {
      // Storage full or blocked: the choice lasts for this visit only.
    }
  }

  private read(): string | null {
    try {
      return this.storage?.getItem(COLUMNS_STORAGE_KEY) ?? null;
    } catch {
      return null;
    }
  }
}

function storageOf(doc: Document): Storage | null {
  try {
    return doc.defaultView?.localStorage ?? null;
  } catch {
    return null;
  }
}

import { TestBed } from '@angular/core/testing';
import {
  COLUMNS_STORAGE_KEY,
  CustomerColumnsPreference,
} from './column-preferences';
import { DEFAULT_COLUMNS } from '../models/customer-columns';

describe('CustomerColumnsPreference', () => {
  beforeEach(() => localStorage.clear());

  it('starts from what this browser saved, and saves each change', () => {
    localStorage.setItem(COLUMNS_STORAGE_KEY, '["email","clv"]');
    const preference = TestBed.inject(CustomerColumnsPreference);
    expect(preference.columns()).toEqual(['name', 'email', 'clv']);

    preference.toggle('orderCount');
    expect(preference.columns()).toEqual(['name', 'email', 'orderCount', 'clv']);
    expect(JSON.parse(localStorage.getItem(COLUMNS_STORAGE_KEY) ?? '')).toEqual([
      'name',
      'email',
      'orderCount',
      'clv',
    ]);

    preference.reset();
    expect(preference.columns()).toEqual(DEFAULT_COLUMNS);
  });

  it('uses the defaults when nothing usable was saved', () => {
    localStorage.setItem(COLUMNS_STORAGE_KEY, '{broken');
    expect(TestBed.inject(CustomerColumnsPreference).columns()).toEqual(
      DEFAULT_COLUMNS,
    );
  });
});

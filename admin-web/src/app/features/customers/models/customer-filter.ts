import {
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ValidatorFn,
  Validators,
} from '@angular/forms';
import type { ParamMap, Params } from '@angular/router';
import type {
  ChurnRisk,
  ConsentStatus,
  CustomerExportFilters,
  CustomerSort,
  RfmTier,
} from './customer-api';
import { CHURN_RISKS, CONSENT_STATUSES, RFM_TIERS } from './traits';

export type NightBuyerFilter = '' | 'yes' | 'no';

/** What the customer list shows: search, filters and sort, as the form holds them. */
export interface CustomerFilter {
  q: string;
  country: string[];
  tag: string[];
  rfmTier: RfmTier[];
  churnRisk: ChurnRisk[];
  nightBuyer: NightBuyerFilter;
  consentEmail: ConsentStatus | '';
  minTotalSpent: number | null;
  maxTotalSpent: number | null;
  minOrderCount: number | null;
  maxOrderCount: number | null;
  lastOrderFrom: Date | null;
  lastOrderTo: Date | null;
  sort: CustomerSort;
}

/** Newest customers first, as the API does without a sort. */
export const DEFAULT_SORT: CustomerSort = '-createdAt';

export const EMPTY_CUSTOMER_FILTER: CustomerFilter = {
  q: '',
  country: [],
  tag: [],
  rfmTier: [],
  churnRisk: [],
  nightBuyer: '',
  consentEmail: '',
  minTotalSpent: null,
  maxTotalSpent: null,
  minOrderCount: null,
  maxOrderCount: null,
  lastOrderFrom: null,
  lastOrderTo: null,
  sort: DEFAULT_SORT,
};

export type CustomerFilterForm = FormGroup<{
  q: FormControl<string>;
  country: FormControl<string[]>;
  tag: FormControl<string[]>;
  rfmTier: FormControl<RfmTier[]>;
  churnRisk: FormControl<ChurnRisk[]>;
  nightBuyer: FormControl<NightBuyerFilter>;
  consentEmail: FormControl<ConsentStatus | ''>;
  minTotalSpent: FormControl<number | null>;
  maxTotalSpent: FormControl<number | null>;
  minOrderCount: FormControl<number | null>;
  maxOrderCount: FormControl<number | null>;
  lastOrderFrom: FormControl<Date | null>;
  lastOrderTo: FormControl<Date | null>;
  sort: FormControl<CustomerSort>;
}>;

/** A whole number (order counts); blank passes. */
const wholeNumber: ValidatorFn = (control) =>
  control.value === null || Number.isInteger(control.value)
    ? null
    : { wholeNumber: true };

export function customerFilterForm(
  fb: NonNullableFormBuilder,
): CustomerFilterForm {
  const amount = () =>
    new FormControl<number | null>(null, Validators.min(0));
  const count = () =>
    new FormControl<number | null>(null, [Validators.min(0), wholeNumber]);
  return fb.group({
    q: fb.control(''),
    country: fb.control<string[]>([]),
    tag: fb.control<string[]>([]),
    rfmTier: fb.control<RfmTier[]>([]),
    churnRisk: fb.control<ChurnRisk[]>([]),
    nightBuyer: fb.control<NightBuyerFilter>(''),
    consentEmail: fb.control<ConsentStatus | ''>(''),
    minTotalSpent: amount(),
    maxTotalSpent: amount(),
    minOrderCount: count(),
    maxOrderCount: count(),
    lastOrderFrom: new FormControl<Date | null>(null),
    lastOrderTo: new FormControl<Date | null>(null),
    sort: fb.control<CustomerSort>(DEFAULT_SORT),
  });
}

/** True when anything but the sort narrows the list. */
export function isFiltered(filter: CustomerFilter): boolean {
  return Object.keys(toQueryParams({ ...filter, sort: DEFAULT_SORT })).length > 0;
}

/** The filters behind "More filters" (query-param names). */
const MORE_FILTERS = [
  'tag',
  'nightBuyer',
  'consentEmail',
  'minTotalSpent',
  'maxTotalSpent',
  'minOrderCount',
  'maxOrderCount',
  'lastOrderFrom',
  'lastOrderTo',
];

/** How many of the filters behind "More filters" are set. */
export function moreFiltersSet(filter: CustomerFilter): number {
  const params = toQueryParams(filter);
  return MORE_FILTERS.filter((key) => key in params).length;
}

function startOfDay(day: Date, addDays = 0): Date {
  const d = new Date(day);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() + addDays);
  return d;
}

/**
 * Filter → API query (list and CSV export take the same): blanks dropped, the last-order range
 * covering whole local days (the upper bound is exclusive, so it is the start of the next day).
 */
export function toCustomerQuery(filter: CustomerFilter): CustomerExportFilters {
  const query: CustomerExportFilters = { sort: filter.sort };
  const q = filter.q.trim();
  if (q) query.q = q;
  if (filter.country.length) query.country = [...filter.country];
  if (filter.tag.length) query.tag = [...filter.tag];
  if (filter.rfmTier.length) query.rfmTier = [...filter.rfmTier];
  if (filter.churnRisk.length) query.churnRisk = [...filter.churnRisk];
  if (filter.nightBuyer) query.nightBuyer = filter.nightBuyer === 'yes';
  if (filter.consentEmail) query.consentEmail = filter.consentEmail;
  if (filter.minTotalSpent !== null) query.minTotalSpent = filter.minTotalSpent;
  if (filter.maxTotalSpent !== null) query.maxTotalSpent = filter.maxTotalSpent;
  if (filter.minOrderCount !== null) query.minOrderCount = filter.minOrderCount;
  if (filter.maxOrderCount !== null) query.maxOrderCount = filter.maxOrderCount;
  if (filter.lastOrderFrom)
    query.lastOrderAfter = startOfDay(filter.lastOrderFrom).toISOString();
  if (filter.lastOrderTo)
    query.lastOrderBefore = startOfDay(filter.lastOrderTo, 1).toISOString();
  return query;
}

// ── The filter in the URL, so a filtered list can be bookmarked and shared ─────────────────────

const pad = (n: number) => String(n).padStart(2, '0');
/** A local calendar day as `YYYY-MM-DD`. */
const dayParam = (d: Date) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

function parseDay(value: string | null): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getMonth() === Number(m[2]) - 1 ? d : null;
}

function parseNumber(value: string | null, whole = false): number | null {
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) return null;
  return whole && !Number.isInteger(n) ? null : n;
}

const oneOf = <T extends string>(
  allowed: readonly T[],
  value: string | null,
): value is T => allowed.includes(value as T);

/** Filter → query params; only what differs from the defaults (an unfiltered list has none). */
export function toQueryParams(filter: CustomerFilter): Params {
  const params: Params = {};
  const q = filter.q.trim();
  if (q) params['q'] = q;
  if (filter.country.length) params['country'] = [...filter.country];
  if (filter.tag.length) params['tag'] = [...filter.tag];
  if (filter.rfmTier.length) params['rfmTier'] = [...filter.rfmTier];
  if (filter.churnRisk.length) params['churnRisk'] = [...filter.churnRisk];
  if (filter.nightBuyer) params['nightBuyer'] = filter.nightBuyer;
  if (filter.consentEmail) params['consentEmail'] = filter.consentEmail;
  for (const key of [
    'minTotalSpent',
    'maxTotalSpent',
    'minOrderCount',
    'maxOrderCount',
  ] as const) {
    if (filter[key] !== null) params[key] = String(filter[key]);
  }
  if (filter.lastOrderFrom)
    params['lastOrderFrom'] = dayParam(filter.lastOrderFrom);
  if (filter.lastOrderTo) params['lastOrderTo'] = dayParam(filter.lastOrderTo);
  if (filter.sort !== DEFAULT_SORT) params['sort'] = filter.sort;
  return params;
}

const SORTS: readonly CustomerSort[] = [
  'createdAt',
  'name',
  'email',
  'totalSpent',
  'orderCount',
  'lastOrderAt',
  'clv',
  'engagementScore',
].flatMap((field) => [field, `-${field}`] as CustomerSort[]);

/** Query params → filter; values that are not valid (a hand-edited link) are ignored. */
export function fromQueryParams(params: ParamMap): CustomerFilter {
  const sort = params.get('sort');
  const nightBuyer = params.get('nightBuyer');
  const consentEmail = params.get('consentEmail');
  return {
    q: params.get('q') ?? '',
    country: params
      .getAll('country')
      .map((c) => c.toUpperCase())
      .filter((c) => /^[A-Z]{2}$/.test(c)),
    tag: params.getAll('tag').filter((t) => t.trim() !== ''),
    rfmTier: params
      .getAll('rfmTier')
      .filter((t): t is RfmTier => oneOf(RFM_TIERS, t)),
    churnRisk: params
      .getAll('churnRisk')
      .filter((r): r is ChurnRisk => oneOf(CHURN_RISKS, r)),
    nightBuyer:
      nightBuyer === 'yes' || nightBuyer === 'no' ? nightBuyer : '',
    consentEmail: oneOf(CONSENT_STATUSES, consentEmail) ? consentEmail : '',
    minTotalSpent: parseNumber(params.get('minTotalSpent')),
    maxTotalSpent: parseNumber(params.get('maxTotalSpent')),
    minOrderCount: parseNumber(params.get('minOrderCount'), true),
    maxOrderCount: parseNumber(params.get('maxOrderCount'), true),
    lastOrderFrom: parseDay(params.get('lastOrderFrom')),
    lastOrderTo: parseDay(params.get('lastOrderTo')),
    sort: sort !== null && oneOf(SORTS, sort) ? sort : DEFAULT_SORT,
  };
}

/** Same list: equal once written as query params (dates compared by day). */
export function sameFilter(a: CustomerFilter, b: CustomerFilter): boolean {
  return JSON.stringify(toQueryParams(a)) === JSON.stringify(toQueryParams(b));
}

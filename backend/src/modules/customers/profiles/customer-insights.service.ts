import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../platform/access/actor';
import { CHURN_RISKS, RFM_TIERS } from '../customers.types';
import { CustomerInsightsRepository } from './customer-insights.repository';
import type { MonthRow } from './customer-insights.repository';
import { CustomersRepository } from './customers.repository';
import { requirePermission } from '../../../platform/access/require-permission';
import type { CustomerFacetsDto, CustomerSpendDto, CustomerStatsDto, FacetValueDto, MonthlySpendDto } from './dto/customer-insights.dto';
import { profilesError } from './profiles.errors';

const STATS_MONTHS = 24;
const DEFAULT_SPEND_MONTHS = 24;

/** Facets for filter pickers, the overview stats and a customer's monthly spend (charts). */
@Injectable()
export class CustomerInsightsService {
  constructor(
    private readonly insights: CustomerInsightsRepository,
    private readonly customers: CustomersRepository,
  ) {}

  async facets(actor: Actor): Promise<CustomerFacetsDto> {
    requirePermission(actor, 'customers:read');
    const ws = actor.workspaceId;
    const [countries, tags, attributes, orderCategories, tiers, risks] = await Promise.all([
      this.insights.countries(ws),
      this.insights.tags(ws),
      this.insights.attributeKeys(ws),
      this.insights.orderCategories(ws),
      this.insights.traitCounts(ws, 'rfm_tier'),
      this.insights.traitCounts(ws, 'churn_risk'),
    ]);
    return { countries, tags, attributes, orderCategories, rfmTiers: everyValue(RFM_TIERS, tiers), churnRisks: everyValue(CHURN_RISKS, risks) };
  }

  async stats(actor: Actor): Promise<CustomerStatsDto> {
    requirePermission(actor, 'customers:read');
    const ws = actor.workspaceId;
    const [counts, months, tiers] = await Promise.all([
      this.insights.customerCounts(ws),
      this.insights.monthly(ws, STATS_MONTHS),
      this.insights.traitCounts(ws, 'rfm_tier'),
    ]);
    return {
      totalCustomers: counts.total,
      customersWithOrders: counts.withOrders,
      erasedCustomers: counts.erased,
      months: months.map(toMonthlySpend),
      rfmTiers: everyValue(RFM_TIERS, tiers),
      unscoredCustomers: tiers.find((t) => t.value === null)?.count ?? 0,
    };
  }

  async spend(actor: Actor, customerId: string, months = DEFAULT_SPEND_MONTHS): Promise<CustomerSpendDto> {
    requirePermission(actor, 'customers:read');
    if (!(await this.customers.findById(actor.workspaceId, customerId))) throw profilesError.customerNotFound();
    const rows = await this.insights.monthly(actor.workspaceId, months, customerId);
    return { months: rows.map(toMonthlySpend) };
  }
}

const toMonthlySpend = (r: MonthRow): MonthlySpendDto => ({ month: r.month, revenue: Number(r.revenue), orders: r.orders });

/** Counts for every known value, in the catalogue's order, zero where none. */
function everyValue(values: readonly string[], counts: { value: string | null; count: number }[]): FacetValueDto[] {
  return values.map((value) => ({ value, count: counts.find((c) => c.value === value)?.count ?? 0 }));
}

import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../platform/access/actor';
import { Transactions } from '../../../platform/database/transactions';
import { AuditService } from '../../audit/audit.service';
import { CustomerImportsService } from '../imports/customer-imports.service';
import type { Customer } from '../entities/customer.entity';
import { toEventDto, toOrderDto } from './activity.mapper';
import { CustomerActivityRepository } from './customer-activity.repository';
import { CustomersRepository } from './customers.repository';
import type { CustomerErasureDto, CustomerPersonalDataDto } from './dto/personal-data.dto';
import { profilesError } from './profiles.errors';
import { toProfileDto, toTraitsDto } from './profiles.mapper';
import { requirePermission } from '../../../platform/access/require-permission';

/** The profile fields erasure blanks (the country stays; see {@link CustomersRepository.erase}). */
const PERSONAL_FIELDS = ['externalId', 'email', 'phone', 'firstName', 'lastName', 'city', 'locale', 'timezone', 'attributes', 'tags', 'consent'] as const;

const holdsData = (value: unknown) =>
  value !== null && value !== undefined && !(Array.isArray(value) && !value.length) && !(typeof value === 'object' && !Object.keys(value as object).length);

/**
 * GDPR: the export of everything stored about one customer (right of access / portability) and erasure
 * (right to be forgotten). Erasure blanks personal data but keeps orders, line items and traits so
 * revenue and RFM aggregates stay right; erasing an erased customer again is a 409.
 */
@Injectable()
export class CustomerGdprService {
  constructor(
    private readonly customers: CustomersRepository,
    private readonly activity: CustomerActivityRepository,
    private readonly audit: AuditService,
    private readonly imports: CustomerImportsService,
    private readonly transactions: Transactions,
  ) {}

  async exportPersonalData(actor: Actor, id: string): Promise<CustomerPersonalDataDto> {
    requirePermission(actor, 'customers:export');
    const ws = actor.workspaceId;
    return this.transactions.run(async (m) => {
      const customer = await this.customers.findById(ws, id, m);
      if (!customer) throw profilesError.customerNotFound();
      const [traits, orders, events] = await Promise.all([
        this.customers.findTraits(ws, id, m),
        this.activity.orders(ws, id, undefined, m),
        this.activity.events(ws, id, undefined, m),
      ]);
      await this.audit.record(
        actor,
        { action: 'customer.personal_data_export', objectType: 'customer', objectId: id, after: { orders: orders.length, events: events.length } },
        m,
      );
      return { exportedAt: new Date(), profile: toProfileDto(customer), traits: toTraitsDto(traits), orders: orders.map(toOrderDto), events: events.map(toEventDto) };
    });
  }

  async erase(actor: Actor, id: string): Promise<CustomerErasureDto> {
    requirePermission(actor, 'customers:erase');
    const ws = actor.workspaceId;
    return this.transactions.run(async (m) => {
      const customer = await this.customers.findById(ws, id, m, true);
      if (!customer) throw profilesError.customerNotFound();
      if (customer.erasedAt) throw profilesError.erased();
      const erasedFields = PERSONAL_FIELDS.filter((f) => holdsData(customer[f as keyof Customer]));
      const identifiers = [customer.email, customer.phone, customer.externalId].filter((v): v is string => !!v);
      const erasedAt = await this.customers.erase(ws, id, m);
      const eventsScrubbed = await this.activity.scrubEventProperties(ws, id, m);
      const importValuesCleared = await this.imports.forgetPersonalValues(ws, identifiers, m);
      const { orders } = await this.customers.countActivity(ws, id, m);
      const result: CustomerErasureDto = { id, erasedAt, erasedFields, eventsScrubbed, ordersKept: orders };
      // Field names and counts only: copying the values here would keep what was just erased.
      await this.audit.record(actor, { action: 'customer.erase', objectType: 'customer', objectId: id, after: { erasedFields, eventsScrubbed, importValuesCleared, ordersKept: orders } }, m);
      return result;
    });
  }
}

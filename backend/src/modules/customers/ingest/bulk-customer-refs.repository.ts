import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface CustomerIdentity {
  id: string;
  externalId: string | null;
  email: string | null;
}

/** Looks customers up by their identifiers for orders and events of a batch; scoped to one workspace. */
@Injectable()
export class CustomerRefsRepository {
  /** Customers of the workspace whose external id is in `externalIds` or whose email is in `emails`. */
  findByIdentifiers(workspaceId: string, externalIds: string[], emails: string[], manager: EntityManager): Promise<CustomerIdentity[]> {
    return manager.query(
      `SELECT id, external_id AS "externalId", email FROM customers
       WHERE workspace_id = $1 AND (external_id = ANY($2::text[]) OR email = ANY($3::text[]))`,
      [workspaceId, externalIds, emails],
    );
  }
}

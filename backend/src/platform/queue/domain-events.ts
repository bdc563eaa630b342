import type { Actor } from '../access/actor';

/**
 * Events one module publishes and another reacts to, carried by Bull so that neither imports the other
 * (no dependency cycles between modules). Each event has its own queue and exactly one consuming module;
 * a second consumer gets a queue of its own, published to by the same event's publisher.
 */

/** The customers demo data is in a workspace (published once its transaction committed). Consumed by segments (demo segments). */
export const CUSTOMERS_DEMO_LOADED_QUEUE = 'customers-demo-loaded';
export const CUSTOMERS_DEMO_LOADED = 'customers.demo-loaded';

export interface CustomersDemoLoaded {
  workspaceId: string;
  /** Who asked for the demo data (a user, an API key, or the system at start-up), for the audit log. */
  requestedBy: Pick<Actor, 'type' | 'id' | 'label'>;
}

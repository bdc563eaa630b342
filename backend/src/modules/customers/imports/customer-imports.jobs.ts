/** The queue of customer file imports. */
export const CUSTOMER_IMPORTS_QUEUE = 'customer-imports';

export enum CustomerImportJobName {
  /** Read one stored import file and upsert its rows, batch by batch. */
  Run = 'run',
}

export interface RunCustomerImportJob {
  workspaceId: string;
  importId: string;
}

export interface CustomerImportJobPayloads {
  [CustomerImportJobName.Run]: RunCustomerImportJob;
}

/** The queue of customer CSV exports. */
export const CUSTOMER_EXPORTS_QUEUE = 'customer-exports';

export enum CustomerExportJobName {
  /** Write the CSV of one `customer_exports` row into the file storage. */
  Write = 'write',
}

export interface WriteCustomerExportJob {
  workspaceId: string;
  exportId: string;
}

export interface CustomerExportJobPayloads {
  [CustomerExportJobName.Write]: WriteCustomerExportJob;
}

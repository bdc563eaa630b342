export const ITEM_STATUSES = ['created', 'updated', 'rejected'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** What happened to one item of a batch. */
export interface ItemResult {
  /** 0-based position of the item in the batch. */
  index: number;
  status: ItemStatus;
  /** Id of the stored customer, order or event. */
  id?: string;
  /** Why the item was rejected, and which field (dot path inside the item) was at fault. */
  reason?: string;
  field?: string;
}

export interface BatchResponse {
  results: ItemResult[];
  summary: Record<ItemStatus, number>;
}

export const rejected = (index: number, reason: string, field?: string): ItemResult => ({
  index,
  status: 'rejected',
  reason,
  ...(field ? { field } : {}),
});

/** Results in item order with the count of each status. */
export function toBatchResponse(results: ItemResult[]): BatchResponse {
  const sorted = [...results].sort((a, b) => a.index - b.index);
  const summary = { created: 0, updated: 0, rejected: 0 };
  for (const r of sorted) summary[r.status]++;
  return { results: sorted, summary };
}

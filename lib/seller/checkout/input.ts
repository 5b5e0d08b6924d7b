import type { Buyer, FulfillmentDetails } from '@/lib/acp/types';
import type { ShippingRateId } from '@/lib/seller/policies';

/** What an agent asked for in a session, kept as given (after validation); the quote is derived from it. */
export interface SessionInput {
  items: { id: string; quantity: number }[];
  buyer?: Buyer;
  fulfillmentDetails?: FulfillmentDetails;
  /** The shipping rate the agent chose; the cheapest one applies until it does. */
  shippingOptionId?: ShippingRateId | string;
  locale?: string;
  orderNotes?: string;
  metadata?: Record<string, unknown>;
}

/** The same item listed twice is one line with the quantities added, in first-seen order. */
export function mergeItems(items: { id: string; quantity?: number }[]): { id: string; quantity: number }[] {
  const merged = new Map<string, number>();
  for (const item of items) merged.set(item.id, (merged.get(item.id) ?? 0) + (item.quantity ?? 1));
  return [...merged].map(([id, quantity]) => ({ id, quantity }));
}

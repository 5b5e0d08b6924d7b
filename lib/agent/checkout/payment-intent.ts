import type { CheckoutSession } from '@/lib/acp/types';
import type { PaymentIntentSummary } from '@/lib/db/schema';

/**
 * ACP carries no PaymentIntent: the charge happens in the seller's Stripe account. A seller may
 * disclose it anyway (in metadata, or a field of its own beside the order), so the timeline can show
 * its id, status and amount. This looks through the raw response for the first `payment_intent…`
 * key holding a `pi_…` id or an object with one.
 */
export function paymentIntentOf(session: CheckoutSession, raw?: unknown): PaymentIntentSummary | null {
  const total = session.totals.find((t) => t.type === 'total')?.amount ?? 0;
  const currency = session.currency.toLowerCase();
  const found = search(raw ?? session, 0) ?? (raw ? search(session, 0) : null);
  if (!found) return null;
  if (typeof found === 'string') return { id: found, status: 'succeeded', amount: total, currency };
  return {
    id: found.id,
    status: typeof found.status === 'string' ? found.status : 'succeeded',
    amount: typeof found.amount === 'number' ? found.amount : total,
    currency: typeof found.currency === 'string' ? found.currency.toLowerCase() : currency,
  };
}

type Found = string | { id: string; status?: unknown; amount?: unknown; currency?: unknown };

function search(value: unknown, depth: number): Found | null {
  if (!value || typeof value !== 'object' || depth > 4) return null;
  if (Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  for (const [key, inner] of Object.entries(record)) {
    if (!/payment_?intent/i.test(key)) continue;
    if (typeof inner === 'string' && inner.startsWith('pi_')) return inner;
    if (
      inner &&
      typeof inner === 'object' &&
      typeof (inner as { id?: unknown }).id === 'string' &&
      (inner as { id: string }).id.startsWith('pi_')
    ) {
      return inner as Found;
    }
  }
  for (const inner of Object.values(record)) {
    const found = search(inner, depth + 1);
    if (found) return found;
  }
  return null;
}

import type { CheckoutSession } from '@/lib/acp/types';
import type { PaymentIntentSummary } from '@/lib/db/schema';

/**
 * ACP carries no PaymentIntent: the charge happens in the seller's Stripe account. Sellers that
 * disclose it (Aisle's demo sellers do, in the session's and order's `metadata`) let the timeline
 * show the PaymentIntent id, status and amount; others show none.
 */
export function paymentIntentOf(session: CheckoutSession): PaymentIntentSummary | null {
  const sources = [session.metadata, (session.order as { metadata?: Record<string, unknown> } | undefined)?.metadata];
  for (const metadata of sources) {
    if (!metadata) continue;
    const value = metadata.payment_intent ?? metadata.stripe_payment_intent ?? metadata.payment_intent_id;
    if (typeof value === 'string' && value.startsWith('pi_')) {
      const total = session.totals.find((t) => t.type === 'total')?.amount ?? 0;
      return { id: value, status: 'succeeded', amount: total, currency: session.currency.toLowerCase() };
    }
    if (value && typeof value === 'object') {
      const pi = value as { id?: unknown; status?: unknown; amount?: unknown; currency?: unknown };
      if (typeof pi.id === 'string') {
        return {
          id: pi.id,
          status: typeof pi.status === 'string' ? pi.status : 'succeeded',
          amount: typeof pi.amount === 'number' ? pi.amount : (session.totals.find((t) => t.type === 'total')?.amount ?? 0),
          currency: typeof pi.currency === 'string' ? pi.currency.toLowerCase() : session.currency.toLowerCase(),
        };
      }
    }
  }
  return null;
}

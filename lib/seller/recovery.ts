import { and, eq, lt, or, sql } from 'drizzle-orm';
import { AcpProblem } from '@/lib/acp/server';
import type { Db } from '@/lib/db/client';
import { sellerCheckoutSessions } from '@/lib/db/schema';
import { agentById } from './agents';
import { completeSession } from './checkout/complete';
import type { SessionInput } from './checkout/input';
import { cancelPendingIntent } from './checkout/payment';
import { COMPLETION_STALE_MS, lockSession, paymentOf, saveSession } from './checkout/store';
import { findSeller, sellerContext, type SellerDeps } from './context';
import { logSellerFailure } from './log';
import { releaseStock, stockLines } from './stock';

/**
 * The seller's reconciler, run at start and then every second by every instance, for what a crash
 * or an absent agent can leave behind:
 * - a completion that held stock and died (status `complete_in_progress`, stale): finished now with
 *   the same PaymentIntent idempotency key, so a charge it made becomes an order and one it did not
 *   make happens now, as the buyer asked;
 * - a PaymentIntent left waiting for 3DS past the session's expiry: canceled, its stock released.
 */
export async function recoverSellerSessions(
  deps: SellerDeps,
): Promise<{ resumed: number; released: number }> {
  const ctx = sellerContext(deps);
  const now = ctx.now();
  const rows = await ctx.db
    .select()
    .from(sellerCheckoutSessions)
    .where(
      and(
        eq(sellerCheckoutSessions.stockState, 'held'),
        or(
          and(
            eq(sellerCheckoutSessions.status, 'complete_in_progress'),
            or(
              sql`${sellerCheckoutSessions.completingSince} is null`,
              lt(sellerCheckoutSessions.completingSince, new Date(now.getTime() - COMPLETION_STALE_MS)),
            ),
          ),
          and(
            eq(sellerCheckoutSessions.status, 'authentication_required'),
            lt(sellerCheckoutSessions.expiresAt, now),
          ),
        ),
      ),
    )
    .limit(100);
  let resumed = 0;
  let released = 0;
  for (const row of rows) {
    const seller = findSeller(row.sellerId);
    const agent = seller ? await agentById(ctx.db, seller.id, row.agentId) : null;
    const payment = paymentOf(row);
    if (!seller || !agent || !payment.token) continue;
    try {
      if (row.status === 'complete_in_progress') {
        const body = {
          payment_data: {
            handler_id: 'stripe_spt',
            instrument: { type: 'card', credential: { type: 'spt', token: payment.token } },
          },
        };
        await completeSession(ctx, seller, agent, row.id, body);
        resumed++;
      } else if (
        payment.paymentIntentId &&
        (await cancelPendingIntent(ctx, seller, payment.paymentIntentId)) === 'canceled'
      ) {
        await ctx.db.transaction(async (t) => {
          const tx = t as unknown as Db;
          const locked = await lockSession(tx, seller.id, row.agentId, row.id);
          if (!locked || locked.stockState !== 'held') return;
          await releaseStock(tx, seller.id, stockLines(seller.id, (locked.input as SessionInput).items));
          await saveSession(tx, row.id, { status: 'expired', stockState: 'released', completingSince: null });
        });
        released++;
      }
    } catch (error) {
      // Another instance took this completion over a moment ago: it finishes it.
      if (error instanceof AcpProblem && error.status === 409) continue;
      logSellerFailure(`recovery of ${row.id}`, error);
    }
  }
  return { resumed, released };
}

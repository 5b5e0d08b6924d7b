import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import { agentCheckouts, agentPaymentAttempts } from '@/lib/db/schema';
import { PAYING_LEASE_MS } from './attempts';
import { finishInterrupted, type PayDeps } from './pay';

/**
 * The agent's reconciler, run every second by every instance: each purchase a Pay left half done —
 * its claim expired (the process died), or its attempt left open by an outage — is finished with the
 * keys of the attempt the buyer approved, or undone (`pay.ts`, `finishInterrupted`). Instances can
 * run it at once: each checkout is taken by one conditional UPDATE, so only one of them works on it.
 */
export async function reconcilePurchases(deps: Omit<PayDeps, 'buyerId'>): Promise<number> {
  const now = deps.now?.() ?? new Date();
  const staleBefore = new Date(now.getTime() - PAYING_LEASE_MS);
  const abandoned = await deps.db
    .select({ id: agentCheckouts.id, buyerId: agentCheckouts.buyerId })
    .from(agentCheckouts)
    .where(
      and(
        eq(agentCheckouts.status, 'paying'),
        or(isNull(agentCheckouts.payingSince), lt(agentCheckouts.payingSince, staleBefore)),
      ),
    )
    .limit(50);
  const unresolved = await deps.db
    .select({ id: agentCheckouts.id, buyerId: agentCheckouts.buyerId })
    .from(agentPaymentAttempts)
    .innerJoin(agentCheckouts, eq(agentCheckouts.id, agentPaymentAttempts.checkoutId))
    .where(
      and(
        eq(agentCheckouts.status, 'open'),
        inArray(agentPaymentAttempts.status, ['minting', 'completing']),
        lt(agentPaymentAttempts.updatedAt, staleBefore),
      ),
    )
    .limit(50);
  const checkouts = new Map([...abandoned, ...unresolved].map((c) => [c.id, c]));
  let finished = 0;
  for (const checkout of checkouts.values()) {
    const result = await finishInterrupted({ ...deps, buyerId: checkout.buyerId }, checkout);
    if (result && result.status !== 'in_progress') finished++;
  }
  return finished;
}

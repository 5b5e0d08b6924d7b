import { and, eq } from 'drizzle-orm';
import { CheckoutSession } from '@/lib/acp/types';
import type { Db } from '@/lib/db/client';
import { agentCheckouts } from '@/lib/db/schema';
import { sellerDisplayName } from '@/lib/agent/sellers';
import { quoteOf } from './quote';
import { toCheckoutDetails, type CheckoutDetails } from './view';

export type CheckoutRow = typeof agentCheckouts.$inferSelect;

/** The buyer's checkout, or null — another buyer's checkout is indistinguishable from a missing one. */
export async function findCheckout(db: Db, buyerId: string, checkoutId: string): Promise<CheckoutRow | null> {
  const [row] = await db
    .select()
    .from(agentCheckouts)
    .where(and(eq(agentCheckouts.id, checkoutId), eq(agentCheckouts.buyerId, buyerId)));
  return row ?? null;
}

export function storedSession(row: CheckoutRow): CheckoutSession | null {
  if (!row.session) return null;
  const parsed = CheckoutSession.safeParse(row.session);
  return parsed.success ? parsed.data : null;
}

export function rowDetails(row: CheckoutRow): CheckoutDetails | null {
  const session = storedSession(row);
  if (!session) return null;
  return toCheckoutDetails({
    id: row.id,
    sellerId: row.sellerId,
    sellerName: sellerDisplayName(row.sellerId),
    session,
    agentStatus: row.status,
    quote: quoteOf(row.sellerId, session),
    addressIsDefault: row.addressIsDefault,
    orderId: row.orderId,
    updatedAt: row.updatedAt,
  });
}

export async function saveSession(
  db: Db,
  checkoutId: string,
  session: CheckoutSession,
  extra: Partial<Pick<CheckoutRow, 'status' | 'addressIsDefault' | 'payingSince' | 'sellerSessionId'>> = {},
): Promise<CheckoutRow> {
  const [row] = await db
    .update(agentCheckouts)
    .set({ session, updatedAt: new Date(), ...extra })
    .where(eq(agentCheckouts.id, checkoutId))
    .returning();
  return row;
}
